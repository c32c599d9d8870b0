import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  bgNbdLogLikelihood,
  collapseRfm,
  expectedPurchases,
  expectedPurchasesMany,
  expectedPurchasesOfNewCustomer,
  ExpectedPurchasesEvaluator,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParameters,
} from '../../../src/domain/prediction/bgnbd';
import { cdnowSummary } from './cdnowFixture';

const rows = cdnowSummary();
const data = collapseRfm(
  rows.map((r) => r.x),
  rows.map((r) => r.tx),
  rows.map((r) => r.T),
  rows.length,
);
const fit = fitBgNbd(data);
/** Rounded to `digits` significant figures. */
const sig = (value: number, digits: number): number => Number(value.toPrecision(digits));

describe('BG/NBD on the CDNOW summary (weeks)', () => {
  test('identical (x, tx, T) rows are collapsed: 2,357 customers, fewer rows, same likelihood', () => {
    expect(data.length).toBeLessThan(rows.length);
    expect(Array.from(data.weight).reduce((s, w) => s + w, 0)).toBe(2357);
    const uncollapsed = {
      x: Float64Array.from(rows.map((r) => r.x)),
      tx: Float64Array.from(rows.map((r) => r.tx)),
      T: Float64Array.from(rows.map((r) => r.T)),
      weight: new Float64Array(rows.length).fill(1),
      length: rows.length,
    };
    expect(bgNbdLogLikelihood(fit.parameters, data)).toBeCloseTo(bgNbdLogLikelihood(fit.parameters, uncollapsed), 8);
  });

  // Fader, Hardie & Lee (2005), "Counting your customers the easy way", section 5:
  // r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
  test('the fit reproduces the published parameters and log-likelihood to three significant figures', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customersUsed).toBe(2357);
    expect(fit.repeatBuyers).toBe(946);
    const { r, alpha, a, b } = fit.parameters;
    expect([sig(r, 3), sig(alpha, 3), sig(a, 3), sig(b, 3), sig(fit.logLikelihood, 3)]).toEqual([0.243, 4.41, 0.793, 2.43, -9580]);
  });
  test('... and to every digit the paper prints', () => {
    const { r, alpha, a, b } = fit.parameters;
    expect([r.toFixed(3), alpha.toFixed(3), a.toFixed(3), b.toFixed(3), fit.logLikelihood.toFixed(1)]).toEqual(['0.243', '4.414', '0.793', '2.426', '-9582.4']);
  });

  // Hardie's BG/NBD spreadsheet, as asserted in lifetimes' tests/test_estimation.py
  // (test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet): a customer with
  // x = 2, tx = 30.43, T = 38.86 is expected to make 1.226 purchases in the next 39 weeks.
  test('conditional expectation matches the published 1.226 to 1e-3', () => {
    expect(Math.abs(expectedPurchases(fit.parameters, 2, 30.43, 38.86, 39) - 1.226)).toBeLessThan(1e-3);
  });

  // E[X(t)] of a new customer, from the same spreadsheet (lifetimes' test_expectation_returns_same_value_Hardie_excel_sheet).
  test.each([
    [0.1429, 0.0078],
    [1.0, 0.0532],
    [3.0, 0.1506],
    [31.8571, 1.0405],
    [32.0, 1.0437],
    [78.0, 1.8576],
  ])('E[X(%p weeks)] = %p to 1e-3', (t, expected) => {
    expect(Math.abs(expectedPurchasesOfNewCustomer(fit.parameters, t) - expected)).toBeLessThan(1e-3);
  });

  // lifetimes' test_conditional_probability_alive_returns_1_if_no_repeat_purchases and
  // test_no_runtime_warnings_high_frequency (x = 1000, tx = 10, T = 100 gives exactly 0, no overflow).
  test('P(alive) is 1 without repeat purchases and 0 (not NaN) for x = 1000, tx = 10, T = 100', () => {
    expect(probabilityAlive(fit.parameters, 0, 1, 1)).toBe(1);
    expect(probabilityAlive(fit.parameters, 1000, 10, 100)).toBe(0);
  });

  // FHL 2005 eq. (13) is P(alive) = 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)); the same value
  // from the two-term likelihood: P(alive) = first term / (first + second term).
  test('P(alive) equals the likelihood share of the "still alive" term', () => {
    const p = fit.parameters;
    for (const [x, tx, T] of [[1, 5, 39], [5, 30, 39], [23, 39, 39], [2, 30.43, 38.86]] as const) {
      const alive = Math.pow(p.alpha + T, -(p.r + x));
      const dropped = (p.a / (p.b + x - 1)) * Math.pow(p.alpha + tx, -(p.r + x));
      expect(probabilityAlive(p, x, tx, T)).toBeCloseTo(alive / (alive + dropped), 14);
    }
  });
});

