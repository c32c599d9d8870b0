/**
 * The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting
 * your customers the easy way", Marketing Science 24(2)), GRADING.md §10.
 *
 * A customer is summarised by x (repeat purchases), tx (time of the last
 * purchase after the first) and T (time from the first purchase to the end
 * of observation), all in one time unit (days in Tierwise; the model is
 * unit-free: alpha carries the unit).
 *
 * Fit: maximum likelihood over the customers with T > 0, parameters on a
 * log scale, BFGS with the analytic gradient (optimize.ts). Identical
 * (x, tx, T) rows are collapsed into weights first, and the times are
 * rescaled so that the longest T is 10 units while fitting (alpha is scaled
 * back; the reported log-likelihood is recomputed in the caller's units).
 */
import { digamma, logBeta, logGamma } from './special';
import { hyp2f1Many } from './hypergeometric';
import { minimizeBfgs } from './optimize';

export interface BgNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Customers as parallel columns (x, tx, T), plus a weight per row (how many customers share it). */
export interface RfmColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly length: number;
}

export interface BgNbdFit {
  readonly parameters: BgNbdParameters;
  /** Log-likelihood of the data at the fitted parameters, in the caller's time unit. */
  readonly logLikelihood: number;
  /** Number of customers fitted on (the sum of the weights). */
  readonly customersUsed: number;
  /** Customers with at least one repeat purchase among them. */
  readonly repeatBuyers: number;
  readonly converged: boolean;
  readonly iterations: number;
}

/**
 * Collapses identical (x, tx, T) rows into one weighted row each, keeping
 * only rows with T > 0 (a customer observed for no time carries no
 * information) and a number for x (NaN marks a customer without a prediction).
 */
