/**
 * The Charts sheet (图表) and its native charts (issue 6 §2), bound to the
 * Summary sheet's blocks (a {@link SummaryLayout}) with the core's summary as
 * their cached values. Pure and deterministic, like the rest of the plan.
 *
 * Layout: charts sit on a grid of 16:9 slides, 960 x 540 pt each, stacked
 * below the sheet's title and note. Every chart is a quarter (480 x 270 pt)
 * or a half (480 x 540 pt) of a slide, at a grid position, so no two
 * overlap and each pastes onto a slide at an exact size:
 *
 * ```
 * slide 1 |  tier customers   |  revenue Pareto    |   quarters (480 x 270)
 *         |  lifecycle stages |  avg spend by tier |
 * slide 2 |  segments, sorted (a whole slide: 8 long labels)  |
 * slide 3 |  owner x tier (a whole slide: narrow stacked segments need the width) |
 * ```
 *
 * The owner chart is left out when the data has no owner column
 * (`layout.ownerByTier` null); its slide of the grid stays empty.
 */
import type { Locale, Localized } from '../i18n/locale';
import { pick } from '../i18n/locale';
import { LIFECYCLE_LABELS, type GradingSettings } from '../domain/settings';
import type { CustomerSummary, GroupSummary } from '../domain/summary/types';
import type { LifecycleKey } from '../domain/types';
import type { CachedResult, PlanCell, SheetPlan, WorkbookPlan } from './types';
import type { ChartPlan, ChartSeriesPlan, PlanRangeRef, SummaryLayout } from './chartTypes';
import {
  CHART_AXIS_TITLES,
  CHART_OWNER_LABELS,
  CHART_SERIES_NAMES,
  CHART_TITLES,
  CHARTS_SHEET_NAME,
  CHARTS_SHEET_TEXT,
} from './chartStrings';

/** A 16:9 slide in points. */
export const SLIDE = { width: 960, height: 540 } as const;
/** Every Tierwise chart's name starts so; a refresh replaces exactly these. */
export const CHART_NAME_PREFIX = 'Tierwise_';
/** Where the grid starts: below the title (row 1) and the note (row 2), in points. */
export const CHART_GRID_TOP = 45;
export const CHART_GRID_LEFT = 0;

export type ChartKey = keyof typeof CHART_TITLES;

/** Chart name of a key: ASCII, the same in every locale. */
export function chartName(key: ChartKey): string {
  return `${CHART_NAME_PREFIX}${key}`;
}

/** True for a chart Tierwise made (and may replace); false for the user's own. */
export function isTierwiseChartName(name: string): boolean {
  return name.startsWith(CHART_NAME_PREFIX);
}

const NUMBER_FORMATS = {
  count: '#,##0',
  /** Zero segments of a stacked bar get no label (third section empty). */
  countHideZero: '#,##0;-#,##0;',
  money: '#,##0',
  share: '0%',
  /** The Pareto line's labels: a leading 0 % (prospects have no revenue) says nothing. */
  shareHideZero: '0%;-0%;',
} as const;

const COLORS = {
  tab: '#7030A0',
  /** One colour for single-series charts without per-category colours. */
  series: '#2F5597',
  revenue: '#5B9BD5',
  line: '#C00000',
  outline: '#7F7F7F',
} as const;

/** Lifecycle stage colours: grey prospects, blue new, green active, amber at risk, red churned. */
const LIFECYCLE_COLORS: Readonly<Record<LifecycleKey, string>> = {
  potential: '#BFBFBF',
  new: '#5B9BD5',
  active: '#70AD47',
  'at-risk': '#FFC000',
  churned: '#C00000',
};

/** Grid cells (slide; column 0/1 and row 0/1 of a quarter) and the size each chart takes. */
const PLACES: Readonly<Record<ChartKey, { slide: number; column: 0 | 1; row: 0 | 1; size: 'quarter' | 'slide' }>> = {
  tierCustomers: { slide: 0, column: 0, row: 0, size: 'quarter' },
  tierRevenuePareto: { slide: 0, column: 1, row: 0, size: 'quarter' },
  lifecycleCustomers: { slide: 0, column: 0, row: 1, size: 'quarter' },
  tierAverageSpend: { slide: 0, column: 1, row: 1, size: 'quarter' },
  segmentCustomers: { slide: 1, column: 0, row: 0, size: 'slide' },
  ownerTiers: { slide: 2, column: 0, row: 0, size: 'slide' },
};

