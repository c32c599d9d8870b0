/**
 * Regression guard for the optimised gradeCustomers (column passes, compiled
 * tier table, breakpoints by selection, "surely above" bounds in the bins):
 * on random data and random valid settings it must equal a plain
 * implementation written straight from GRADING.md §3-§7 (full sort, rules
 * tried in list order, one customer at a time).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DayNumber } from '../../../src/domain/dates';
import { binOf, gradeCustomers, normalizeTierName, percentileIncSorted, validateSettings } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, DEFAULT_TIERS, type GradingSettings, type TierDefinition } from '../../../src/domain/settings';
import type { CustomerRecord, GradedCustomer, GradingResult, LifecycleKey, SegmentKey } from '../../../src/domain/types';
import { D } from './helpers';

const AS_OF = D('2024-07-01');
const TODAY = D('2025-01-15');

/** GRADING.md §3-§7, one customer at a time, no shortcuts. */
function referenceGrade(records: readonly CustomerRecord[], settings: GradingSettings, today: DayNumber): Omit<GradingResult, 'issues'> & { issues: [string, number | null][] } {
  let asOf: DayNumber;
  if (settings.asOf.mode === 'fixed') asOf = settings.asOf.day;
  else if (settings.asOf.mode === 'today') asOf = today;
  else {
    // GRADING.md §3: the latest purchase; a prospect's date is not a purchase.
    const lasts = records.flatMap((r) => (r.lastPurchase === null || r.frequency < 1 ? [] : [r.lastPurchase]));
    asOf = lasts.length === 0 ? today : ((Math.max(...lasts) + 1) as DayNumber);
  }
  const issues: [string, number | null][] = [];
  const isScored = (r: CustomerRecord): boolean => r.frequency >= 1 && r.lastPurchase !== null;
  const recencyOf = (r: CustomerRecord): number => Math.max(0, asOf - (r.lastPurchase as number));
  for (const r of records) {
    if (r.frequency >= 1 && r.lastPurchase === null) issues.push(['orders-without-last-purchase', r.sourceRow]);
    if (isScored(r) && asOf - (r.lastPurchase as number) < 0) issues.push(['purchase-after-as-of', r.sourceRow]);
  }
  const scored = records.filter(isScored);
  const breakpointsOf = (values: number[]): [number, number, number, number] => {
    const sorted = Float64Array.from(values).sort();
    const [q1, q2, q3, q4] = settings.quantiles;
    return [percentileIncSorted(sorted, q1), percentileIncSorted(sorted, q2), percentileIncSorted(sorted, q3), percentileIncSorted(sorted, q4)];
  };
  const breakpoints =
    scored.length === 0
      ? null
      : { recency: breakpointsOf(scored.map(recencyOf)), frequency: breakpointsOf(scored.map((r) => r.frequency)), monetary: breakpointsOf(scored.map((r) => r.monetary)) };

  const tierNamed = (text: string): TierDefinition | undefined =>
    settings.tiers.find((t) => [t.key, t.label.en, t.label.zh].some((name) => normalizeTierName(name) !== '' && normalizeTierName(name) === normalizeTierName(text)));

  const customers: GradedCustomer[] = records.map((record) => {
    const scoredHere = isScored(record);
    const recencyDays = scoredHere ? recencyOf(record) : null;
    let r: number | null = null;
    let f: number | null = null;
    let m: number | null = null;
    let segment: SegmentKey | null = null;
    if (scoredHere && breakpoints !== null) {
      r = 6 - binOf(recencyDays as number, breakpoints.recency);
      f = binOf(record.frequency, breakpoints.frequency);
      m = binOf(record.monetary, breakpoints.monetary);
      const cut = settings.highScoreCut;
      segment = settings.segments.find((s) => s.rHigh === (r as number) >= cut && s.fHigh === (f as number) >= cut && s.mHigh === (m as number) >= cut)?.key ?? null;
    }
    const sinceFirst = record.firstPurchase === null ? null : asOf - record.firstPurchase;
    const isProspect = record.frequency < 1;
    let tier: string | undefined;
    if (record.tierOverride !== null && record.tierOverride.trim() !== '') {
      tier = tierNamed(record.tierOverride)?.key;
      if (tier === undefined) issues.push(['unknown-tier', record.sourceRow]);
    }
    tier ??= settings.tiers.find(({ rule }) => {
      switch (rule.kind) {
        case 'prospect':
          return isProspect;
        case 'new':
          return sinceFirst !== null && sinceFirst <= rule.withinDays;
        case 'score':
          return r !== null && f !== null && m !== null && r + f + m >= rule.minScore;
        case 'fallback':
          return true;
      }
    })?.key;
    let lifecycle: LifecycleKey;
    if (isProspect) lifecycle = 'potential';
    else if (recencyDays !== null && recencyDays > settings.lifecycle.churnedAfterDays) lifecycle = 'churned';
    else if (recencyDays !== null && recencyDays > settings.lifecycle.atRiskAfterDays) lifecycle = 'at-risk';
    else if (sinceFirst !== null && sinceFirst <= settings.lifecycle.newWithinDays) lifecycle = 'new';
    else lifecycle = 'active';
    return { record, recencyDays, r, f, m, segment, tier: tier as string, lifecycle };
  });
  issues.sort((a, b) => (a[1] ?? Number.MAX_SAFE_INTEGER) - (b[1] ?? Number.MAX_SAFE_INTEGER));
  return { asOf, breakpoints, customers, issues };
}

