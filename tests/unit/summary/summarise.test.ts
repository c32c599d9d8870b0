import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { gradeCustomers } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, DEFAULT_TIERS, type GradingSettings } from '../../../src/domain/settings';
import { LIFECYCLE_STAGES, summarise } from '../../../src/domain/summary';
import type { CarriedValue, FieldKey, GradedCustomer, GradingResult, LifecycleKey, SegmentKey } from '../../../src/domain/types';
import { before, D, rec } from '../grading/helpers';

const AS_OF = D('2024-07-01');

interface Spec {
  readonly id?: string;
  readonly tier: string;
  readonly lifecycle: LifecycleKey;
  readonly segment?: SegmentKey | null;
  readonly freq?: number;
  readonly mon?: number;
  readonly recency?: number | null;
  readonly owner?: CarriedValue;
  readonly satisfaction?: CarriedValue;
}

let nextId = 1;
/** A graded customer built directly, so each test states exactly the grade it summarises. */
function graded(spec: Spec): GradedCustomer {
  const freq = spec.freq ?? 1;
  const profile: Partial<Record<FieldKey, CarriedValue>> = {};
  if (spec.owner !== undefined) profile.owner = spec.owner;
  if (spec.satisfaction !== undefined) profile.satisfaction = spec.satisfaction;
  const recency = spec.recency === undefined ? (freq >= 1 ? 10 : null) : spec.recency;
  return {
    record: { ...rec({ id: spec.id ?? `c${nextId++}`, freq, mon: spec.mon ?? 0, last: recency === null ? null : before(AS_OF, recency) }), profile },
    recencyDays: recency,
    r: freq >= 1 ? 3 : null,
    f: freq >= 1 ? 3 : null,
    m: freq >= 1 ? 3 : null,
    segment: spec.segment === undefined ? (freq >= 1 ? 'general-value' : null) : spec.segment,
    tier: spec.tier,
    lifecycle: spec.lifecycle,
  };
}

