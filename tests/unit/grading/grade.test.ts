import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DayNumber } from '../../../src/domain/dates';
import { GradingError, gradeCustomers, resolveAsOf } from '../../../src/domain/grading';
import { DEFAULT_SETTINGS, DEFAULT_TIERS, type GradingSettings } from '../../../src/domain/settings';
import type { CustomerRecord, GradedCustomer } from '../../../src/domain/types';
import { before, D, rec } from './helpers';

const AS_OF = D('2024-07-01');
const fixed = (settings: GradingSettings = DEFAULT_SETTINGS, day: DayNumber = AS_OF): GradingSettings => ({ ...settings, asOf: { mode: 'fixed', day } });
const TODAY = D('2025-01-15');
const grade = (records: readonly CustomerRecord[], settings: GradingSettings = fixed()) => gradeCustomers(records, settings, { today: TODAY });
const byId = (customers: readonly GradedCustomer[], id: string): GradedCustomer => {
  const found = customers.find((c) => c.record.id === id);
  if (found === undefined) throw new Error(`no customer ${id}`);
  return found;
};

describe('resolveAsOf (GRADING.md §3)', () => {
  const records = [rec({ id: 'a', last: D('2024-03-01'), freq: 1 }), rec({ id: 'b', last: D('2024-05-31'), freq: 2 }), rec({ id: 'p' })];
  it.each([
    ['auto: the day after the latest purchase', { mode: 'auto' } as const, records, D('2024-06-01')],
    ['auto with no purchase at all: today', { mode: 'auto' } as const, [rec({ id: 'p' })], TODAY],
    ['auto with no records: today', { mode: 'auto' } as const, [], TODAY],
    // Regression: a prospect's date (0 or blank orders, common in CRM exports) is not a purchase and moved the as-of date.
    ['auto ignores a prospect dated after every purchase', { mode: 'auto' } as const, [...records, rec({ id: 'q', last: D('2024-09-30'), freq: 0 })], D('2024-06-01')],
    ['auto with only a dated prospect: today', { mode: 'auto' } as const, [rec({ id: 'q', last: D('2024-09-30'), freq: 0 })], TODAY],
    ['fixed', { mode: 'fixed', day: D('2023-12-31') } as const, records, D('2023-12-31')],
    ['today', { mode: 'today' } as const, records, TODAY],
  ])('%s', (_name, setting, input, expected) => {
    expect(resolveAsOf(setting, input, TODAY)).toBe(expected);
  });

  it('regression: a dated prospect does not shift everyone\'s recency (as-of from purchases only)', () => {
    const result = gradeCustomers([...records, rec({ id: 'q', last: D('2024-09-30'), freq: 0 })], DEFAULT_SETTINGS, { today: TODAY });
    expect(result.asOf).toBe(D('2024-06-01'));
    expect(byId(result.customers, 'b').recencyDays).toBe(1);
  });

  it('grading with auto uses it: the latest buyer has recency 1', () => {
    const result = gradeCustomers(records, DEFAULT_SETTINGS, { today: TODAY });
    expect(result.asOf).toBe(D('2024-06-01'));
    expect(byId(result.customers, 'b').recencyDays).toBe(1);
  });
});

describe('scores, segments, tiers and lifecycle on a hand-computed table', () => {
  // Five scored customers with recency 10..50 days, frequency 1..5, spend 100..500, plus a prospect.
  // Breakpoints (h = p*4): recency [18,26,34,42], frequency [1.8,2.6,3.4,4.2], monetary [180,260,340,420].
  const records = [
    rec({ id: 'A', last: before(AS_OF, 10), freq: 1, mon: 100 }),
    rec({ id: 'B', last: before(AS_OF, 20), freq: 2, mon: 200 }),
    rec({ id: 'C', last: before(AS_OF, 30), freq: 3, mon: 300 }),
    rec({ id: 'D', last: before(AS_OF, 40), freq: 4, mon: 400 }),
    rec({ id: 'E', last: before(AS_OF, 50), freq: 5, mon: 500 }),
    rec({ id: 'P', last: before(AS_OF, 5), freq: 0, mon: 0 }),
  ];
  const result = grade(records);

  it('computes PERCENTILE.INC breakpoints over scored customers only', () => {
    expect(result.breakpoints).toEqual({ recency: [18, 26, 34, 42], frequency: [1.8, 2.6, 3.4, 4.2], monetary: [180, 260, 340, 420] });
  });

  it.each([
    // id, recencyDays, r, f, m, segment, tier, lifecycle
    ['A', 10, 5, 1, 1, 'general-develop', 'regular', 'active'],
    ['B', 20, 4, 2, 2, 'general-develop', 'regular', 'active'],
    ['C', 30, 3, 3, 3, 'general-winback', 'regular', 'active'],
    ['D', 40, 2, 4, 4, 'important-retain', 'silver', 'active'],
    ['E', 50, 1, 5, 5, 'important-retain', 'silver', 'active'],
    ['P', null, null, null, null, null, 'prospect', 'potential'],
  ] as const)('%s: recency %p, r %p f %p m %p, %s, %s, %s', (id, recencyDays, r, f, m, segment, tier, lifecycle) => {
    const c = byId(result.customers, id);
    expect({ recencyDays: c.recencyDays, r: c.r, f: c.f, m: c.m, segment: c.segment, tier: c.tier, lifecycle: c.lifecycle }).toEqual({ recencyDays, r, f, m, segment, tier, lifecycle });
  });

  it('keeps input order and raises no issue', () => {
    expect(result.customers.map((c) => c.record.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'P']);
    expect(result.issues).toEqual([]);
  });
});

