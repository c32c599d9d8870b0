/**
 * Hand-made CustomerSummary values for the deck's tests, built from per-group
 * counts and revenue so that every share and mean is consistent with
 * GRADING.md §9 (null where the divisor is 0).
 */
import type { CustomerSummary, GroupSummary, OwnerSummary } from '../../src/domain/summary/types';
import type { LifecycleKey, SegmentKey } from '../../src/domain/types';

export interface GroupSpec {
  readonly customers: number;
  readonly revenue: number;
  readonly avgRecencyDays?: number | null;
}

function groups<K extends string>(specs: readonly (readonly [K, GroupSpec])[], allCustomers: number, allRevenue: number): GroupSummary<K>[] {
  return specs.map(([key, s]) => ({
    key,
    customers: s.customers,
    revenue: s.revenue,
    avgSpend: s.customers > 0 ? s.revenue / s.customers : null,
    avgRecencyDays: s.customers > 0 ? (s.avgRecencyDays ?? null) : null,
    customerShare: allCustomers > 0 ? s.customers / allCustomers : null,
    revenueShare: allRevenue > 0 ? s.revenue / allRevenue : null,
  }));
}

const SEGMENT_ORDER: readonly SegmentKey[] = [
  'important-value', 'important-develop', 'important-retain', 'important-winback',
  'general-value', 'general-develop', 'general-retain', 'general-winback',
];
const LIFECYCLE_ORDER: readonly LifecycleKey[] = ['potential', 'churned', 'at-risk', 'new', 'active'];

export interface SummarySpec {
  /** Per tier key, in tier-list order. */
  readonly tiers: Readonly<Record<string, GroupSpec>>;
  readonly segments?: Partial<Record<SegmentKey, GroupSpec>>;
  readonly lifecycle?: Partial<Record<LifecycleKey, GroupSpec>>;
  readonly owners?: readonly OwnerSummary[];
  readonly repeatCustomers?: number;
  readonly avgSatisfaction?: number | null;
}

export function makeSummary(spec: SummarySpec): CustomerSummary {
  const tierEntries = Object.entries(spec.tiers);
  const customers = tierEntries.reduce((n, [, g]) => n + g.customers, 0);
  const revenue = Math.round(tierEntries.reduce((n, [, g]) => n + g.revenue, 0) * 100) / 100;
  const prospects = spec.tiers.prospect?.customers ?? 0;
  const scored = customers - prospects;
  const zero: GroupSpec = { customers: 0, revenue: 0 };
  const byTier = groups(tierEntries, customers, revenue);
  const bySegment = groups(SEGMENT_ORDER.map((k) => [k, spec.segments?.[k] ?? zero] as const), customers, revenue);
  const byLifecycle = groups(LIFECYCLE_ORDER.map((k) => [k, spec.lifecycle?.[k] ?? zero] as const), customers, revenue);
  const life = (k: LifecycleKey): GroupSpec => spec.lifecycle?.[k] ?? zero;
  const topTier = byTier.find((g) => g.key === 'gold');
  return {
    customers,
    scored,
    prospects,
    revenue,
    byTier,
    bySegment,
    byLifecycle,
    byOwner: spec.owners ?? [],
    kpis: {
      topTierRevenueShare: topTier === undefined || revenue === 0 ? null : topTier.revenue / revenue,
      repeatRate: scored > 0 ? (spec.repeatCustomers ?? 0) / scored : null,
      atRiskCustomers: life('at-risk').customers + life('churned').customers,
      atRiskRevenue: life('at-risk').revenue + life('churned').revenue,
      churnedShare: scored > 0 ? life('churned').customers / scored : null,
      avgSatisfaction: spec.avgSatisfaction ?? null,
    },
  };
}

/** A realistic base of 1,000 customers: gold 9% of customers, 41% of revenue; owners with Chinese names. */
export const TYPICAL_SUMMARY: CustomerSummary = makeSummary({
  tiers: {
    prospect: { customers: 60, revenue: 0 },
    new: { customers: 110, revenue: 52_300.5, avgRecencyDays: 31 },
    gold: { customers: 90, revenue: 410_000, avgRecencyDays: 22.4 },
    silver: { customers: 240, revenue: 300_000.25, avgRecencyDays: 64 },
    regular: { customers: 500, revenue: 237_699.25, avgRecencyDays: 240 },
  },
  segments: {
    'important-value': { customers: 80, revenue: 380_000, avgRecencyDays: 20 },
    'important-develop': { customers: 60, revenue: 120_000, avgRecencyDays: 35 },
    'important-retain': { customers: 50, revenue: 110_000, avgRecencyDays: 200 },
    'important-winback': { customers: 70, revenue: 95_000, avgRecencyDays: 330 },
    'general-value': { customers: 90, revenue: 60_000, avgRecencyDays: 30 },
    'general-develop': { customers: 200, revenue: 70_000, avgRecencyDays: 40 },
    'general-retain': { customers: 90, revenue: 60_000, avgRecencyDays: 220 },
    'general-winback': { customers: 300, revenue: 105_000, avgRecencyDays: 400 },
  },
  lifecycle: {
    potential: { customers: 60, revenue: 0 },
    churned: { customers: 210, revenue: 120_000, avgRecencyDays: 480 },
    'at-risk': { customers: 150, revenue: 110_000, avgRecencyDays: 250 },
    new: { customers: 110, revenue: 52_300.5, avgRecencyDays: 31 },
    active: { customers: 470, revenue: 717_699.5, avgRecencyDays: 45 },
  },
  owners: [
    { owner: '张伟', customers: 320, revenue: 360_000, tiers: { prospect: 10, new: 30, gold: 40, silver: 90, regular: 150 } },
    { owner: 'Alice Martin', customers: 300, revenue: 330_000, tiers: { prospect: 20, new: 40, gold: 30, silver: 80, regular: 130 } },
    { owner: '李娜', customers: 250, revenue: 250_000, tiers: { prospect: 15, new: 30, gold: 15, silver: 50, regular: 140 } },
    { owner: null, customers: 130, revenue: 60_000, tiers: { prospect: 15, new: 10, gold: 5, silver: 20, regular: 80 } },
  ],
  repeatCustomers: 560,
  avgSatisfaction: 4.2,
});