const resultOf = (customers: readonly GradedCustomer[]): GradingResult => ({ asOf: AS_OF, breakpoints: null, customers, issues: [] });
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('summarise (GRADING.md §9)', () => {
  it('an empty base: every group listed with zeros, every ratio null', () => {
    const s = summarise(resultOf([]), DEFAULT_SETTINGS);
    expect(s).toMatchObject({ customers: 0, scored: 0, prospects: 0, revenue: 0, byOwner: [] });
    expect(s.byTier.map((g) => g.key)).toEqual(['prospect', 'new', 'gold', 'silver', 'regular']);
    expect(s.bySegment.map((g) => g.key)).toEqual(DEFAULT_SETTINGS.segments.map((x) => x.key));
    expect(s.byLifecycle.map((g) => g.key)).toEqual(['potential', 'churned', 'at-risk', 'new', 'active']);
    for (const g of [...s.byTier, ...s.bySegment, ...s.byLifecycle]) {
      expect(g).toEqual({ key: g.key, customers: 0, revenue: 0, avgSpend: null, avgRecencyDays: null, customerShare: null, revenueShare: null });
    }
    expect(s.kpis).toEqual({ topTierRevenueShare: null, repeatRate: null, atRiskCustomers: 0, atRiskRevenue: 0, churnedShare: null, avgSatisfaction: null });
  });

  it('groups: counts, exact-cent revenue, averages and shares', () => {
    const s = summarise(
      resultOf([
        graded({ tier: 'gold', lifecycle: 'active', segment: 'important-value', freq: 5, mon: 0.1, recency: 4 }),
        graded({ tier: 'gold', lifecycle: 'active', segment: 'important-value', freq: 3, mon: 0.2, recency: 7 }),
        graded({ tier: 'regular', lifecycle: 'churned', segment: 'general-winback', freq: 1, mon: 99.7, recency: 400 }),
        graded({ tier: 'prospect', lifecycle: 'potential', freq: 0, mon: 0 }),
      ]),
      DEFAULT_SETTINGS,
    );
    expect(s).toMatchObject({ customers: 4, scored: 3, prospects: 1, revenue: 100 });
    const gold = s.byTier.find((g) => g.key === 'gold');
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; cents make it 0.3.
    expect(gold).toEqual({ key: 'gold', customers: 2, revenue: 0.3, avgSpend: 0.15, avgRecencyDays: 5.5, customerShare: 0.5, revenueShare: 0.003 });
    expect(s.byTier.find((g) => g.key === 'prospect')).toEqual({ key: 'prospect', customers: 1, revenue: 0, avgSpend: 0, avgRecencyDays: null, customerShare: 0.25, revenueShare: 0 });
    expect(s.byTier.find((g) => g.key === 'silver')).toMatchObject({ customers: 0, avgSpend: null, avgRecencyDays: null, customerShare: 0, revenueShare: 0 });
    // Segments hold scored customers only; shares are over all customers.
    expect(sum(s.bySegment.map((g) => g.customers))).toBe(3);
    expect(s.bySegment.find((g) => g.key === 'general-winback')).toMatchObject({ customers: 1, revenue: 99.7, customerShare: 0.25 });
    expect(s.byLifecycle.find((g) => g.key === 'churned')).toMatchObject({ customers: 1, avgRecencyDays: 400 });
  });

  it.each<[string, readonly Spec[], Partial<Record<keyof ReturnType<typeof summarise>['kpis'], number | null>>]>([
    [
      'top tier share is the first score tier (gold); churned and at-risk make the at-risk KPI',
      [
        { tier: 'gold', lifecycle: 'active', freq: 2, mon: 300 },
        { tier: 'silver', lifecycle: 'at-risk', freq: 1, mon: 100, recency: 200 },
        { tier: 'regular', lifecycle: 'churned', freq: 1, mon: 100, recency: 500 },
        { tier: 'prospect', lifecycle: 'potential', freq: 0 },
      ],
      { topTierRevenueShare: 0.6, repeatRate: 1 / 3, atRiskCustomers: 2, atRiskRevenue: 200, churnedShare: 1 / 3 },
    ],
    ['only prospects: ratios over scored are null, revenue share null', [{ tier: 'prospect', lifecycle: 'potential', freq: 0 }], { topTierRevenueShare: null, repeatRate: null, churnedShare: null, atRiskCustomers: 0 }],
    [
      'satisfaction: the mean of the 1-5 numbers present; text and out-of-range values are not scores',
      [
        { tier: 'gold', lifecycle: 'active', satisfaction: 5 },
        { tier: 'gold', lifecycle: 'active', satisfaction: 2 },
        { tier: 'gold', lifecycle: 'active', satisfaction: 'great' },
        { tier: 'gold', lifecycle: 'active', satisfaction: 9 },
        { tier: 'gold', lifecycle: 'active', satisfaction: null },
      ],
      { avgSatisfaction: 3.5 },
    ],
  ])('KPIs: %s', (_name, specs, expected) => {
    expect(summarise(resultOf(specs.map(graded)), DEFAULT_SETTINGS).kpis).toMatchObject(expected);
  });

  it('top tier: the first tier with a score rule in list order, whatever its key; none gives null', () => {
    const reordered: GradingSettings = { ...DEFAULT_SETTINGS, tiers: [DEFAULT_TIERS[0], DEFAULT_TIERS[3], DEFAULT_TIERS[2], DEFAULT_TIERS[4]].map((t) => t!) };
    const customers = [graded({ tier: 'gold', lifecycle: 'active', mon: 30 }), graded({ tier: 'silver', lifecycle: 'active', mon: 10 })];
    expect(summarise(resultOf(customers), reordered).kpis.topTierRevenueShare).toBe(0.25);
    const noScoreTier: GradingSettings = { ...DEFAULT_SETTINGS, tiers: [DEFAULT_TIERS[0]!, DEFAULT_TIERS[4]!] };
    expect(summarise(resultOf([graded({ tier: 'regular', lifecycle: 'active', mon: 5 })]), noScoreTier).kpis.topTierRevenueShare).toBeNull();
  });

  it('owners: one entry per distinct text, empty text is null, sorted by revenue then text with null last, every tier counted', () => {
    const s = summarise(
      resultOf([
        graded({ tier: 'gold', lifecycle: 'active', owner: 'Bo', mon: 50 }),
        graded({ tier: 'silver', lifecycle: 'active', owner: 'Al', mon: 50 }),
        graded({ tier: 'gold', lifecycle: 'active', owner: '', mon: 50 }),
        graded({ tier: 'regular', lifecycle: 'active', mon: 50 }),
        graded({ tier: 'gold', lifecycle: 'active', owner: '王芳', mon: 80 }),
        graded({ tier: 'gold', lifecycle: 'active', owner: 'al', mon: 10 }),
        graded({ tier: 'prospect', lifecycle: 'potential', owner: 7, freq: 0 }),
      ]),
      DEFAULT_SETTINGS,
    );
    expect(s.byOwner.map((o) => [o.owner, o.customers, o.revenue])).toEqual([
      [null, 2, 100],
      ['王芳', 1, 80],
      ['Al', 1, 50],
      ['Bo', 1, 50],
      ['al', 1, 10],
      ['7', 1, 0],
    ]);
    expect(s.byOwner[0]?.tiers).toEqual({ prospect: 0, new: 0, gold: 1, silver: 0, regular: 1 });
    expect(Object.keys(s.byOwner[2]?.tiers ?? {})).toEqual(['prospect', 'new', 'gold', 'silver', 'regular']);
  });

  it('end to end over gradeCustomers: an override moves a customer (and its revenue) to the overridden tier', () => {
    const settings: GradingSettings = { ...DEFAULT_SETTINGS, asOf: { mode: 'fixed', day: AS_OF } };
    const records = [
      rec({ id: 'a', freq: 1, mon: 10, last: before(AS_OF, 300), first: before(AS_OF, 600) }),
      rec({ id: 'b', freq: 1, mon: 20, last: before(AS_OF, 300), first: before(AS_OF, 600), override: '金卡' }),
      rec({ id: 'p' }),
    ];
    const s = summarise(gradeCustomers(records, settings, { today: AS_OF }), settings);
    expect(s.byTier.find((g) => g.key === 'gold')).toMatchObject({ customers: 1, revenue: 20 });
    expect(s.kpis.topTierRevenueShare).toBeCloseTo(2 / 3, 15);
    expect(s.byLifecycle.find((g) => g.key === 'at-risk')).toMatchObject({ customers: 2, avgRecencyDays: 300 });
  });
});

