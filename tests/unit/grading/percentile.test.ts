import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  approxEqual,
  approxFloor,
  approxValue,
  binOf,
  exceeds,
  GradingError,
  percentileInc,
  percentileIncSorted,
  percentilesInPlace,
} from '../../../src/domain/grading';

describe('PERCENTILE.INC, hand-computed as Excel defines it', () => {
  // h = p*(n-1); v[floor h] + frac(h) * (v[floor h + 1] - v[floor h]), on sorted values.
  const table: readonly [string, readonly number[], number, number][] = [
    ['Microsoft example {1,3,2,4} at 0.3: h=0.9 -> 1+0.9*1', [1, 3, 2, 4], 0.3, 1.9],
    ['quartile 0.75 of 1..4: h=2.25 -> 3.25', [1, 2, 3, 4], 0.75, 3.25],
    ['0.4 of 15,20,35,40,50: h=1.6 -> 20+0.6*15', [15, 20, 35, 40, 50], 0.4, 29],
    ['0.2 of 15,20,35,40,50: h=0.8 -> 15+0.8*5', [15, 20, 35, 40, 50], 0.2, 19],
    ['exact rank: 0.2 of 10..60: h=1 -> 20', [10, 20, 30, 40, 50, 60], 0.2, 20],
    ['exact rank: 0.6 of 10..60: h=3 -> 40', [10, 20, 30, 40, 50, 60], 0.6, 40],
    ['n=1: the only value', [42], 0.6, 42],
    ['n=2 with cents: 19.99 + 0.2*0.02', [20.01, 19.99], 0.2, 19.994],
    ['p=0 is the minimum', [5, 3, 9], 0, 3],
    ['p=1 is the maximum', [5, 3, 9], 1, 9],
    ['ties: 1,1,1,5 at 0.8: h=2.4 -> 1+0.4*4 (binary rounding as Calc)', [1, 1, 1, 5], 0.8, 2.6000000000000014],
    ['median of 3,1,2', [3, 1, 2], 0.5, 2],
  ];
  it.each(table)('%s', (_name, values, p, expected) => {
    expect(percentileInc(values, p)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentileInc(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([
    [[], 0.2, 'empty-sample'],
    [[1, 2], -0.1, 'quantile-out-of-range'],
    [[1, 2], 1.5, 'quantile-out-of-range'],
    [[1, 2], Number.NaN, 'quantile-out-of-range'],
    [[1, Number.NaN], 0.5, 'non-finite-value'],
  ] as const)('throws a GradingError for %j at p=%p (%s)', (values, p, code) => {
    expect(() => percentileInc(values, p)).toThrow(GradingError);
    try {
      percentileInc(values, p);
    } catch (error) {
      expect((error as GradingError).code).toBe(code);
    }
  });
});

describe('PERCENTILE.INC floating-point details, pinned to LibreOffice 7.4 results', () => {
  // Each expected value was read back bit for bit from LibreOffice 7.4 headless
  // (=BASE(PERCENTILE.INC(...)*2^k,16)).
  it('regression: 0.7*(91-1) = 62.99999999999999 is rounded up to rank 63 and returns v[63] exactly, not 64 - 7e-15', () => {
    const oneTo91 = Array.from({ length: 91 }, (_, i) => i + 1);
    expect(0.7 * 90).toBe(62.99999999999999);
    expect(percentileInc(oneTo91, 0.7)).toBe(64);
    const squares = Array.from({ length: 91 }, (_, i) => (i + 1) * (i + 1));
    expect(percentileInc(squares, 0.7)).toBe(4096);
    const cents = Array.from({ length: 171 }, (_, i) => Math.round((i + 1) * 19.99 * 100) / 100);
    expect(percentileInc(cents, 0.7)).toBe(2398.8);
    const jump = Array.from({ length: 91 }, (_, i) => (i <= 62 ? 5 : 1e12 * i));
    expect(percentileInc(jump, 0.7)).toBe(63e12);
  });

  it('regression: a position just above an integer (0.07*100 = 7.000000000000001) still interpolates', () => {
    expect(0.07 * 100).toBe(7.000000000000001);
    const values = Array.from({ length: 101 }, (_, i) => (i <= 7 ? 1 : 1000 * i));
    expect(percentileInc(values, 0.07)).toBe(1.0000000000071045);
  });

  it('interpolation noise is kept as Calc computes it: 0.25 of 0.1,0.2,0.3', () => {
    expect(percentileInc([0.1, 0.2, 0.3], 0.25)).toBe(0.15000000000000002);
  });
});

describe('rtl::math approximations', () => {
  it.each([
    [62.99999999999999, 63],
    [7.000000000000001, 7],
    [0.30000000000000004, 0.3],
    [2.5, 2.5],
    [1234.5678, 1234.5678],
    [-62.99999999999999, -63],
    [0, 0],
  ])('approxValue(%p) = %p', (input, expected) => {
    expect(approxValue(input)).toBe(expected);
  });

  it.each([
    [62.99999999999999, 63],
    [62.9999999, 62],
    [7.000000000000001, 7],
    [3, 3],
  ])('approxFloor(%p) = %p', (input, expected) => {
    expect(approxFloor(input)).toBe(expected);
  });

  it.each([
    [0.1 + 0.2, 0.3, true],
    [1, 1 + 2 ** -52, true],
    [1, 1 + 2 ** -40, false],
    [3, 4, false],
    [0, 1e-300, false],
  ])('approxEqual(%p, %p) = %p', (a, b, expected) => {
    expect(approxEqual(a, b)).toBe(expected);
  });

  it('exceeds is the spreadsheet ">": 0.1+0.2 does not exceed 0.3, 0.31 does', () => {
    expect(exceeds(0.1 + 0.2, 0.3)).toBe(false);
    expect(exceeds(0.31, 0.3)).toBe(true);
    expect(exceeds(0.3, 0.3)).toBe(false);
  });
});

describe('bin: right-closed, 1 + #{b_k < x}', () => {
  const breakpoints = [10, 20, 30, 40];
  it.each([
    [5, 1],
    [10, 1], // equal to b1: lower bin
    [10.01, 2],
    [20, 2],
    [30, 3],
    [40, 4],
    [40.5, 5],
  ])('bin(%p) = %p', (x, expected) => {
    expect(binOf(x, breakpoints)).toBe(expected);
  });
  it('equal breakpoints skip bins (all ties land in the lowest bin they equal)', () => {
    expect(binOf(1, [1, 1, 1, 5])).toBe(1);
    expect(binOf(5, [1, 1, 1, 5])).toBe(4);
    expect(binOf(6, [1, 1, 1, 5])).toBe(5);
  });
});

describe('properties', () => {
  const values = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100), { minLength: 1, maxLength: 60 });
  const quantile = fc.integer({ min: 0, max: 100 }).map((k) => k / 100);

  it('breakpoints lie within [min, max] and are non-decreasing in p', () => {
    fc.assert(
      fc.property(values, quantile, quantile, (vs, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const a = percentileInc(vs, lo);
        const b = percentileInc(vs, hi);
        const min = Math.min(...vs);
        const max = Math.max(...vs);
        return a >= min && b <= max && a <= b;
      }),
    );
  });

  it('the sorted and unsorted entry points agree', () => {
    fc.assert(
      fc.property(values, quantile, (vs, p) => {
        const sorted = Float64Array.from(vs).sort();
        return Object.is(percentileIncSorted(sorted, p), percentileInc(vs, p));
      }),
    );
  });

  it('bin is monotone in x and stays in 1..5', () => {
    fc.assert(
      fc.property(values, fc.double({ min: -20_000, max: 20_000, noNaN: true }), fc.double({ min: -20_000, max: 20_000, noNaN: true }), (vs, x, y) => {
        const b = [0.2, 0.4, 0.6, 0.8].map((p) => percentileInc(vs, p));
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const bl = binOf(lo, b);
        const bh = binOf(hi, b);
        return bl <= bh && bl >= 1 && bh <= 5;
      }),
    );
  });

  it('selection (percentilesInPlace) gives exactly the sorted-array results, ties and near-integer ranks included', () => {
    const quantiles = fc.constantFrom([0.2, 0.4, 0.6, 0.8], [0.07, 0.14, 0.7, 0.9], [0.25, 0.5, 0.75, 0.99]);
    const sample = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 400 }),
      fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100), { minLength: 1, maxLength: 400 }),
      fc.constantFrom(91, 101, 171, 331).chain((n) => fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(sample, quantiles, (vs, qs) => {
        const sorted = Float64Array.from(vs).sort();
        const selected = percentilesInPlace(Float64Array.from(vs), qs);
        return qs.every((p, k) => Object.is(selected[k], percentileIncSorted(sorted, p)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('percentilesInPlace on large and adversarial orders (multi-rank selection)', () => {
  const n = 5_001;
  const patterns: [string, (i: number) => number][] = [
    ['ascending', (i) => i],
    ['descending', (i) => n - i],
    ['all equal', () => 7],
    ['two values', (i) => (i % 2 === 0 ? 1 : 2)],
    ['organ pipe', (i) => Math.min(i, n - i)],
    ['sawtooth with ties', (i) => i % 17],
    ['cents, shuffled by a fixed multiplier', (i) => ((i * 7919) % n) / 100],
  ];
  it.each(patterns)('%s: every breakpoint equals the sorted-array PERCENTILE.INC', (_name, valueAt) => {
    const values = Float64Array.from({ length: n }, (_, i) => valueAt(i));
    const sorted = Float64Array.from(values).sort();
    for (const qs of [[0.2, 0.4, 0.6, 0.8], [0.07, 0.14, 0.7, 0.93], [0, 0.5, 0.999, 1]]) {
      const selected = percentilesInPlace(Float64Array.from(values), qs);
      expect(selected).toEqual(qs.map((p) => percentileIncSorted(sorted, p)));
    }
  });
});