describe('tie-breaks and edge rules', () => {
  it('right-closed bins: a value equal to a breakpoint stays in the lower bin; equal values get equal scores', () => {
    // frequency 1,1,1,1,5: breakpoints all 1 except b4: h = 0.8*4 = 3.2, so 1 + frac(3.2)*4, and
    // frac(3.2) is 0.20000000000000018 in binary, as in the spreadsheet: 1.8000000000000007.
    const records = ['a', 'b', 'c', 'd'].map((id) => rec({ id, last: before(AS_OF, 3), freq: 1, mon: 50 })).concat(rec({ id: 'e', last: before(AS_OF, 3), freq: 5, mon: 50 }));
    const result = grade(records);
    expect(result.breakpoints?.frequency).toEqual([1, 1, 1, 1.8000000000000007]);
    expect(result.customers.map((c) => c.f)).toEqual([1, 1, 1, 1, 5]);
    // identical spend everywhere: all breakpoints equal the value, so every M is 1; identical recency: R = 5.
    expect(new Set(result.customers.map((c) => c.m))).toEqual(new Set([1]));
    expect(new Set(result.customers.map((c) => c.r))).toEqual(new Set([5]));
  });

  it('one scored customer: all breakpoints are its own values (R 5, F 1, M 1)', () => {
    const result = grade([rec({ id: 'x', last: before(AS_OF, 7), freq: 3, mon: 99.5 }), rec({ id: 'p' })]);
    expect(result.breakpoints).toEqual({ recency: [7, 7, 7, 7], frequency: [3, 3, 3, 3], monetary: [99.5, 99.5, 99.5, 99.5] });
    expect(byId(result.customers, 'x')).toMatchObject({ r: 5, f: 1, m: 1, segment: 'general-develop' });
  });

  it('nobody scored: breakpoints are null and everyone is a prospect', () => {
    const result = grade([rec({ id: 'p1' }), rec({ id: 'p2', last: before(AS_OF, 3), freq: 0, mon: 10 })]);
    expect(result.breakpoints).toBeNull();
    expect(result.customers.map((c) => [c.tier, c.lifecycle, c.r, c.segment, c.recencyDays])).toEqual([
      ['prospect', 'potential', null, null, null],
      ['prospect', 'potential', null, null, null],
    ]);
  });

  it('a purchase after the as-of date counts as recency 0 and is reported with its row', () => {
    const result = grade([rec({ id: 'f', row: 9, last: (AS_OF + 3) as DayNumber, freq: 1, mon: 10 }), rec({ id: 'g', last: before(AS_OF, 30), freq: 1, mon: 10 })]);
    expect(byId(result.customers, 'f').recencyDays).toBe(0);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'purchase-after-as-of', severity: 'warning', row: 9, value: '2024-07-04' });
    expect(result.issues[0]?.message.en).toContain('Row 9');
    expect(result.issues[0]?.message.zh).toContain('第 9 行');
  });

  it('a customer with orders but no last purchase date is reported and left unscored', () => {
    const result = grade([rec({ id: 'n', row: 4, freq: 2, mon: 10 }), rec({ id: 'g', last: before(AS_OF, 30), freq: 1, mon: 10 })]);
    expect(byId(result.customers, 'n')).toMatchObject({ r: null, f: null, m: null, segment: null, tier: 'regular', lifecycle: 'active' });
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([['orders-without-last-purchase', 4]]);
  });
});

