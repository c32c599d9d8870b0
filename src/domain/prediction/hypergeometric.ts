/**
 * The Gauss hypergeometric series 2F1(a, b; c; z) for 0 <= z < 1, which the
 * BG/NBD expected-purchases formula needs, evaluated at several z at once
 * (the coefficients are shared, so a customer's 12 monthly horizons and the
 * H-day horizon cost one loop).
 *
 * Tolerance: the sum at each z stops when its estimated tail, |term| * rho /
 * (1 - rho) with rho = max(the current term ratio x z, z) (the ratio tends
 * to z), is below HYP2F1_TOLERANCE times max(|sum|, 1). Convergence guard: at most
 * HYP2F1_MAX_TERMS terms; beyond that (z too close to 1 for these
 * parameters) it throws HypergeometricNotConvergedError rather than return
 * a truncated value.
 *
 * Callers keep z moderate with Euler's transformation
 *   2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z),
 * see bgnbd.ts.
 */

export const HYP2F1_TOLERANCE = 1e-12;
export const HYP2F1_MAX_TERMS = 200_000;

export class HypergeometricNotConvergedError extends Error {
  constructor(readonly a: number, readonly b: number, readonly c: number, readonly z: number) {
    super(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${HYP2F1_MAX_TERMS} terms`);
    this.name = 'HypergeometricNotConvergedError';
  }
}

/**
 * Writes 2F1(a, b; c; zs[k]) to out[k] for k < count. The z must be
 * ascending, each in [0, 1); c must not be 0 or a negative integer.
 *
 * The coefficients (a)_n (b)_n / ((c)_n n!) are shared by every z, and a
 * smaller z converges sooner, so the loop keeps a window [lo, count) of the
 * z still summing: each leaves it when its own tail estimate passes the
 * tolerance (relative to max(|sum|, 1)).
 */
export function hyp2f1Many(a: number, b: number, c: number, zs: Float64Array, count: number, out: Float64Array, power: Float64Array = new Float64Array(count)): void {
  let previous = 0;
  for (let k = 0; k < count; k++) {
    const z = zs[k] as number;
    if (!(z >= 0 && z < 1)) throw new RangeError(`2F1 series needs 0 <= z < 1, got ${z}`);
    if (z < previous) throw new RangeError('2F1 series: the z must be ascending');
    previous = z;
    out[k] = 1;
    power[k] = 1;
  }
  let lo = 0;
  while (lo < count && zs[lo] === 0) lo++;
  let coefficient = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    if (lo === count) return;
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    coefficient *= ratio;
    for (let k = lo; k < count; k++) {
      const p = (power[k] as number) * (zs[k] as number);
      power[k] = p;
      out[k] = (out[k] as number) + coefficient * p;
    }
    if (coefficient === 0) return; // a or b a non-positive integer: a polynomial, summed exactly
    const absRatio = Math.abs(ratio);
    while (lo < count) {
      const z = zs[lo] as number;
      // The next term ratio tends to z; bound the tail by a geometric series of ratio rho.
      const rho = Math.max(absRatio * z, z);
      if (!(rho < 1)) break;
      const term = Math.abs(coefficient * (power[lo] as number));
      if (!(term * (rho / (1 - rho)) <= HYP2F1_TOLERANCE * Math.max(Math.abs(out[lo] as number), 1))) break;
      lo++;
    }
  }
  throw new HypergeometricNotConvergedError(a, b, c, zs[count - 1] as number);
}

/** 2F1(a, b; c; z) for one z in [0, 1). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const out = new Float64Array(1);
  hyp2f1Many(a, b, c, Float64Array.of(z), 1, out);
  return out[0] as number;
}