function place(key: ChartKey): Pick<ChartPlan, 'left' | 'top' | 'width' | 'height'> {
  const p = PLACES[key];
  const width = p.size === 'quarter' ? SLIDE.width / 2 : SLIDE.width;
  const height = p.size === 'quarter' ? SLIDE.height / 2 : SLIDE.height;
  return {
    left: CHART_GRID_LEFT + p.column * (SLIDE.width / 2),
    top: CHART_GRID_TOP + p.slide * SLIDE.height + p.row * (SLIDE.height / 2),
    width,
    height,
  };
}

export class ChartPlanError extends Error {
  readonly code = 'layout-mismatch' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ChartPlanError';
  }
}

/**
 * The Charts sheet and its charts. Throws {@link ChartPlanError} when the
 * layout and the summary disagree (a block with another number of rows than
 * the summary has groups): the charts would cache the wrong numbers.
 */
export function buildCharts(
  layout: SummaryLayout,
  summary: CustomerSummary,
  settings: GradingSettings,
  locale: Locale,
): { sheet: SheetPlan; charts: ChartPlan[] } {
  const t = (text: Localized): string => pick(text, locale);
  const ref = (address: string): PlanRangeRef => ({ sheet: layout.sheet, address });
  const expectRows = (block: string, rows: number, groups: number): void => {
    if (rows !== groups) throw new ChartPlanError(`Summary block ${block} has ${rows} rows but the summary has ${groups} groups.`);
  };
  expectRows('byTier', layout.byTier.rows, summary.byTier.length);
  expectRows('bySegment', layout.bySegmentSorted.rows, summary.bySegment.length);
  expectRows('byLifecycle', layout.byLifecycle.rows, summary.byLifecycle.length);

  const tierByKey = new Map(settings.tiers.map((tier) => [tier.key, tier] as const));
  const tierLabel = (key: string): string => {
    const tier = tierByKey.get(key);
    return tier ? t(tier.label) : key;
  };
  const tierColor = (key: string): string => tierByKey.get(key)?.color ?? COLORS.series;
  const tierLabels = summary.byTier.map((g) => tierLabel(g.key));
  const tierColors = summary.byTier.map((g) => tierColor(g.key));

  const series = (s: Omit<ChartSeriesPlan, 'nameRef' | 'axis' | 'pointColors' | 'dataLabels' | 'outline'> & Partial<ChartSeriesPlan>): ChartSeriesPlan => ({
    nameRef: null,
    axis: 'primary',
    pointColors: null,
    dataLabels: true,
    outline: null,
    ...s,
  });
  const chart = (key: ChartKey, rest: Omit<ChartPlan, 'name' | 'sheet' | 'title' | 'left' | 'top' | 'width' | 'height'>): ChartPlan => ({
    name: chartName(key),
    sheet: 'charts',
    title: t(CHART_TITLES[key]),
    ...rest,
    ...place(key),
  });

  const charts: ChartPlan[] = [];

  // Customers per tier: one bar per tier in its tier colour.
  charts.push(
    chart('tierCustomers', {
      kind: 'column',
      categories: ref(layout.byTier.labels),
      cachedCategories: tierLabels,
      series: [
        series({
          name: t(CHART_SERIES_NAMES.customers),
          values: ref(layout.byTier.customers),
          cachedValues: summary.byTier.map((g) => g.customers),
          kind: 'column',
          color: COLORS.series,
          pointColors: tierColors,
          outline: COLORS.outline,
          numberFormat: NUMBER_FORMATS.count,
        }),
      ],
      axisTitles: { category: t(CHART_AXIS_TITLES.tier), value: t(CHART_AXIS_TITLES.customers), secondaryValue: null },
      legend: 'none',
    }),
  );

  // Pareto: revenue per tier (columns, tier colours) and the running share of revenue (line, secondary axis, 0-100 %).
  charts.push(
    chart('tierRevenuePareto', {
      kind: 'column',
      categories: ref(layout.byTier.labels),
      cachedCategories: tierLabels,
      series: [
        series({
          name: t(CHART_SERIES_NAMES.revenue),
          values: ref(layout.byTier.revenue),
          cachedValues: summary.byTier.map((g) => roundCents(g.revenue)),
          kind: 'column',
          color: COLORS.revenue,
          pointColors: tierColors,
          outline: COLORS.outline,
          // Labels on the line only: a small tier's column label and its cumulative point sit at the same spot.
          dataLabels: false,
          numberFormat: NUMBER_FORMATS.money,
        }),
        series({
          name: t(CHART_SERIES_NAMES.cumulativeShare),
          values: ref(layout.byTier.cumulativeRevenueShare),
          cachedValues: cumulativeShares(summary.byTier),
          kind: 'line',
          axis: 'secondary',
          color: COLORS.line,
          numberFormat: NUMBER_FORMATS.shareHideZero,
        }),
      ],
      // No legend: the bars are in tier colours (a legend key would show one colour), and the axis titles name both series.
      axisTitles: { category: null, value: t(CHART_AXIS_TITLES.revenue), secondaryValue: t(CHART_AXIS_TITLES.cumulativeShare) },
      legend: 'none',
      secondaryAxis: { min: 0, max: 1, numberFormat: NUMBER_FORMATS.share },
    }),
  );

  // Lifecycle stages, one colour per stage.
  charts.push(
    chart('lifecycleCustomers', {
      kind: 'column',
      categories: ref(layout.byLifecycle.labels),
      cachedCategories: summary.byLifecycle.map((g) => t(LIFECYCLE_LABELS[g.key])),
      series: [
        series({
          name: t(CHART_SERIES_NAMES.customers),
          values: ref(layout.byLifecycle.customers),
          cachedValues: summary.byLifecycle.map((g) => g.customers),
          kind: 'column',
          color: COLORS.series,
          pointColors: summary.byLifecycle.map((g) => LIFECYCLE_COLORS[g.key]),
          numberFormat: NUMBER_FORMATS.count,
        }),
      ],
      axisTitles: { category: t(CHART_AXIS_TITLES.lifecycle), value: t(CHART_AXIS_TITLES.customers), secondaryValue: null },
      legend: 'none',
    }),
  );

  // Average spend per customer, per tier (how much a customer of each tier is worth).
  charts.push(
    chart('tierAverageSpend', {
      kind: 'column',
      categories: ref(layout.byTier.labels),
      cachedCategories: tierLabels,
      series: [
        series({
          name: t(CHART_SERIES_NAMES.averageSpend),
          values: ref(layout.byTier.avgSpend),
          cachedValues: summary.byTier.map((g) => (g.avgSpend === null ? null : roundCents(g.avgSpend))),
          kind: 'column',
          color: COLORS.series,
          pointColors: tierColors,
          outline: COLORS.outline,
          numberFormat: NUMBER_FORMATS.money,
        }),
      ],
      axisTitles: { category: t(CHART_AXIS_TITLES.tier), value: t(CHART_AXIS_TITLES.averageSpend), secondaryValue: null },
      legend: 'none',
    }),
  );

  // Segments sorted by customers (the Summary's sorted copy of the block), largest on top.
  const segmentLabel = new Map(settings.segments.map((s) => [s.key, t(s.label)] as const));
  const sortedSegments = summary.bySegment
    .map((g, index) => ({ g, index }))
    .sort((a, b) => b.g.customers - a.g.customers || a.index - b.index)
    .map((x) => x.g);
  charts.push(
    chart('segmentCustomers', {
      kind: 'bar',
      categories: ref(layout.bySegmentSorted.labels),
      cachedCategories: sortedSegments.map((g) => segmentLabel.get(g.key) ?? g.key),
      series: [
        series({
          name: t(CHART_SERIES_NAMES.customers),
          values: ref(layout.bySegmentSorted.customers),
          cachedValues: sortedSegments.map((g) => g.customers),
          kind: 'bar',
          color: COLORS.series,
          numberFormat: NUMBER_FORMATS.count,
        }),
      ],
      axisTitles: { category: null, value: t(CHART_AXIS_TITLES.customers), secondaryValue: null },
      legend: 'none',
    }),
  );

  // Owner x tier: one stacked bar per owner row of the block (top owners by revenue, then "other"), a series per tier.
  const owners = layout.ownerByTier;
  if (owners !== null) {
    const listed = Math.max(0, owners.rows - 1);
    const rows = ownerRows(summary, listed);
    charts.push(
      chart('ownerTiers', {
        kind: 'stackedBar',
        categories: ref(owners.labels),
        cachedCategories: rows.map((r) => (r.owner === OTHER ? t(CHART_OWNER_LABELS.other) : r.owner === null ? t(CHART_OWNER_LABELS.none) : r.owner)),
        series: owners.tiers.map((tier) =>
          series({
            name: tierLabel(tier.tierKey),
            nameRef: ref(tier.header),
            values: ref(tier.customers),
            cachedValues: rows.map((r) => r.tiers[tier.tierKey] ?? 0),
            kind: 'bar',
            color: tierColor(tier.tierKey),
            outline: COLORS.outline,
            numberFormat: NUMBER_FORMATS.countHideZero,
          }),
        ),
        axisTitles: { category: null, value: t(CHART_AXIS_TITLES.customers), secondaryValue: null },
        legend: 'bottom',
      }),
    );
  }

  const cells: PlanCell[] = [
    { row: 0, column: 0, value: { kind: 'text', text: t(CHARTS_SHEET_TEXT.title) }, style: 'title' },
    { row: 1, column: 0, value: { kind: 'text', text: t(CHARTS_SHEET_TEXT.note) }, style: 'note' },
  ];
  const sheet: SheetPlan = { key: 'charts', name: t(CHARTS_SHEET_NAME), tabColor: COLORS.tab, freeze: null, columnWidths: [], cells };
  return { sheet, charts };
}