describe('tier override (GRADING.md §6 rule 1)', () => {
  const base = [rec({ id: 'g', last: before(AS_OF, 30), freq: 1, mon: 10 })];
  it.each([
    ['the key', 'gold', 'gold'],
    ['the English label, any case, padded', '  GOLD ', 'gold'],
    ['the Chinese label', '金卡', 'gold'],
    ['full-width letters (NFKC)', 'Ｓｉｌｖｅｒ', 'silver'],
    ['a prospect can be overridden', '新客户', 'new'],
  ])('matches %s', (_name, override, tier) => {
    const result = grade([...base, rec({ id: 'o', override, freq: 0 })]);
    expect(byId(result.customers, 'o').tier).toBe(tier);
    expect(result.issues).toEqual([]);
  });

  it('an override that names no tier is ignored and reported (unknown-tier)', () => {
    const result = grade([...base, rec({ id: 'o', row: 12, override: 'Platinum', freq: 0 })]);
    expect(byId(result.customers, 'o').tier).toBe('prospect');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'unknown-tier', row: 12, value: 'Platinum', severity: 'warning' });
  });

  it('an empty or blank override is no override', () => {
    const result = grade([...base, rec({ id: 'o', override: '   ', freq: 0 })]);
    expect(byId(result.customers, 'o').tier).toBe('prospect');
    expect(result.issues).toEqual([]);
  });
});

describe('new-customer rules and lifecycle boundaries', () => {
  const anchor = rec({ id: 'anchor', last: before(AS_OF, 1), freq: 1, mon: 1 });
  it.each([
    ['first purchase exactly 90 days before', before(AS_OF, 90), 'new', 'new'],
    ['first purchase 91 days before', before(AS_OF, 91), 'regular', 'active'],
    ['first purchase after the as-of date counts as within 90 days', (AS_OF + 5) as DayNumber, 'new', 'new'],
    ['no first purchase date (customer list without it): never new', null, 'regular', 'active'],
  ])('%s', (_name, first, tier, lifecycle) => {
    const result = grade([anchor, rec({ id: 'x', first, last: before(AS_OF, 20), freq: 1, mon: 1 })]);
    expect(byId(result.customers, 'x')).toMatchObject({ tier, lifecycle });
  });

  it.each([
    [180, 'active'],
    [181, 'at-risk'],
    [365, 'at-risk'],
    [366, 'churned'],
  ])('recency %p days -> %s', (days, lifecycle) => {
    const result = grade([anchor, rec({ id: 'x', last: before(AS_OF, days), freq: 1, mon: 1 })]);
    expect(byId(result.customers, 'x').lifecycle).toBe(lifecycle);
  });

  it('churned and at-risk come before new', () => {
    const result = grade([anchor, rec({ id: 'x', first: before(AS_OF, 400), last: before(AS_OF, 400), freq: 1, mon: 1 })], fixed({ ...DEFAULT_SETTINGS, lifecycle: { churnedAfterDays: 365, atRiskAfterDays: 180, newWithinDays: 500 } }));
    expect(byId(result.customers, 'x').lifecycle).toBe('churned');
  });
});

describe('changed thresholds are data', () => {
  const records = [
    rec({ id: 'A', last: before(AS_OF, 10), freq: 1, mon: 100 }),
    rec({ id: 'B', last: before(AS_OF, 20), freq: 2, mon: 200 }),
    rec({ id: 'C', last: before(AS_OF, 30), freq: 3, mon: 300 }),
    rec({ id: 'D', last: before(AS_OF, 40), freq: 4, mon: 400 }),
    rec({ id: 'E', last: before(AS_OF, 50), freq: 5, mon: 500 }),
  ];
  it('cut 3, gold at 9, lifecycle 45/25 days, quartile breakpoints', () => {
    const settings = fixed({
      ...DEFAULT_SETTINGS,
      quantiles: [0.25, 0.5, 0.75, 0.9],
      highScoreCut: 3,
      tiers: DEFAULT_TIERS.map((t) => (t.key === 'gold' ? { ...t, rule: { kind: 'score', minScore: 9 } as const } : t)),
      lifecycle: { churnedAfterDays: 45, atRiskAfterDays: 25, newWithinDays: 90 },
    });
    const result = grade(records, settings);
    // quartiles of 10..50: [20, 30, 40, 46]; of 1..5: [2, 3, 4, 4.6]; of 100..500: [200, 300, 400, 460].
    expect(result.breakpoints).toEqual({ recency: [20, 30, 40, 46], frequency: [2, 3, 4, 4.6], monetary: [200, 300, 400, 460] });
    const rows = result.customers.map((c) => [c.record.id, c.r, c.f, c.m, c.segment, c.tier, c.lifecycle]);
    expect(rows).toEqual([
      ['A', 5, 1, 1, 'general-develop', 'regular', 'active'],
      ['B', 5, 1, 1, 'general-develop', 'regular', 'active'],
      ['C', 4, 2, 2, 'general-develop', 'regular', 'at-risk'],
      ['D', 3, 3, 3, 'important-value', 'gold', 'at-risk'],
      ['E', 1, 5, 5, 'important-retain', 'gold', 'churned'], // 1+5+5 = 11 >= 9
    ]);
  });

  it('an edited segment map is honoured', () => {
    const settings = fixed({ ...DEFAULT_SETTINGS, segments: DEFAULT_SETTINGS.segments.map((s) => (s.key === 'general-develop' ? { ...s, key: 'general-develop' as const, rHigh: false, fHigh: false, mHigh: false } : s.key === 'general-winback' ? { ...s, rHigh: true, fHigh: false, mHigh: false } : s)) });
    const result = grade(records, settings);
    expect(byId(result.customers, 'A').segment).toBe('general-winback');
    expect(byId(result.customers, 'C').segment).toBe('general-develop');
  });

  it('invalid settings are refused with a typed error', () => {
    const settings = fixed({ ...DEFAULT_SETTINGS, tiers: DEFAULT_TIERS.filter((t) => t.rule.kind !== 'fallback') });
    expect(() => grade(records, settings)).toThrow(GradingError);
  });
});

