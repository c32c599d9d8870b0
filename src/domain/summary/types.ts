/**
 * The summary of a graded customer base: GRADING.md §9. One shape for every
 * surface (the report's `summary`, the Summary sheet's cached results, the
 * pane's Done screen, the slide deck). Pure data.
 *
 * Money is in the data's currency units, exact to the cent; shares are
 * fractions 0..1; day counts are days. `null` wherever the divisor is 0.
 */
import type { LifecycleKey, SegmentKey } from '../types';

/** One row of a by-tier, by-segment or by-lifecycle block. */
export interface GroupSummary<K extends string = string> {
  readonly key: K;
  readonly customers: number;
  readonly revenue: number;
  /** revenue / customers; null for an empty group. */
  readonly avgSpend: number | null;
  /** Mean recencyDays over the group's customers that have one; null when none has. */
  readonly avgRecencyDays: number | null;
  /** customers / all customers (of the summary); null when there are none. */
  readonly customerShare: number | null;
  /** revenue / all revenue; null when all revenue is 0. */
  readonly revenueShare: number | null;
}

/** One owner (sales rep): empty owner text is `null`. */
export interface OwnerSummary {
  readonly owner: string | null;
  readonly customers: number;
  readonly revenue: number;
  /** Count per tier key, every tier of the tier list present (zeros included), in tier-list order. */
  readonly tiers: Readonly<Record<string, number>>;
}

export interface SummaryKpis {
  readonly topTierRevenueShare: number | null;
  readonly repeatRate: number | null;
  readonly atRiskCustomers: number;
  readonly atRiskRevenue: number;
  readonly churnedShare: number | null;
  readonly avgSatisfaction: number | null;
}

export interface CustomerSummary {
  readonly customers: number;
  readonly scored: number;
  readonly prospects: number;
  readonly revenue: number;
  /** Every tier of the tier list, in its order, zeros included. */
  readonly byTier: readonly GroupSummary[];
  /** Every segment of the segment map, in its order; scored customers only. */
  readonly bySegment: readonly GroupSummary<SegmentKey>[];
  /** Every lifecycle stage in GRADING.md §7's order. */
  readonly byLifecycle: readonly GroupSummary<LifecycleKey>[];
  /** Sorted by revenue descending, then owner text (null last). */
  readonly byOwner: readonly OwnerSummary[];
  readonly kpis: SummaryKpis;
}
