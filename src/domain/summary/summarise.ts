/**
 * GRADING.md §9: the summary of a graded customer base, computed once from
 * the graded customers (after overrides: `GradedCustomer.tier` already is the
 * final tier key). The Summary sheet's live formulas, the report's `summary`,
 * the pane and the deck all show these numbers.
 *
 * Money is summed in integer cents (monetary is already rounded to cents), so
 * a revenue is exact to the cent whatever the order of the customers; it is
 * divided back to currency units once at the end. Shares and averages are
 * plain divisions of those exact sums; `null` wherever the divisor is 0.
 *
 * Cost: one pass over the customers, O(n + owners log owners).
 */
import type { GradingSettings } from '../settings';
import type { GradedCustomer, GradingResult, LifecycleKey, SegmentKey } from '../types';
import type { CustomerSummary, GroupSummary, OwnerSummary, SummaryKpis } from './types';

/** The lifecycle stages in GRADING.md §7's order (the order of the by-lifecycle block). */
export const LIFECYCLE_STAGES: readonly LifecycleKey[] = ['potential', 'churned', 'at-risk', 'new', 'active'];

/** Satisfaction is a 1-5 score (GRADING.md §1); values outside it are kept as typed but are not scores. */
const SATISFACTION_MIN = 1;
const SATISFACTION_MAX = 5;

/** Integer cents of an amount already rounded to cents (Math.round absorbs the binary noise of `x * 100`). */
function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Running totals of one group, in integer cents and whole days. */
class GroupAccumulator<K extends string> {
  customers = 0;
  revenueCents = 0;
  recencyDaysSum = 0;
  withRecency = 0;
  constructor(readonly key: K) {}

  add(customer: GradedCustomer, cents: number): void {
    this.customers++;
    this.revenueCents += cents;
    if (customer.recencyDays !== null) {
      this.recencyDaysSum += customer.recencyDays;
      this.withRecency++;
    }
  }

  result(allCustomers: number, allRevenueCents: number): GroupSummary<K> {
    const revenue = this.revenueCents / 100;
    return {
      key: this.key,
      customers: this.customers,
      revenue,
      avgSpend: this.customers === 0 ? null : revenue / this.customers,
      avgRecencyDays: this.withRecency === 0 ? null : this.recencyDaysSum / this.withRecency,
      customerShare: allCustomers === 0 ? null : this.customers / allCustomers,
      revenueShare: allRevenueCents === 0 ? null : this.revenueCents / allRevenueCents,
    };
  }
}

/**
 * The owner (sales rep) of a customer as text, as the table cell shows it:
 * `record.profile.owner` as typed; no owner or an empty text is `null`.
 */
export function ownerText(customer: GradedCustomer): string | null {
  const owner = customer.record.profile.owner;
  if (owner === null || owner === undefined) return null;
  const text = String(owner);
  return text === '' ? null : text;
}

/** Ordinal comparison of owner texts (code units): the same order on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Summarises graded customers (GRADING.md §9).
 *
 * Groups: every tier of `settings.tiers` in its order, every segment of
 * `settings.segments` in its order (scored customers only: those with a
 * segment), every lifecycle stage in §7's order; zeros included. A customer
 * whose tier key is not in the tier list is counted in the totals but in no
 * tier group (the grading never produces one).
 *
 * @example summarise(gradeCustomers(records, DEFAULT_SETTINGS), DEFAULT_SETTINGS).byTier[0].key === 'prospect'
 */
export function summarise(result: GradingResult, settings: GradingSettings): CustomerSummary {
  // The report and the plan both summarise the same grading: the second asks for what the first
  // computed (a walk over every customer, ~20-40 ms at 100k). Keyed by the result and the very
  // settings object, both immutable; the summary is frozen, so a caller cannot change the other's.
  const known = SUMMARIES.get(result);
  if (known !== undefined && known.settings === settings) return known.summary;
  const summary = deepFreeze(summariseUncached(result, settings));
  SUMMARIES.set(result, { settings, summary });
  return summary;
}