describe('progress', () => {
  it('reports the end', () => {
    const calls: [number, number][] = [];
    gradeCustomers([rec({ id: 'a', last: AS_OF, freq: 1, mon: 1 })], fixed(), { today: TODAY, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls[calls.length - 1]).toEqual([1, 1]);
  });
});

describe('properties', () => {
  const customer = fc.record({
    daysAgo: fc.integer({ min: 0, max: 800 }),
    freq: fc.integer({ min: 0, max: 8 }),
    cents: fc.integer({ min: 0, max: 200_000 }),
  });
  const population = fc.array(customer, { minLength: 1, maxLength: 40 });
  const toRecords = (specs: readonly { daysAgo: number; freq: number; cents: number }[]): CustomerRecord[] =>
    specs.map((s, i) => rec({ id: `c${i}`, row: i + 2, last: before(AS_OF, s.daysAgo), freq: s.freq, mon: s.cents / 100 }));

  it('scores are 1..5 for scored customers and null for prospects', () => {
    fc.assert(
      fc.property(population, (specs) => {
        return grade(toRecords(specs)).customers.every((c) =>
          c.record.frequency >= 1 ? [c.r, c.f, c.m].every((s) => s !== null && s >= 1 && s <= 5) && c.segment !== null : c.r === null && c.f === null && c.m === null && c.segment === null && c.recencyDays === null,
        );
      }),
    );
  });

  it('equal values get equal scores', () => {
    fc.assert(
      fc.property(population, (specs) => {
        const cs = grade(toRecords(specs)).customers.filter((c) => c.record.frequency >= 1);
        return cs.every((a) => cs.every((b) => (a.record.monetary !== b.record.monetary || a.m === b.m) && (a.record.frequency !== b.record.frequency || a.f === b.f) && (a.recencyDays !== b.recencyDays || a.r === b.r)));
      }),
    );
  });

  it('raising one customer spend never lowers its M; raising frequency never lowers F; a more recent purchase never lowers R', () => {
    fc.assert(
      fc.property(population, fc.nat(), fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 300 }), (specs, pick, moreCents, moreOrders, fewerDays) => {
        const i = pick % specs.length;
        const s = specs[i] as { daysAgo: number; freq: number; cents: number };
        if (s.freq === 0) return true;
        const before1 = grade(toRecords(specs)).customers[i] as GradedCustomer;
        const richer = grade(toRecords(specs.map((x, j) => (j === i ? { ...x, cents: x.cents + moreCents } : x)))).customers[i] as GradedCustomer;
        const busier = grade(toRecords(specs.map((x, j) => (j === i ? { ...x, freq: x.freq + moreOrders } : x)))).customers[i] as GradedCustomer;
        const fresher = grade(toRecords(specs.map((x, j) => (j === i ? { ...x, daysAgo: Math.max(0, x.daysAgo - fewerDays) } : x)))).customers[i] as GradedCustomer;
        return (richer.m as number) >= (before1.m as number) && (busier.f as number) >= (before1.f as number) && (fresher.r as number) >= (before1.r as number);
      }),
    );
  });

  it('permuting the input order changes no grade', () => {
    fc.assert(
      fc.property(population.chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length, maxLength: specs.length }))), ([specs, order]) => {
        const records = toRecords(specs);
        const a = grade(records);
        const b = grade(order.map((i) => records[i] as CustomerRecord));
        const key = (c: GradedCustomer) => JSON.stringify([c.recencyDays, c.r, c.f, c.m, c.segment, c.tier, c.lifecycle]);
        return a.customers.every((c) => key(c) === key(byId(b.customers, c.record.id))) && JSON.stringify(a.breakpoints) === JSON.stringify(b.breakpoints);
      }),
    );
  });
});
