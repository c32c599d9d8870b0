/**
 * The Gauss hypergeometric series 2F1(a, b; c; z) for 0 <= z < 1, which the
 * BG/NBD expected-purchases formula needs, evaluated at several z at once
 * (the coefficients are shared, so a customer's 12 monthly horizons and the
 * H-day horizon cost one loop).
 *
 * Tolerance: the sum stops when the estimated tail, |term| * rho / (1 - rho)
 * with rho = max(the current term ratio, z) (the ratio tends to z), is below
 * HYP2F1_TOLERANCE times |sum| at every z. Convergence guard: at most
 * HYP2F1_MAX_TERMS terms; beyond that (z too close to 1 for these
 * parameters) it throws HypergeometricNotConvergedError rather than return
 * a truncated value.
 *
 * Callers keep z moderate with Euler's transformation
 *   2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z),
 * see bgnbd.ts.
 */

export const HYP2F1_TOLERANCE = 1e-13;
export const HYP2F1_MAX_TERMS = 200_000;

export class HypergeometricNotConvergedError extends Error {
  constructor(readonly a: number, readonly b: number, readonly c: number, readonly z: number) {
    super(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${HYP2F1_MAX_TERMS} terms`);
    this.name = 'HypergeometricNotConvergedError';
  }
}

/**
 * Writes 2F1(a, b; c; zs[k]) to out[k] for k < count. Every z must be in
 * [0, 1); c must not be 0 or a negative integer.
 */
export function hyp2f1Many(a: number, b: number, c: number, zs: Float64Array, count: number, out: Float64Array): void {
  let zMax = 0;
  for (let k = 0; k < count; k++) {
    const z = zs[k] as number;
    if (!(z >= 0 && z < 1)) throw new RangeError(`2F1 series needs 0 <= z < 1, got ${z}`);
    if (z > zMax) zMax = z;
    out[k] = 1;
  }
  if (zMax === 0) return;
  // power[k] = zs[k]^n, kept per z; coefficient = (a)_n (b)_n / ((c)_n n!).
  const power = new Float64Array(count).fill(1);
  let coefficient = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    coefficient *= ratio;
    let converged = true;
    const rho = Math.max(Math.abs(ratio) * zMax, zMax);
    const tailFactor = rho < 1 ? rho / (1 - rho) : Number.POSITIVE_INFINITY;
    for (let k = 0; k < count; k++) {
      const p = (power[k] as number) * (zs[k] as number);
      power[k] = p;
      const term = coefficient * p;
      const sum = (out[k] as number) + term;
      out[k] = sum;
      if (converged && !(Math.abs(term) * tailFactor <= HYP2F1_TOLERANCE * Math.abs(sum))) converged = false;
    }
    if (coefficient === 0) return; // a or b a non-positive integer: a polynomial, summed exactly
    if (converged) return;
  }
  throw new HypergeometricNotConvergedError(a, b, c, zMax);
}

/** 2F1(a, b; c; z) for one z in [0, 1). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const out = new Float64Array(1);
  hyp2f1Many(a, b, c, Float64Array.of(z), 1, out);
  return out[0] as number;
}