export function collapseRfm(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, count: number): RfmColumns {
  const index = new Map<string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < count; i++) {
    const xi = x[i] as number;
    const txi = tx[i] as number;
    const Ti = T[i] as number;
    if (!(Ti > 0) || Number.isNaN(xi)) continue;
    const key = `${xi}|${txi}|${Ti}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, xs.length);
      xs.push(xi);
      txs.push(txi);
      Ts.push(Ti);
      weights.push(1);
    } else {
      weights[at] = (weights[at] as number) + 1;
    }
  }
  return { x: Float64Array.from(xs), tx: Float64Array.from(txs), T: Float64Array.from(Ts), weight: Float64Array.from(weights), length: xs.length };
}

/**
 * Sum over rows of weight * ln L(r, alpha, a, b | x, tx, T), and (when
 * `gradient` is given) its gradient with respect to (r, alpha, a, b).
 *
 * ln L = ln Γ(r+x) - ln Γ(r) + r ln alpha + ln B(a, b+x) - ln B(a, b)
 *        + ln[ (alpha+T)^-(r+x) + [x>0] a/(b+x-1) (alpha+tx)^-(r+x) ]
 * (FHL 2005 eq. 6), the last term by log-sum-exp.
 */
export function bgNbdLogLikelihood(p: BgNbdParameters, data: RfmColumns, gradient?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const logAlpha = Math.log(alpha);
  const lgR = logGamma(r);
  const lbAB = logBeta(a, b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const logA = Math.log(a);
  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  for (let i = 0; i < data.length; i++) {
    const x = data.x[i] as number;
    const tx = data.tx[i] as number;
    const T = data.T[i] as number;
    const w = data.weight[i] as number;
    const rx = r + x;
    const logAlphaT = Math.log(alpha + T);
    const a3 = -rx * logAlphaT;
    let ll = logGamma(rx) - lgR + r * logAlpha + logBeta(a, b + x) - lbAB;
    if (x > 0) {
      const logAlphaTx = Math.log(alpha + tx);
      const a4 = logA - Math.log(b + x - 1) - rx * logAlphaTx;
      const m = Math.max(a3, a4);
      const e3 = Math.exp(a3 - m);
      const e4 = Math.exp(a4 - m);
      const sum = e3 + e4;
      ll += m + Math.log(sum);
      if (gradient !== undefined) {
        const w3 = e3 / sum;
        const w4 = e4 / sum;
        gr += w * (digamma(rx) - psiR + logAlpha - w3 * logAlphaT - w4 * logAlphaTx);
        gAlpha += w * (r / alpha - w3 * (rx / (alpha + T)) - w4 * (rx / (alpha + tx)));
        const psiABx = digamma(a + b + x);
        gA += w * (psiAB - psiABx + w4 / a);
        gB += w * (psiAB + digamma(b + x) - psiB - psiABx - w4 / (b + x - 1));
      }
    } else {
      ll += a3;
      if (gradient !== undefined) {
        // x = 0: Γ(r+0)/Γ(r) and B(a, b)/B(a, b) are 1.
        gr += w * (logAlpha - logAlphaT);
        gAlpha += w * (r / alpha - rx / (alpha + T));
      }
    }
    total += w * ll;
  }
  if (gradient !== undefined) {
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = gA;
    gradient[3] = gB;
  }
  return total;
}

/** Largest T in the data is rescaled to this many units while fitting (keeps alpha near 1 at the start). */
const FIT_TIME_SCALE_TARGET = 10;

export function fitBgNbd(data: RfmColumns): BgNbdFit {
  let customers = 0;
  let repeatBuyers = 0;
  let maxT = 0;
  for (let i = 0; i < data.length; i++) {
    const w = data.weight[i] as number;
    customers += w;
    if ((data.x[i] as number) > 0) repeatBuyers += w;
    maxT = Math.max(maxT, data.T[i] as number);
  }
  const scale = maxT / FIT_TIME_SCALE_TARGET;
  const scaled: RfmColumns = {
    x: data.x,
    tx: data.tx.map((v) => v / scale),
    T: data.T.map((v) => v / scale),
    weight: data.weight,
    length: data.length,
  };
  const gradient = new Float64Array(4);
  // Mean negative log-likelihood over the log parameters: O(1) values and gradients whatever the data size.
  const objective = (theta: Float64Array, out: Float64Array): number => {
    const params = { r: Math.exp(theta[0] as number), alpha: Math.exp(theta[1] as number), a: Math.exp(theta[2] as number), b: Math.exp(theta[3] as number) };
    const ll = bgNbdLogLikelihood(params, scaled, gradient);
    out[0] = (-(gradient[0] as number) * params.r) / customers;
    out[1] = (-(gradient[1] as number) * params.alpha) / customers;
    out[2] = (-(gradient[2] as number) * params.a) / customers;
    out[3] = (-(gradient[3] as number) * params.b) / customers;
    return -ll / customers;
  };
  const result = minimizeBfgs(objective, new Float64Array(4), { gradientTolerance: 1e-9, maxIterations: 1000 });
  const theta = result.point;
  const parameters: BgNbdParameters = {
    r: Math.exp(theta[0] as number),
    alpha: Math.exp(theta[1] as number) * scale,
    a: Math.exp(theta[2] as number),
    b: Math.exp(theta[3] as number),
  };
  const logLikelihood = bgNbdLogLikelihood(parameters, data);
  const finite = [parameters.r, parameters.alpha, parameters.a, parameters.b, logLikelihood].every(Number.isFinite);
  return { parameters, logLikelihood, customersUsed: customers, repeatBuyers, converged: result.converged && finite, iterations: result.iterations };
}

/**
 * P(alive | x, tx, T) = 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x))
 * (GRADING.md §10), computed through logs so a huge x gives 0, not NaN.
 */
export function probabilityAlive(p: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[purchases in the next horizons[k] time units | x, tx, T] for each k < count,
 * written into out (FHL 2005 eq. 10):
 *
 *   (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] * P(alive),
 *   z = t / (alpha+T+t).
 *
 * By Euler's transformation (1-z)^(r+x) 2F1(r+x, b+x; c; z) =
 * (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z) with c = a+b+x-1: the series then
 * converges fast for any x (its terms fall like n^(a-2-r-x) z^n) and nothing
 * overflows for frequent buyers. Needs a != 1.
 */
export function expectedPurchasesMany(
  p: BgNbdParameters,
  x: number,
  tx: number,
  T: number,
  horizons: Float64Array,
  count: number,
  out: Float64Array,
  zs: Float64Array = new Float64Array(count),
): void {
  const { r, alpha, a, b } = p;
  const c = a + b + x - 1;
  for (let k = 0; k < count; k++) {
    const t = horizons[k] as number;
    zs[k] = t / (alpha + T + t);
  }
  hyp2f1Many(a + b - 1 - r, a - 1, c, zs, count, out);
  const alive = probabilityAlive(p, x, tx, T);
  const lead = c / (a - 1);
  for (let k = 0; k < count; k++) {
    const oneMinusZ = 1 - (zs[k] as number);
    const bracket = 1 - Math.pow(oneMinusZ, a - 1) * (out[k] as number);
    out[k] = lead * bracket * alive;
  }
}

/** E[purchases in the next t | x, tx, T]. */
export function expectedPurchases(p: BgNbdParameters, x: number, tx: number, T: number, t: number): number {
  const out = new Float64Array(1);
  expectedPurchasesMany(p, x, tx, T, Float64Array.of(t), 1, out);
  return out[0] as number;
}

/**
 * E[X(t)], the expected repeat purchases of a new customer in (0, t] (FHL 2005 eq. 9):
 * the conditional expectation at x = tx = T = 0.
 */
export function expectedPurchasesOfNewCustomer(p: BgNbdParameters, t: number): number {
  return expectedPurchases(p, 0, 0, 0, t);
}
