/**
 * summarizePrediction's rules on hand-made customers (issue 9): the
 * call-first list (P(active) below the high-risk threshold, CLV descending,
 * equal CLVs in customer order, at most AT_RISK_LIST_LENGTH), the group sums
 * and averages, and the honest empties: no spend model, prospects only.
 */
import { describe, expect, test } from '@jest/globals';
import { AT_RISK_LIST_LENGTH, DEFAULT_PREDICTION_SETTINGS, summarizePrediction, type PredictionResult } from '../../../src/domain/prediction';
import type { GradedCustomer, GradingResult, SegmentKey } from '../../../src/domain/types';
import type { DayNumber } from '../../../src/domain/dates';

interface Row {
  readonly tier: string;
  readonly segment?: SegmentKey | null;
  /** NaN = no prediction. */
  readonly p: number;
  readonly e?: number;
  readonly v?: number;
  readonly clv?: number;
  readonly name?: string | null;
}

function grading(rows: readonly Row[]): GradingResult {
  const customers = rows.map((r, i): GradedCustomer => ({
    record: { id: `C${i}`, sourceRow: i + 2, firstPurchase: null, lastPurchase: null, frequency: 1, monetary: 100 + i, tierOverride: null, profile: r.name === undefined ? { owner: 'Wang' } : { name: r.name, owner: 'Wang' }, carried: {} },
    recencyDays: 1, r: 3, f: 3, m: 3,
    segment: r.segment === undefined ? 'general-value' : r.segment,
    tier: r.tier,
    lifecycle: 'active',
  }));
  return { asOf: 0 as DayNumber, breakpoints: null, customers, issues: [] };
}

function prediction(rows: readonly Row[], withSpend = true): PredictionResult {
  const arr = (f: (r: Row) => number): Float64Array => Float64Array.from(rows, f);
  return {
    status: withSpend ? 'ok' : 'partial',
    purchaseModel: { r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, customersUsed: rows.length, repeatBuyers: rows.length },
    spendModel: withSpend ? { p: 1, q: 2, v: 1, logLikelihood: -1, customersUsed: rows.length, frequencySpendCorrelation: 0 } : null,
    problems: [],
    pAlive: arr((r) => r.p),
    expectedPurchases: arr((r) => (Number.isNaN(r.p) ? Number.NaN : (r.e ?? 1))),
    expectedValue: arr((r) => (!withSpend || Number.isNaN(r.p) ? Number.NaN : (r.v ?? 10))),
    clv: arr((r) => (!withSpend || Number.isNaN(r.p) ? Number.NaN : (r.clv ?? 5))),
  };
}

const TIERS = ['gold', 'silver', 'prospect'];
const SEGMENTS: SegmentKey[] = ['important-value', 'general-value'];
const summarize = (rows: readonly Row[], withSpend = true, settings = DEFAULT_PREDICTION_SETTINGS) => summarizePrediction(grading(rows), prediction(rows, withSpend), settings, TIERS, SEGMENTS);