// ------------------------------------------------------------------ properties

const tierKeys = DEFAULT_TIERS.map((t) => t.key);
const segmentKeys = DEFAULT_SETTINGS.segments.map((s) => s.key);
const arbCustomer: fc.Arbitrary<GradedCustomer> = fc
  .record({
    tier: fc.constantFrom(...tierKeys),
    lifecycle: fc.constantFrom(...LIFECYCLE_STAGES),
    freq: fc.nat(4),
    cents: fc.nat(10_000_000),
    recency: fc.option(fc.nat(2000)),
    owner: fc.option(fc.constantFrom('Al', 'Bo', 'Cy', '', '李雷')),
    segment: fc.constantFrom(...segmentKeys),
  })
  .map((x) =>
    graded({
      tier: x.tier,
      lifecycle: x.lifecycle,
      freq: x.freq,
      mon: x.cents / 100,
      recency: x.freq >= 1 ? x.recency : null,
      segment: x.freq >= 1 ? x.segment : null,
      ...(x.owner === null ? {} : { owner: x.owner }),
    }),
  );

describe('summarise: properties', () => {
  it('groups add up to the totals; shares sum to 1; owners sorted and complete', () => {
    fc.assert(
      fc.property(fc.array(arbCustomer, { maxLength: 60 }), (customers) => {
        const s = summarise(resultOf(customers), DEFAULT_SETTINGS);
        const totalCents = sum(customers.map((c) => Math.round(c.record.monetary * 100)));
        expect(s.customers).toBe(customers.length);
        expect(s.scored + s.prospects).toBe(s.customers);
        expect(Math.round(s.revenue * 100)).toBe(totalCents);
        for (const block of [s.byTier, s.byLifecycle]) {
          expect(sum(block.map((g) => g.customers))).toBe(s.customers);
          expect(sum(block.map((g) => Math.round(g.revenue * 100)))).toBe(totalCents);
          if (s.customers > 0) expect(sum(block.map((g) => g.customerShare as number))).toBeCloseTo(1, 12);
          if (totalCents > 0) expect(sum(block.map((g) => g.revenueShare as number))).toBeCloseTo(1, 12);
        }
        expect(sum(s.bySegment.map((g) => g.customers))).toBe(customers.filter((c) => c.segment !== null).length);
        expect(sum(s.byOwner.map((o) => o.customers))).toBe(s.customers);
        expect(sum(s.byOwner.map((o) => Math.round(o.revenue * 100)))).toBe(totalCents);
        for (const o of s.byOwner) expect(sum(Object.values(o.tiers))).toBe(o.customers);
        for (let i = 1; i < s.byOwner.length; i++) {
          const a = s.byOwner[i - 1]!;
          const b = s.byOwner[i]!;
          expect(a.revenue > b.revenue || (a.revenue === b.revenue && (b.owner === null || (a.owner !== null && a.owner < b.owner)))).toBe(true);
        }
      }),
    );
  });

  it('the summary does not depend on the order of the customers (exact cents)', () => {
    fc.assert(
      fc.property(
        fc.array(arbCustomer, { maxLength: 40 }).chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }))),
        ([customers, shuffled]) => {
        expect(summarise(resultOf(shuffled), DEFAULT_SETTINGS)).toEqual(summarise(resultOf(customers), DEFAULT_SETTINGS));
        },
      ),
    );
  });
});
