import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { aggregateTransactions } from '../../../src/domain/grading';
import { dayFromYmd, type DayNumber } from '../../../src/domain/dates';
import type { CustomerRecord, TransactionLine } from '../../../src/domain/types';
import {
  DEFAULT_PREDICTION_SETTINGS,
  buildPurchaseHistory,
  churnRisk,
  expectedPurchases,
  featuresFromHistory,
  featuresFromRecords,
  holdoutCheck,
  predictCustomers,
  runPrediction,
  validatePredictionSettings,
  type PredictionFeatures,
} from '../../../src/domain/prediction';
import { cdnowSampleLines } from './cdnowLog';
import { cdnowWithSpend } from './cdnowFixture';

const CALIBRATION_END = dayFromYmd(1997, 9, 30);
const LOG_END = dayFromYmd(1998, 6, 30);
const aggregated = aggregateTransactions(cdnowSampleLines());

describe('features from an order log (GRADING.md §10)', () => {
  test('same-day purchases count once; zbar is the mean net of the purchase days after the first', () => {
    const d = (n: number): DayNumber => (dayFromYmd(2024, 1, 1) + n) as DayNumber;
    const line = (customerId: string, day: DayNumber, amount: number, orderId: string | null = null): TransactionLine => ({ customerId, sourceRow: 2, day, amount, orderId, profile: {} });
    const { purchaseHistory, records } = aggregateTransactions([
      line('A', d(0), 10),
      line('A', d(5), 20, 'o1'),
      line('A', d(5), 30, 'o2'), // a second order on day 5: one purchase day, net 50
      line('A', d(9), 7),
      line('A', d(9), -7), // day 9 nets to 0: not a purchase
      line('B', d(3), 15),
      line('C', d(4), -5), // refund only: a prospect
    ]);
    expect(records.map((r) => r.frequency)).toEqual([3, 1, 0]);
    const f = featuresFromHistory(purchaseHistory, d(20));
    expect([f.x[0], f.tx[0], f.T[0], f.zbar[0]]).toEqual([1, 5, 20, 50]);
    expect([f.x[1], f.tx[1], f.T[1]]).toEqual([0, 0, 17]);
    expect(Number.isNaN(f.zbar[1] as number)).toBe(true);
    expect(Number.isNaN(f.x[2] as number)).toBe(true);
  });
  test('purchase days are sorted per customer whatever the line order', () => {
    const h = buildPurchaseHistory(2, 4, Int32Array.of(0, 1, 0, 0), Float64Array.of(30, 5, 10, 30), Float64Array.of(100, 200, 300, 400));
    expect(Array.from(h.start)).toEqual([0, 2, 3]);
    expect(Array.from(h.days)).toEqual([10, 30, 5]);
    expect(Array.from(h.netCents)).toEqual([300, 500, 200]);
  });
  test('the CDNOW log in days gives the weekly summary times 7 (to its two-decimal rounding)', () => {
    const f = featuresFromHistory(aggregated.purchaseHistory, CALIBRATION_END);
    const summary = cdnowWithSpend();
    let compared = 0;
    for (let i = 0; i < summary.length; i++) {
      if (Number.isNaN(f.x[i] as number)) continue; // customers whose only purchases are $0 have none
      const row = summary[i] as { x: number; tx: number; T: number };
      expect(f.x[i]).toBe(row.x);
      expect(Math.abs((f.tx[i] as number) / 7 - row.tx)).toBeLessThan(0.006);
      expect(Math.abs((f.T[i] as number) / 7 - row.T)).toBeLessThan(0.006);
      compared++;
    }
    expect(compared).toBeGreaterThan(2340);
  });
  test('a customer list: x = orders - 1, zbar = spend / orders; no first purchase, no prediction', () => {
    const base = { sourceRow: 2, tierOverride: null, profile: {}, carried: {} };
    const records: CustomerRecord[] = [
      { ...base, id: '1', firstPurchase: 100 as DayNumber, lastPurchase: 160 as DayNumber, frequency: 4, monetary: 200 },
      { ...base, id: '2', firstPurchase: 150 as DayNumber, lastPurchase: 150 as DayNumber, frequency: 1, monetary: 30 },
      { ...base, id: '3', firstPurchase: null, lastPurchase: 150 as DayNumber, frequency: 2, monetary: 30 },
      { ...base, id: '4', firstPurchase: 120 as DayNumber, lastPurchase: null, frequency: 3, monetary: 30 },
    ];
    const f = featuresFromRecords(records, 200);
    expect([f.x[0], f.tx[0], f.T[0], f.zbar[0]]).toEqual([3, 60, 100, 50]);
    expect([f.x[1], f.tx[1], f.T[1]]).toEqual([0, 0, 50]);
    expect(Number.isNaN(f.x[2] as number)).toBe(true);
    expect(Number.isNaN(f.x[3] as number)).toBe(true);
  });
});