describe('the call-first list', () => {
  test.each<[string, Row[], string[]]>([
    ['CLV descending', [{ tier: 'gold', p: 0.1, clv: 5 }, { tier: 'gold', p: 0.2, clv: 9 }, { tier: 'silver', p: 0.05, clv: 7 }], ['C1', 'C2', 'C0']],
    ['equal CLVs keep the customers\' order', [{ tier: 'gold', p: 0.1, clv: 5 }, { tier: 'gold', p: 0.2, clv: 9 }, { tier: 'silver', p: 0.05, clv: 5 }, { tier: 'silver', p: 0.01, clv: 5 }], ['C1', 'C0', 'C2', 'C3']],
    ['P(active) at the threshold is not high risk', [{ tier: 'gold', p: 0.3, clv: 50 }, { tier: 'gold', p: 0.2999, clv: 1 }], ['C1']],
    ['low and medium risk are left out, however valuable', [{ tier: 'gold', p: 0.9, clv: 500 }, { tier: 'gold', p: 0.5, clv: 400 }, { tier: 'gold', p: 0.1, clv: 1 }], ['C2']],
    ['customers without a prediction are left out', [{ tier: 'prospect', p: Number.NaN }, { tier: 'gold', p: 0.1, clv: 2 }], ['C1']],
    ['nobody at risk: an empty list', [{ tier: 'gold', p: 0.8 }, { tier: 'silver', p: 1 }], []],
  ])('%s', (_, rows, ids) => {
    const s = summarize(rows);
    expect(s.atRiskHighValue.map((c) => c.id)).toEqual(ids);
    expect(s.highRisk.customers).toBe(ids.length);
    expect(s.atRiskHighValue.map((c) => c.index)).toEqual(ids.map((id) => Number(id.slice(1))));
  });

  test('at most AT_RISK_LIST_LENGTH listed; the count and CLV cover every high-risk customer', () => {
    const rows: Row[] = Array.from({ length: 30 }, (_, i) => ({ tier: 'gold', p: 0.1, clv: i }));
    const s = summarize(rows);
    expect(s.atRiskHighValue).toHaveLength(AT_RISK_LIST_LENGTH);
    expect(s.atRiskHighValue[0]?.clv).toBe(29);
    expect(s.highRisk).toEqual({ customers: 30, clv: (29 * 30) / 2 });
  });

  test('a higher threshold (from Settings) selects more', () => {
    const rows: Row[] = [{ tier: 'gold', p: 0.1, clv: 1 }, { tier: 'gold', p: 0.4, clv: 2 }];
    expect(summarize(rows, true, { ...DEFAULT_PREDICTION_SETTINGS, highRiskBelow: 0.5, mediumRiskBelow: 0.7 }).atRiskHighValue.map((c) => c.id)).toEqual(['C1', 'C0']);
  });

  test('names and owners come from the profile; a missing name is null', () => {
    const s = summarize([{ tier: 'gold', p: 0.1, name: 'Zhang' }, { tier: 'gold', p: 0.1, name: null }, { tier: 'gold', p: 0.1, name: '' }]);
    expect(s.atRiskHighValue.map((c) => [c.name, c.owner])).toEqual([['Zhang', 'Wang'], [null, 'Wang'], [null, 'Wang']]);
  });
});

describe('groups: sums and averages per customer with a prediction', () => {
  test('by tier and by segment', () => {
    const rows: Row[] = [
      { tier: 'gold', segment: 'important-value', p: 0.9, e: 2, v: 10, clv: 30 },
      { tier: 'gold', segment: 'general-value', p: 0.5, e: 1, v: 20, clv: 10 },
      { tier: 'silver', segment: 'general-value', p: 0.1, e: 0.5, v: 4, clv: 1 },
      { tier: 'prospect', segment: null, p: Number.NaN },
    ];
    const s = summarize(rows);
    expect(s.byTier).toEqual([
      { key: 'gold', customers: 2, predicted: 2, expectedPurchases: 3, expectedRevenue: 40, avgExpectedRevenue: 20, clv: 40, avgClv: 20 },
      { key: 'silver', customers: 1, predicted: 1, expectedPurchases: 0.5, expectedRevenue: 2, avgExpectedRevenue: 2, clv: 1, avgClv: 1 },
      { key: 'prospect', customers: 1, predicted: 0, expectedPurchases: 0, expectedRevenue: 0, avgExpectedRevenue: null, clv: 0, avgClv: null },
    ]);
    expect(s.bySegment.map((g) => [g.key, g.customers, g.clv])).toEqual([['important-value', 1, 30], ['general-value', 2, 11], [null, 1, 0]]);
  });

  test('no spend model: no revenue, no CLV, no list (never zeros shown as values)', () => {
    const rows: Row[] = [{ tier: 'gold', p: 0.1, e: 2 }, { tier: 'silver', p: 0.05, e: 1 }];
    const s = summarize(rows, false);
    for (const g of s.byTier) expect([g.expectedRevenue, g.avgExpectedRevenue, g.clv, g.avgClv]).toEqual([null, null, null, null]);
    expect(s.byTier[0]?.expectedPurchases).toBe(2);
    expect(s.atRiskHighValue).toEqual([]);
    expect(s.highRisk).toEqual({ customers: 0, clv: null });
  });

  test('prospects only: every group empty, every average null, no list', () => {
    const s = summarize([{ tier: 'prospect', segment: null, p: Number.NaN }, { tier: 'prospect', segment: null, p: Number.NaN }]);
    expect(s.byTier.find((g) => g.key === 'prospect')).toMatchObject({ customers: 2, predicted: 0, avgClv: null, avgExpectedRevenue: null });
    expect(s.atRiskHighValue).toEqual([]);
    expect(s.highRisk).toEqual({ customers: 0, clv: 0 });
  });
});
