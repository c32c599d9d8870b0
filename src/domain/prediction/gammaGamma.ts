/**
 * The Gamma-Gamma model of spend per purchase (Fader & Hardie 2013, "The
 * Gamma-Gamma model of monetary value", brucehardie.com/notes/025;
 * Colombo & Jiang 1999), GRADING.md §10. A customer is summarised by x
 * (repeat purchases, >= 1) and zbar (their mean spend per repeat purchase, > 0).
 *
 * ln L(p, q, v | x, zbar) = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln v
 *   + (px-1) ln zbar + px ln x - (px+q) ln(v + x zbar)
 * (the density of zbar, a gamma of shape px and rate v' x, mixed over
 * v' ~ Gamma(q, v)). Fit: maximum likelihood over the log parameters with the
 * analytic gradient, identical (x, zbar) rows collapsed first; zbar is
 * rescaled so that its mean is 1 while fitting (v is scaled back; the
 * reported log-likelihood is in the caller's currency).
 */
import { digamma, logGamma } from './special';
import { minimizeBfgs } from './optimize';
import { distinctValues, type DistinctValues } from './bgnbd';

export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface SpendColumns {
  readonly x: Float64Array;
  readonly zbar: Float64Array;
  readonly weight: Float64Array;
  readonly length: number;
  /** Distinct x values (see RfmColumns.distinctX); computed on the fly when absent. */
  readonly distinctX?: DistinctValues;
}

export interface GammaGammaFit {
  readonly parameters: GammaGammaParameters;
  readonly logLikelihood: number;
  readonly customersUsed: number;
  readonly converged: boolean;
  readonly iterations: number;
}

/** Collapses identical (x, zbar) rows, keeping the rows the model applies to: x >= 1 and zbar > 0. */
export function collapseSpend(x: ArrayLike<number>, zbar: ArrayLike<number>, count: number): SpendColumns {
  // By x, then by zbar: numeric keys, no text built per row.
  const index = new Map<number, Map<number, number>>();
  const xs: number[] = [];
  const zs: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < count; i++) {
    const xi = x[i] as number;
    const zi = zbar[i] as number;
    if (!(xi >= 1 && zi > 0 && Number.isFinite(zi))) continue;
    let byZ = index.get(xi);
    if (byZ === undefined) {
      byZ = new Map<number, number>();
      index.set(xi, byZ);
    }
    const at = byZ.get(zi);
    if (at === undefined) {
      byZ.set(zi, xs.length);
      xs.push(xi);
      zs.push(zi);
      weights.push(1);
    } else {
      weights[at] = (weights[at] as number) + 1;
    }
  }
  const xColumn = Float64Array.from(xs);
  return { x: xColumn, zbar: Float64Array.from(zs), weight: Float64Array.from(weights), length: xs.length, distinctX: distinctValues(xColumn, xs.length) };
}

/** Sum of weight * ln L, and its gradient with respect to (p, q, v) when `gradient` is given. */
export function gammaGammaLogLikelihood(params: GammaGammaParameters, data: SpendColumns, gradient?: Float64Array): number {
  const { p, q, v } = params;
  const lgQ = logGamma(q);
  const logV = Math.log(v);
  const psiQ = digamma(q);
  const withGradient = gradient !== undefined;
  // Terms of x alone, once per distinct x: ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln v + px ln x,
  // and for the gradient x (ψ(px+q) - ψ(px) + ln x) and ψ(px+q) - ψ(q) + ln v.
  const distinct = data.distinctX ?? distinctValues(data.x, data.length);
  const k = distinct.values.length;
  const xConstant = new Float64Array(k);
  const dP = new Float64Array(k);
  const dQ = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const x = distinct.values[j] as number;
    const px = p * x;
    const logX = Math.log(x);
    xConstant[j] = logGamma(px + q) - logGamma(px) - lgQ + q * logV + px * logX;
    if (withGradient) {
      const psiPxQ = digamma(px + q);
      dP[j] = x * (psiPxQ - digamma(px) + logX);
      dQ[j] = psiPxQ - psiQ + logV;
    }
  }
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  for (let i = 0; i < data.length; i++) {
    const x = data.x[i] as number;
    const z = data.zbar[i] as number;
    const w = data.weight[i] as number;
    const j = distinct.index[i] as number;
    const px = p * x;
    const logZ = Math.log(z);
    const vxz = v + x * z;
    const logVxz = Math.log(vxz);
    total += w * ((xConstant[j] as number) + (px - 1) * logZ - (px + q) * logVxz);
    if (withGradient) {
      gp += w * ((dP[j] as number) + x * (logZ - logVxz));
      gq += w * ((dQ[j] as number) - logVxz);
      gv += w * (q / v - (px + q) / vxz);
    }
  }
  if (gradient !== undefined) {
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
  }
  return total;
}

export function fitGammaGamma(data: SpendColumns): GammaGammaFit {
  let customers = 0;
  let spendSum = 0;
  for (let i = 0; i < data.length; i++) {
    customers += data.weight[i] as number;
    spendSum += (data.weight[i] as number) * (data.zbar[i] as number);
  }
  const scale = spendSum / customers;
  const scaled: SpendColumns = { x: data.x, zbar: data.zbar.map((z) => z / scale), weight: data.weight, length: data.length, distinctX: data.distinctX ?? distinctValues(data.x, data.length) };
  const gradient = new Float64Array(3);
  const objective = (theta: Float64Array, out: Float64Array): number => {
    const params = { p: Math.exp(theta[0] as number), q: Math.exp(theta[1] as number), v: Math.exp(theta[2] as number) };
    const ll = gammaGammaLogLikelihood(params, scaled, gradient);
    out[0] = (-(gradient[0] as number) * params.p) / customers;
    out[1] = (-(gradient[1] as number) * params.q) / customers;
    out[2] = (-(gradient[2] as number) * params.v) / customers;
    return -ll / customers;
  };
  const result = minimizeBfgs(objective, new Float64Array(3), { gradientTolerance: 1e-9, maxIterations: 1000 });
  const theta = result.point;
  const parameters: GammaGammaParameters = { p: Math.exp(theta[0] as number), q: Math.exp(theta[1] as number), v: Math.exp(theta[2] as number) * scale };
  const logLikelihood = gammaGammaLogLikelihood(parameters, data);
  const finite = [parameters.p, parameters.q, parameters.v, logLikelihood].every(Number.isFinite);
  return { parameters, logLikelihood, customersUsed: customers, converged: result.converged && finite, iterations: result.iterations };
}

/** E[spend per purchase | x, zbar] = p (v + x zbar) / (p x + q - 1); needs q > 1. */
export function expectedSpendPerPurchase(params: GammaGammaParameters, x: number, zbar: number): number {
  return (params.p * (params.v + x * zbar)) / (params.p * x + params.q - 1);
}

/** The population mean spend per purchase, p v / (q - 1): for customers without repeat purchases. */
export function populationMeanSpend(params: GammaGammaParameters): number {
  return (params.p * params.v) / (params.q - 1);
}