describe('runPrediction on the CDNOW log', () => {
  const features = featuresFromHistory(aggregated.purchaseHistory, CALIBRATION_END);
  const result = runPrediction(features, DEFAULT_PREDICTION_SETTINGS);
  test('fits in days give the weekly published figures with alpha x 7 (two significant figures: the log has 8 customers fewer)', () => {
    expect(result.status).toBe('ok');
    const m = result.purchaseModel;
    expect(m).not.toBeNull();
    if (m === null) return;
    expect(m.r.toPrecision(2)).toBe('0.24');
    expect((m.alpha / 7).toPrecision(2)).toBe('4.4');
    expect(m.a.toPrecision(2)).toBe('0.79');
    expect(m.b.toPrecision(2)).toBe('2.4');
    expect(result.spendModel?.frequencySpendCorrelation).toBeCloseTo(0.11, 1); // FH 2013 report 0.11 for CDNOW
  });
  test('every figure is present for customers with a purchase, and clv = expected value x discounted monthly purchases', () => {
    for (let i = 0; i < features.length; i++) {
      const has = !Number.isNaN(features.x[i] as number);
      expect(Number.isNaN(result.pAlive[i] as number)).toBe(!has);
      expect(Number.isNaN(result.clv[i] as number)).toBe(!has);
    }
    const m = result.purchaseModel;
    if (m === null) throw new Error('no model');
    const i = 0;
    const [x, tx, T] = [features.x[i] as number, features.tx[i] as number, features.T[i] as number];
    let discounted = 0;
    for (let month = 1; month <= 12; month++) {
      discounted += (expectedPurchases(m, x, tx, T, 30 * month) - expectedPurchases(m, x, tx, T, 30 * (month - 1))) / Math.pow(1.01, month);
    }
    expect(result.clv[i]).toBeCloseTo((result.expectedValue[i] as number) * discounted, 9);
    expect(result.expectedPurchases[i]).toBeCloseTo(expectedPurchases(m, x, tx, T, 365), 12);
  });
  test('regression: customers sharing (x, T) but not tx get their own figures (the cache is by (x, T), P(alive) by customer)', () => {
    const m = result.purchaseModel;
    if (m === null) throw new Error('no model');
    const f: PredictionFeatures = { x: Float64Array.of(3, 3, 3), tx: Float64Array.of(10, 100, 200), T: Float64Array.of(250, 250, 250), zbar: Float64Array.of(20, 20, 20), length: 3 };
    for (const horizonDays of [365, 45, 90, 1000]) {
      const got = predictCustomers(f, m, result.spendModel, { ...DEFAULT_PREDICTION_SETTINGS, horizonDays });
      for (let i = 0; i < 3; i++) expect(got.expectedPurchases[i]).toBeCloseTo(expectedPurchases(m, 3, f.tx[i] as number, 250, horizonDays), 12);
      expect(new Set(got.clv).size).toBe(3);
    }
  });
  test('the holdout check compares predicted and actual holdout purchases per calibration frequency', () => {
    const outcome = holdoutCheck(aggregated.purchaseHistory, CALIBRATION_END, LOG_END);
    expect(outcome.problem).toBeNull();
    const check = outcome.check;
    if (check === null) return;
    expect(check.holdoutDays).toBe(273);
    expect(check.buckets.map((b) => b.repeatPurchases)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(check.buckets.reduce((s, b) => s + b.customers, 0)).toBe(check.customers);
    // Actual holdout purchase days, counted independently from the raw lines.
    const days = new Set(cdnowSampleLines().filter((l) => l.day > CALIBRATION_END && l.day <= LOG_END && l.amount > 0).map((l) => `${l.customerId}|${l.day}`));
    expect(check.actualTotal).toBe(days.size);
    // The model's calibration fit is the published one (to two figures) and its total is within 15% of actual.
    expect(check.calibrationModel.r.toPrecision(2)).toBe('0.24');
    expect(Math.abs(check.relativeError)).toBeLessThan(0.15);
  });
});

describe('honest failures', () => {
  const settings = DEFAULT_PREDICTION_SETTINGS;
  const features = (rows: readonly (readonly [number, number, number, number])[]): PredictionFeatures => ({
    x: Float64Array.from(rows.map((r) => r[0])),
    tx: Float64Array.from(rows.map((r) => r[1])),
    T: Float64Array.from(rows.map((r) => r[2])),
    zbar: Float64Array.from(rows.map((r) => r[3])),
    length: rows.length,
  });
  test('too few customers: nothing predicted, a bilingual message', () => {
    const result = runPrediction(features([[1, 5, 10, 20], [0, 0, 10, Number.NaN]]), settings);
    expect(result.status).toBe('unavailable');
    expect(result.problems.map((p) => p.code)).toEqual(['too-few-customers']);
    expect(result.problems[0]?.message.en).toContain('Grades are not affected');
    expect(result.problems[0]?.message.zh).toContain('分级结果不受影响');
    expect(Array.from(result.pAlive).every(Number.isNaN)).toBe(true);
  });
  test('too few repeat buyers', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i < 5 ? 1 : 0, i < 5 ? 3 : 0, 30 + i, i < 5 ? 10 : Number.NaN] as const);
    const result = runPrediction(features(rows), settings);
    expect(result.problems.map((p) => p.code)).toEqual(['too-few-repeat-buyers']);
    expect(result.problems[0]?.message.en).toContain('only 5 customers');
  });
  test('frequency and spend correlated: purchases predicted, values withheld, the correlation reported', () => {
    // The CDNOW calibration features with a spend that grows with frequency.
    const real = featuresFromHistory(aggregated.purchaseHistory, CALIBRATION_END);
    const zbar = real.x.map((x, i) => (x >= 1 ? 3 * x + 10 * (i % 3) : Number.NaN));
    const result = runPrediction({ ...real, zbar }, settings);
    expect(result.status).toBe('partial');
    expect(result.problems.map((p) => p.code)).toEqual(['spend-frequency-correlated']);
    expect(result.problems[0]?.message.en).toMatch(/r = 0\.[6-9]\d/);
    expect(result.problems[0]?.message.zh).toMatch(/相关系数 0\.[6-9]/);
    expect(Number.isNaN(result.pAlive[0] as number)).toBe(false);
    expect(Array.from(result.clv).every(Number.isNaN)).toBe(true);
  });
  test('a fit that does not converge predicts nothing: perfectly regular buyers put the MLE at a boundary', () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const x = i % 10;
      return [x, x * 10, 120 + (i % 50), x === 0 ? Number.NaN : 20] as const;
    });
    const result = runPrediction(features(rows), settings);
    expect(result.status).toBe('unavailable');
    expect(result.problems.map((p) => p.code)).toEqual(['purchase-model-not-converged']);
  });
  test('settings out of range are named', () => {
    const problems = validatePredictionSettings({ ...settings, horizonDays: 0, monthlyDiscount: -0.1, highRiskBelow: 0.8 });
    expect(problems.map((p) => p.setting)).toEqual(['horizonDays', 'monthlyDiscount', 'highRiskBelow']);
    expect(validatePredictionSettings(settings)).toEqual([]);
  });
  test('churn-risk bands', () => {
    expect([0.1, 0.3, 0.69, 0.7, 1].map((p) => churnRisk(p, settings))).toEqual(['high', 'medium', 'medium', 'low', 'low']);
  });
});

describe('CLV property: it falls as the discount rate rises', () => {
  const params = { r: 0.25, alpha: 31, a: 0.79, b: 2.43 };
  const spend = { p: 6.25, q: 3.74, v: 15.44 };
  test('for any customer, a higher monthly discount gives a lower (or equal, when zero) CLV', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        (T, u, v, zbar, d1, step) => {
          const tx = Math.round(u * T);
          const x = Math.round(v * tx);
          const f: PredictionFeatures = { x: Float64Array.of(x), tx: Float64Array.of(tx), T: Float64Array.of(T), zbar: Float64Array.of(x > 0 ? zbar : Number.NaN), length: 1 };
          const low = predictCustomers(f, params, spend, { ...DEFAULT_PREDICTION_SETTINGS, monthlyDiscount: d1 }).clv[0] as number;
          const high = predictCustomers(f, params, spend, { ...DEFAULT_PREDICTION_SETTINGS, monthlyDiscount: d1 + step }).clv[0] as number;
          expect(high).toBeLessThan(low);
          expect(high).toBeGreaterThan(0);
        },
      ),
    );
  });
});
