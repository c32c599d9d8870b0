import { describe, expect, test } from '@jest/globals';
import { hyp2f1, hyp2f1Many, HypergeometricNotConvergedError, HYP2F1_TOLERANCE } from '../../../src/domain/prediction/hypergeometric';

// Closed forms of 2F1 (Abramowitz & Stegun 15.1.3, 15.1.6, 15.1.8; a terminating series).
describe('hyp2f1 against closed forms', () => {
  const zs = [0, 1e-6, 0.1, 0.5, 0.9, 0.99];
  test.each(zs)('2F1(1, 1; 2; z) = -ln(1-z)/z at z = %p', (z) => {
    const expected = z === 0 ? 1 : -Math.log1p(-z) / z;
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(expected, 11);
  });
  test.each(zs)('2F1(a, b; b; z) = (1-z)^-a at z = %p', (z) => {
    expect(hyp2f1(0.37, 2.5, 2.5, z) / Math.pow(1 - z, -0.37)).toBeCloseTo(1, 11);
  });
  test.each([0, 0.2, 0.6, 0.95])('2F1(1/2, 1/2; 3/2; s^2) = asin(s)/s at s = %p', (s) => {
    const expected = s === 0 ? 1 : Math.asin(s) / s;
    expect(hyp2f1(0.5, 0.5, 1.5, s * s)).toBeCloseTo(expected, 11);
  });
  test('a non-positive integer a terminates: 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))', () => {
    const b = 1.7;
    const c = 3.2;
    const z = 0.8;
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 13);
  });
  test('several z at once equal one at a time', () => {
    const zs64 = Float64Array.of(0.05, 0.3, 0.7, 0.92);
    const out = new Float64Array(4);
    hyp2f1Many(1.3, -0.2, 2.9, zs64, 4, out);
    zs64.forEach((z, k) => expect(out[k]).toBeCloseTo(hyp2f1(1.3, -0.2, 2.9, z), 12));
  });
  test('the stated tolerance is tight', () => {
    expect(HYP2F1_TOLERANCE).toBeLessThanOrEqual(1e-12);
  });
});

describe('hyp2f1 guards', () => {
  test('z at or beyond 1, or negative, is refused', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, Number.NaN)).toThrow(RangeError);
  });
  test('a series that needs too many terms throws instead of returning a truncated sum', () => {
    // Terms fall like n^-0.5 z^n: at z = 1 - 1e-7 that is tens of millions of terms.
    expect(() => hyp2f1(1, 1, 1.5, 1 - 1e-7)).toThrow(HypergeometricNotConvergedError);
  });
});