describe('BG/NBD gradient', () => {
  test('the analytic gradient matches central differences', () => {
    const small = collapseRfm([0, 1, 3, 7, 0, 2], [0, 4, 20, 35, 0, 9], [10, 30, 40, 40, 3, 12], 6);
    for (const p of [
      { r: 0.3, alpha: 5, a: 0.8, b: 2.5 },
      { r: 2, alpha: 0.5, a: 3, b: 0.4 },
    ]) {
      const g = new Float64Array(4);
      bgNbdLogLikelihood(p, small, g);
      (['r', 'alpha', 'a', 'b'] as const).forEach((key, i) => {
        const h = 1e-6 * p[key];
        const up = bgNbdLogLikelihood({ ...p, [key]: p[key] + h }, small);
        const down = bgNbdLogLikelihood({ ...p, [key]: p[key] - h }, small);
        expect(g[i]).toBeCloseTo((up - down) / (2 * h), 5);
      });
    }
  });
});

describe('BG/NBD properties', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 200, noNaN: true }),
    a: fc.double({ min: 0.05, max: 5, noNaN: true }).filter((a) => Math.abs(a - 1) > 1e-3),
    b: fc.double({ min: 0.05, max: 10, noNaN: true }),
  });
  // A customer in days: T up to 5 years, tx <= T, x <= tx (one purchase day at most per day).
  const customer = fc
    .tuple(fc.integer({ min: 1, max: 1800 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([T, u, v]) => {
      const tx = Math.round(u * T);
      return { T, tx, x: Math.round(v * tx) };
    });

  test('P(alive) is in (0, 1], and exactly 1 for x = 0', () => {
    fc.assert(
      fc.property(params, customer, (p: BgNbdParameters, c) => {
        const alive = probabilityAlive(p, c.x, c.tx, c.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (c.x === 0) expect(alive).toBe(1);
        // strictly positive while representable: the log-odds are finite
        if (c.x > 0 && c.x < 50) expect(alive).toBeGreaterThan(0);
      }),
    );
  });
  test('expected purchases are >= 0 and grow with the horizon', () => {
    fc.assert(
      fc.property(params, customer, fc.integer({ min: 1, max: 730 }), fc.integer({ min: 1, max: 730 }), (p, c, h1, h2) => {
        const short = Math.min(h1, h2);
        const long = Math.max(h1, h2);
        const eShort = expectedPurchases(p, c.x, c.tx, c.T, short);
        const eLong = expectedPurchases(p, c.x, c.tx, c.T, long);
        expect(eShort).toBeGreaterThanOrEqual(0);
        expect(eLong).toBeGreaterThanOrEqual(eShort * (1 - 1e-9));
        if (long > short) expect(eLong).toBeGreaterThan(eShort * (1 - 1e-9));
      }),
    );
  });
});

describe('ExpectedPurchasesEvaluator', () => {
  test('equals expectedPurchasesMany, with whole-day and fractional times', () => {
    const p = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 };
    const horizons = Float64Array.of(30, 45, 90, 365, 400);
    const evaluator = new ExpectedPurchasesEvaluator(p, horizons);
    const fromEvaluator = new Float64Array(5);
    const direct = new Float64Array(5);
    for (const [x, tx, T] of [[0, 0, 10], [3, 40, 200], [25, 700, 720], [1, 2.5, 3.75], [0, 0, 0]] as const) {
      evaluator.evaluate(x, tx, T, fromEvaluator);
      expectedPurchasesMany(p, x, tx, T, horizons, 5, direct);
      horizons.forEach((_, k) => expect(fromEvaluator[k]).toBeCloseTo(direct[k] as number, 12));
    }
  });
  test('horizons must be ascending', () => {
    expect(() => expectedPurchasesMany({ r: 0.2, alpha: 4, a: 0.8, b: 2.4 }, 1, 2, 3, Float64Array.of(10, 5), 2, new Float64Array(2))).toThrow(RangeError);
  });
});