/** Spend values that sit on or within the spreadsheet's tolerance of each other (0.1 + 0.2 vs 0.3), mixed with plain cents. */
const spend = fc.oneof(fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100), fc.constantFrom(0.3, 0.1 + 0.2, 100, 100.00000000000001, 99.99999999999999, 0));
const override = fc.constantFrom(null, null, null, null, 'gold', '  SILVER ', '金卡', 'Ｎｅｗ', 'Platinum', '', '   ', '潜在客户', 'VIP');
const customerSpec = fc.record({
  freq: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })),
  lastDaysAgo: fc.option(fc.integer({ min: -20, max: 900 }), { freq: 8 }),
  firstExtraDays: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 4 }),
  mon: spend,
  override,
});

const tierLists: readonly (readonly TierDefinition[])[] = [
  DEFAULT_TIERS,
  // a second `new` rule, between the score tiers, and a stricter gold
  [
    DEFAULT_TIERS[0] as TierDefinition,
    { key: 'gold', label: { en: 'Gold', zh: '金卡' }, color: '#FFD966', rule: { kind: 'score', minScore: 14 } },
    { key: 'new', label: { en: 'New', zh: '新客户' }, color: '#BDD7EE', rule: { kind: 'new', withinDays: 30 } },
    { key: 'silver', label: { en: 'Silver', zh: '银卡' }, color: '#C9C9C9', rule: { kind: 'score', minScore: 9 } },
    { key: 'fresh', label: { en: 'Fresh', zh: '新鲜客户' }, color: '#BDD7EE', rule: { kind: 'new', withinDays: 200 } },
    DEFAULT_TIERS[4] as TierDefinition,
  ],
  // no prospect tier: prospects fall to the fallback
  [DEFAULT_TIERS[2] as TierDefinition, DEFAULT_TIERS[3] as TierDefinition, DEFAULT_TIERS[4] as TierDefinition],
];
const settingsArb = fc
  .record({
    fixed: fc.boolean(),
    quantiles: fc.constantFrom([0.2, 0.4, 0.6, 0.8] as const, [0.25, 0.5, 0.75, 0.9] as const, [0.07, 0.14, 0.7, 0.93] as const),
    cut: fc.constantFrom(3, 4, 5),
    tiers: fc.constantFrom(...tierLists),
    lifecycle: fc.constantFrom({ churnedAfterDays: 365, atRiskAfterDays: 180, newWithinDays: 90 }, { churnedAfterDays: 60, atRiskAfterDays: 20, newWithinDays: 300 }),
  })
  .map(
    (s): GradingSettings => ({
      ...DEFAULT_SETTINGS,
      asOf: s.fixed ? { mode: 'fixed', day: AS_OF } : { mode: 'auto' },
      quantiles: s.quantiles,
      highScoreCut: s.cut,
      tiers: s.tiers,
      lifecycle: s.lifecycle,
    }),
  );

interface CustomerSpec {
  readonly freq: number;
  readonly lastDaysAgo: number | null;
  readonly firstExtraDays: number | null;
  readonly mon: number;
  readonly override: string | null;
}
const toRecords = (specs: readonly CustomerSpec[]): CustomerRecord[] =>
  specs.map((s, i) => {
    const last = s.lastDaysAgo === null ? null : ((AS_OF - s.lastDaysAgo) as DayNumber);
    const first = s.firstExtraDays === null ? null : (((last ?? AS_OF) - s.firstExtraDays) as DayNumber);
    return { id: `c${i}`, sourceRow: i + 2, firstPurchase: first, lastPurchase: last, frequency: s.freq, monetary: s.mon, tierOverride: s.override, profile: {}, carried: {} };
  });

describe('gradeCustomers equals the plain GRADING.md reference', () => {
  it('the reference settings are valid (so the comparison below grades, not throws)', () => {
    for (const tiers of tierLists) expect(validateSettings({ ...DEFAULT_SETTINGS, tiers })).toEqual([]);
  });

  it('on random customers and settings: same as-of, breakpoints, grades and issues (code, row, order)', () => {
    fc.assert(
      fc.property(fc.array(customerSpec, { minLength: 0, maxLength: 60 }), settingsArb, (specs, settings) => {
        const records = toRecords(specs);
        const fast = gradeCustomers(records, settings, { today: TODAY });
        const reference = referenceGrade(records, settings, TODAY);
        expect(fast.asOf).toBe(reference.asOf);
        expect(fast.breakpoints).toEqual(reference.breakpoints);
        expect(fast.customers).toEqual(reference.customers);
        expect(fast.issues.map((i) => [i.code, i.row])).toEqual(reference.issues);
      }),
      { numRuns: 400 },
    );
  });

  it('across chunk boundaries (20,000 customers): same grades and the same progress calls', () => {
    const specs = fc.sample(customerSpec, { numRuns: 20_000, seed: 20_240_701 });
    const records = toRecords(specs);
    const calls: [number, number][] = [];
    const fast = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY, onProgress: (done, total) => calls.push([done, total]) });
    const reference = referenceGrade(records, DEFAULT_SETTINGS, TODAY);
    expect(fast.breakpoints).toEqual(reference.breakpoints);
    expect(fast.customers).toEqual(reference.customers);
    expect(fast.issues.map((i) => [i.code, i.row])).toEqual(reference.issues);
    expect(calls).toEqual([[20_000, 20_000]]);
  });

  it('progress: once per 65,536 customers, then at the end (a multiple of 65,536 is reported twice, as before)', () => {
    const records = toRecords(fc.sample(customerSpec, { numRuns: 131_072, seed: 7 }));
    const calls: number[] = [];
    gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY, onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([65_536, 131_072, 131_072]);
  });
});
