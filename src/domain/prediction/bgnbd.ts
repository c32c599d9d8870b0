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
import { TripleCache } from './tripleCache';

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
  /**
   * The distinct x values and each row's index among them: the terms of the
   * likelihood that depend on x alone (log-gamma, log-beta, digamma) are then
   * computed once per distinct x, not once per row. Filled by collapseRfm;
   * computed on the fly when absent.
   */
  readonly distinctX?: DistinctValues;
}

export interface DistinctValues {
  readonly values: Float64Array;
  /** Row i has value values[index[i]]. */
  readonly index: Int32Array;
}

/** The distinct values of `column` (first-seen order) and each row's index among them. */
export function distinctValues(column: Float64Array, length: number): DistinctValues {
  const at = new Map<number, number>();
  const values: number[] = [];
  const index = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const v = column[i] as number;
    let k = at.get(v);
    if (k === undefined) {
      k = values.length;
      at.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index };
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
  // Whole-day triples (the usual case) by a typed-array hash; others by text.
  const wholeDays = new TripleCache(Math.min(count, 65_536));
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
    let at: number | undefined;
    if (TripleCache.accepts(xi, txi, Ti)) {
      const found = wholeDays.lookupOrAdd(xi, txi, Ti, xs.length);
      at = found < 0 ? undefined : found;
    } else {
      const key = `${xi}|${txi}|${Ti}`;
      at = index.get(key);
      if (at === undefined) index.set(key, xs.length);
    }
    if (at === undefined) {
      xs.push(xi);
      txs.push(txi);
      Ts.push(Ti);
      weights.push(1);
    } else {
      weights[at] = (weights[at] as number) + 1;
    }
  }
  const xColumn = Float64Array.from(xs);
  return { x: xColumn, tx: Float64Array.from(txs), T: Float64Array.from(Ts), weight: Float64Array.from(weights), length: xs.length, distinctX: distinctValues(xColumn, xs.length) };
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
  const withGradient = gradient !== undefined;
  // Terms of x alone, once per distinct x: ln Γ(r+x) - ln Γ(r) + ln B(a, b+x) - ln B(a, b), ln(b+x-1),
  // and for the gradient ψ(r+x) - ψ(r), ψ(a+b) - ψ(a+b+x), ψ(a+b) + ψ(b+x) - ψ(b) - ψ(a+b+x).
  const distinct = data.distinctX ?? distinctValues(data.x, data.length);
  const k = distinct.values.length;
  const xConstant = new Float64Array(k);
  const logBx1 = new Float64Array(k);
  const dR = new Float64Array(k);
  const dA = new Float64Array(k);
  const dB = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const x = distinct.values[j] as number;
    if (x === 0) continue; // Γ(r)/Γ(r) and B(a, b)/B(a, b): all zero
    xConstant[j] = logGamma(r + x) - lgR + logBeta(a, b + x) - lbAB;
    logBx1[j] = Math.log(b + x - 1);
    if (withGradient) {
      const psiABx = digamma(a + b + x);
      dR[j] = digamma(r + x) - psiR;
      dA[j] = psiAB - psiABx;
      dB[j] = psiAB + digamma(b + x) - psiB - psiABx;
    }
  }
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
    const j = distinct.index[i] as number;
    const rx = r + x;
    const logAlphaT = Math.log(alpha + T);
    const a3 = -rx * logAlphaT;
    let ll = r * logAlpha + (xConstant[j] as number);
    if (x > 0) {
      const logAlphaTx = Math.log(alpha + tx);
      const a4 = logA - (logBx1[j] as number) - rx * logAlphaTx;
      const m = Math.max(a3, a4);
      const e3 = Math.exp(a3 - m);
      const e4 = Math.exp(a4 - m);
      const sum = e3 + e4;
      ll += m + Math.log(sum);
      if (withGradient) {
        const w3 = e3 / sum;
        const w4 = e4 / sum;
        gr += w * ((dR[j] as number) + logAlpha - w3 * logAlphaT - w4 * logAlphaTx);
        gAlpha += w * (r / alpha - w3 * (rx / (alpha + T)) - w4 * (rx / (alpha + tx)));
        gA += w * ((dA[j] as number) + w4 / a);
        gB += w * ((dB[j] as number) - w4 / (b + x - 1));
      }
    } else {
      ll += a3;
      if (withGradient) {
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
    distinctX: data.distinctX ?? distinctValues(data.x, data.length),
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
 * E[purchases in the next horizons[k] time units | x, tx, T] for each k < count
 * (horizons ascending),
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
  scratch: Float64Array = new Float64Array(count),
): void {
  const { r, alpha, a, b } = p;
  const c = a + b + x - 1;
  for (let k = 0; k < count; k++) {
    const t = horizons[k] as number;
    zs[k] = t / (alpha + T + t);
  }
  hyp2f1Many(a + b - 1 - r, a - 1, c, zs, count, out, scratch);
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

/**
 * expectedPurchasesMany for many customers at fixed parameters and fixed
 * ascending horizons, without allocation per call. When T and the horizons
 * are whole numbers (days), (1 - z)^(a-1) = (alpha+T)^(a-1) (alpha+T+t)^(1-a)
 * takes its second factor from a table by T + t, filled on first use, so a
 * customer costs one power instead of one per horizon. Same values as
 * expectedPurchasesMany (tests/unit/prediction/bgnbd.test.ts).
 */
export class ExpectedPurchasesEvaluator {
  private readonly zs: Float64Array;
  private readonly scratch: Float64Array;
  private readonly integerHorizons: boolean;
  /** (alpha + m)^(1 - a) by m = T + t; NaN until computed. */
  private powerByDays = new Float64Array(0);

  constructor(
    private readonly p: BgNbdParameters,
    private readonly horizons: Float64Array,
  ) {
    this.zs = new Float64Array(horizons.length);
    this.scratch = new Float64Array(horizons.length);
    this.integerHorizons = horizons.every((t) => Number.isInteger(t) && t >= 0);
  }

  /** Writes E[purchases in horizons[k] | x, tx, T] into out[k]; throws HypergeometricNotConvergedError like the series. */
  evaluate(x: number, tx: number, T: number, out: Float64Array): void {
    this.evaluateIfAlive(x, T, out);
    const alive = probabilityAlive(this.p, x, tx, T);
    for (let k = 0; k < out.length && k < this.horizons.length; k++) out[k] = (out[k] as number) * alive;
  }

  /**
   * E[purchases in horizons[k] | x, T, still alive]: the conditional
   * expectation divided by P(alive). It depends on x and T only (not tx), so
   * callers can share it between customers that differ in tx.
   */
  evaluateIfAlive(x: number, T: number, out: Float64Array): void {
    const { r, alpha, a, b } = this.p;
    const horizons = this.horizons;
    const count = horizons.length;
    const zs = this.zs;
    const c = a + b + x - 1;
    const base = alpha + T;
    for (let k = 0; k < count; k++) {
      const t = horizons[k] as number;
      zs[k] = t / (base + t);
    }
    hyp2f1Many(a + b - 1 - r, a - 1, c, zs, count, out, this.scratch);
    const lead = c / (a - 1);
    if (this.integerHorizons && Number.isInteger(T) && T >= 0) {
      const headPower = Math.pow(base, a - 1);
      const table = this.tableFor(T + (horizons[count - 1] as number));
      for (let k = 0; k < count; k++) {
        const m = T + (horizons[k] as number);
        let tail = table[m] as number;
        if (Number.isNaN(tail)) {
          tail = Math.pow(alpha + m, 1 - a);
          table[m] = tail;
        }
        out[k] = lead * (1 - headPower * tail * (out[k] as number));
      }
    } else {
      for (let k = 0; k < count; k++) out[k] = lead * (1 - Math.pow(1 - (zs[k] as number), a - 1) * (out[k] as number));
    }
  }

  private tableFor(maxDays: number): Float64Array {
    if (maxDays >= this.powerByDays.length) {
      const grown = new Float64Array(Math.max(maxDays + 1, this.powerByDays.length * 2)).fill(Number.NaN);
      grown.set(this.powerByDays);
      this.powerByDays = grown;
    }
    return this.powerByDays;
  }
}