const SUMMARIES = new WeakMap<GradingResult, { readonly settings: GradingSettings; readonly summary: CustomerSummary }>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function summariseUncached(result: GradingResult, settings: GradingSettings): CustomerSummary {
  const tierGroups = new Map<string, GroupAccumulator<string>>();
  for (const tier of settings.tiers) if (!tierGroups.has(tier.key)) tierGroups.set(tier.key, new GroupAccumulator(tier.key));
  const segmentGroups = new Map<SegmentKey, GroupAccumulator<SegmentKey>>();
  for (const segment of settings.segments) if (!segmentGroups.has(segment.key)) segmentGroups.set(segment.key, new GroupAccumulator(segment.key));
  const lifecycleGroups = new Map<LifecycleKey, GroupAccumulator<LifecycleKey>>(LIFECYCLE_STAGES.map((k) => [k, new GroupAccumulator(k)]));
  const tierKeys = [...tierGroups.keys()];

  interface OwnerAccumulator {
    readonly owner: string | null;
    customers: number;
    revenueCents: number;
    readonly tiers: Record<string, number>;
  }
  const owners = new Map<string | null, OwnerAccumulator>();

  let customers = 0;
  let scored = 0;
  let repeatBuyers = 0;
  let revenueCents = 0;
  let satisfactionSum = 0;
  let satisfactionCount = 0;

  for (const customer of result.customers) {
    const cents = toCents(customer.record.monetary);
    customers++;
    revenueCents += cents;
    if (customer.record.frequency >= 1) {
      scored++;
      if (customer.record.frequency >= 2) repeatBuyers++;
    }
    tierGroups.get(customer.tier)?.add(customer, cents);
    if (customer.segment !== null) segmentGroups.get(customer.segment)?.add(customer, cents);
    lifecycleGroups.get(customer.lifecycle)?.add(customer, cents);

    const owner = ownerText(customer);
    let entry = owners.get(owner);
    if (entry === undefined) {
      const tiers: Record<string, number> = {};
      for (const key of tierKeys) tiers[key] = 0;
      entry = { owner, customers: 0, revenueCents: 0, tiers };
      owners.set(owner, entry);
    }
    entry.customers++;
    entry.revenueCents += cents;
    if (tierGroups.has(customer.tier)) entry.tiers[customer.tier] = (entry.tiers[customer.tier] as number) + 1;

    const satisfaction = customer.record.profile.satisfaction;
    if (typeof satisfaction === 'number' && satisfaction >= SATISFACTION_MIN && satisfaction <= SATISFACTION_MAX) {
      satisfactionSum += satisfaction;
      satisfactionCount++;
    }
  }

  const byTier = [...tierGroups.values()].map((g) => g.result(customers, revenueCents));
  const bySegment = [...segmentGroups.values()].map((g) => g.result(customers, revenueCents));
  const byLifecycle = [...lifecycleGroups.values()].map((g) => g.result(customers, revenueCents));

  const byOwner: OwnerSummary[] = [...owners.values()]
    .sort((a, b) => {
      if (a.revenueCents !== b.revenueCents) return b.revenueCents - a.revenueCents;
      if (a.owner === b.owner) return 0;
      if (a.owner === null) return 1;
      if (b.owner === null) return -1;
      return compareText(a.owner, b.owner);
    })
    .map((o) => ({ owner: o.owner, customers: o.customers, revenue: o.revenueCents / 100, tiers: o.tiers }));

  const lifecycle = (key: LifecycleKey): GroupAccumulator<LifecycleKey> => lifecycleGroups.get(key) as GroupAccumulator<LifecycleKey>;
  const topTier = settings.tiers.find((t) => t.rule.kind === 'score');
  const topTierCents = topTier === undefined ? null : (tierGroups.get(topTier.key) as GroupAccumulator<string>).revenueCents;
  const kpis: SummaryKpis = {
    topTierRevenueShare: topTierCents === null || revenueCents === 0 ? null : topTierCents / revenueCents,
    repeatRate: scored === 0 ? null : repeatBuyers / scored,
    atRiskCustomers: lifecycle('at-risk').customers + lifecycle('churned').customers,
    atRiskRevenue: (lifecycle('at-risk').revenueCents + lifecycle('churned').revenueCents) / 100,
    churnedShare: scored === 0 ? null : lifecycle('churned').customers / scored,
    avgSatisfaction: satisfactionCount === 0 ? null : satisfactionSum / satisfactionCount,
  };

  return {
    customers,
    scored,
    prospects: customers - scored,
    revenue: revenueCents / 100,
    byTier,
    bySegment,
    byLifecycle,
    byOwner,
    kpis,
  };
}