const OTHER = Symbol('other');

/** The owner block's rows: the first `listed` owners of the summary, then one row summing the rest. */
function ownerRows(summary: CustomerSummary, listed: number): { owner: string | null | typeof OTHER; tiers: Record<string, number> }[] {
  const rows: { owner: string | null | typeof OTHER; tiers: Record<string, number> }[] = summary.byOwner
    .slice(0, listed)
    .map((o) => ({ owner: o.owner, tiers: { ...o.tiers } }));
  const other: Record<string, number> = {};
  for (const tier of summary.byTier) other[tier.key] = 0;
  for (const o of summary.byOwner.slice(listed)) {
    for (const [key, n] of Object.entries(o.tiers)) other[key] = (other[key] ?? 0) + n;
  }
  rows.push({ owner: OTHER, tiers: other });
  return rows;
}

/** Running sum of revenue shares in block order; null while the total revenue is 0 (no share to show). */
function cumulativeShares(groups: readonly GroupSummary[]): CachedResult[] {
  let running = 0;
  return groups.map((g) => {
    if (g.revenueShare === null) return null;
    running += g.revenueShare;
    return Math.min(1, running);
  });
}

function roundCents(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The plan with the Charts sheet (after the Summary sheet, or last) and the
 * charts added: the one call the plan builder makes once its Summary part has
 * published `layout`.
 */
export function withCharts(plan: WorkbookPlan, layout: SummaryLayout, summary: CustomerSummary, settings: GradingSettings): WorkbookPlan {
  const { sheet, charts } = buildCharts(layout, summary, settings, plan.locale);
  const sheets = plan.sheets.filter((s) => s.key !== 'charts');
  const after = sheets.findIndex((s) => s.key === layout.sheet);
  sheets.splice(after < 0 ? sheets.length : after + 1, 0, sheet);
  return { ...plan, sheets, charts };
}

/**
 * The tick-label format of a value axis whose series labels use `labelFormat`:
 * only its first section, so a label format that hides zeros (`#,##0;-#,##0;`)
 * still lets the axis show its 0.
 */
export function axisNumberFormat(labelFormat: string): string {
  return labelFormat.split(';')[0] || 'General';
}
