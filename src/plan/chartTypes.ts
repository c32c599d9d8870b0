/**
 * Plain data for native charts (issue 6 §2) and the contract between the
 * Summary sheet's layout and the charts bound to it.
 *
 * Conventions (as in ./types.ts): A1 addresses are absolute and carry no
 * sheet name (the `sheet` key says where); sizes and positions are in points
 * (a 16:9 slide is 960 x 540 pt); colours are `#RRGGBB`.
 */
import type { CachedResult, SheetKey } from './types';
import type { PredictionSummaryLayout } from './predictionSummary';

/** A range a chart reads: a sheet and an absolute A1 address on it (one row or one column). */
export interface PlanRangeRef {
  readonly sheet: SheetKey;
  readonly address: string;
}

export type ChartSeriesKind = 'column' | 'bar' | 'line';

export interface ChartSeriesPlan {
  /** Series name as shown in the legend (localised). */
  readonly name: string;
  /** The cell holding the name, when the name lives in the workbook (a tier label from Settings). */
  readonly nameRef: PlanRangeRef | null;
  readonly values: PlanRangeRef;
  /** What the core computed for each point, in order: file renderers store it as the chart cache. */
  readonly cachedValues: readonly CachedResult[];
  readonly kind: ChartSeriesKind;
  readonly axis: 'primary' | 'secondary';
  /** The series' fill (or line) colour; null lets the host choose. */
  readonly color: string | null;
  /** Per-point fills (a bar per tier in its tier colour), same length as the categories; null for none. */
  readonly pointColors: readonly string[] | null;
  readonly dataLabels: boolean;
  /** Number format of the values and their labels (`0`, `0.0%`, `#,##0`). */
  readonly numberFormat: string;
  /**
   * Outline of the bars (or of the line's markers), `#RRGGBB`; absent or null for none. Light tier
   * colours (a pale green on white) need one to be seen.
   */
  readonly outline?: string | null;
}

/** The secondary value axis' fixed scale (the Pareto's 0-100 % line). */
export interface ChartAxisScalePlan {
  readonly min: number;
  readonly max: number;
  /** Tick label format (`0%`). */
  readonly numberFormat: string;
}

export interface ChartPlan {
  /** Stable ASCII name, `Tierwise_` + key: how a refresh finds (and replaces) Tierwise's own charts and never a user's. */
  readonly name: string;
  readonly sheet: SheetKey;
  /** The chart's main type; a combo chart (Pareto) has series of another kind on the secondary axis. */
  readonly kind: 'column' | 'bar' | 'stackedBar' | 'stackedColumn' | 'line' | 'doughnut';
  readonly title: string;
  readonly categories: PlanRangeRef;
  readonly cachedCategories: readonly string[];
  readonly series: readonly ChartSeriesPlan[];
  readonly axisTitles: {
    readonly category: string | null;
    readonly value: string | null;
    readonly secondaryValue: string | null;
  };
  readonly legend: 'none' | 'bottom' | 'right' | 'top';
  /**
   * The secondary value axis' scale, for a chart with a series on it; absent lets the host scale it.
   * Renderers draw bar charts (`bar`, `stackedBar`) with the first category on top (the category axis
   * reversed), so a sorted block reads top-down as it does on the Summary sheet.
   */
  readonly secondaryAxis?: ChartAxisScalePlan;
  /** Position and size in points on the sheet. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where one block of the Summary sheet sits, for charts to bind to. Each
 * address covers the block's body rows (no header), one cell per group, in
 * the block's order.
 */
export interface SummaryBlockRefs {
  readonly rows: number;
  /** The group labels (tier / segment / stage names, read from Settings by formula). */
  readonly labels: string;
  readonly customers: string;
  readonly customerShare: string;
  readonly revenue: string;
  readonly revenueShare: string;
  readonly avgSpend: string;
  readonly avgRecencyDays: string;
}

/** The Summary sheet's layout, published by the summary part of the plan and read by the charts part. */
export interface SummaryLayout {
  readonly sheet: SheetKey;
  /** Tiers in tier-list order, plus the running sum of revenue share in that order (the Pareto line). */
  readonly byTier: SummaryBlockRefs & { readonly cumulativeRevenueShare: string };
  readonly bySegment: SummaryBlockRefs;
  /** The segment block again, sorted by customers descending (live formulas), for the sorted bar chart. */
  readonly bySegmentSorted: { readonly rows: number; readonly labels: string; readonly customers: string };
  readonly byLifecycle: SummaryBlockRefs;
  /** Owner x tier: one row per owner listed at build time, then the "other / 其他" row; null when the data has no owner column. */
  readonly ownerByTier: {
    readonly rows: number;
    readonly labels: string;
    /** One column of counts per tier, in tier-list order; `header` is the cell holding the tier's label. */
    readonly tiers: readonly { readonly tierKey: string; readonly header: string; readonly customers: string }[];
    readonly revenue: string;
    /** Customers per owner (all tiers), same rows as `labels`. Added by the summary part. */
    readonly customers: string;
  } | null;
  /** Issue 9: the prediction blocks below the others (predictionSummary.ts); absent or null when the build has no fitted prediction. */
  readonly prediction?: PredictionSummaryLayout | null;
}
