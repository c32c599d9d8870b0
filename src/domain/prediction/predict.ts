/**
 * Fit both models on the customers' features and predict per customer
 * (GRADING.md §10): pAlive, expectedPurchases (next H days), expectedValue
 * (per purchase) and clv (M months of 30 days, monthly discount d).
 *
 * Honest failure: too few customers or repeat buyers, a fit that does not
 * converge or lands where the formulas have no value, or frequency and spend
 * correlated give a bilingual problem and leave the affected figures NaN
 * (null in the report); nothing here changes a grade.
 */
import { collapseRfm, ExpectedPurchasesEvaluator, fitBgNbd, probabilityAlive, type BgNbdParameters } from './bgnbd';
import { collapseSpend, fitGammaGamma, type GammaGammaParameters } from './gammaGamma';
import { HypergeometricNotConvergedError } from './hypergeometric';
import type { PredictionFeatures } from './features';
import { predictionProblem, type PredictionProblem } from './messages';
import { TripleCache } from './tripleCache';
import type { PredictionSettings } from './settings';

/** Fewer customers with T > 0 than this, or fewer repeat buyers: too little to fit four parameters. */
export const MIN_FIT_CUSTOMERS = 50;
export const MIN_REPEAT_BUYERS = 20;
/** Fewer repeat buyers with a spend than this: too little for the spend model. */
export const MIN_SPEND_CUSTOMERS = 20;
/** A month of the CLV, in days. */
export const DAYS_PER_MONTH = 30;

export interface PurchaseModelSummary extends BgNbdParameters {
  readonly logLikelihood: number;
  readonly customersUsed: number;
  readonly repeatBuyers: number;
}

export interface SpendModelSummary extends GammaGammaParameters {
  readonly logLikelihood: number;
  readonly customersUsed: number;
  /** Pearson correlation of x and zbar over the customers the spend model was fitted on. */
  readonly frequencySpendCorrelation: number;
}

export interface PredictionResult {
  /** 'ok': everything predicted; 'partial': purchases without values; 'unavailable': nothing predicted. */
  readonly status: 'ok' | 'partial' | 'unavailable';
  readonly purchaseModel: PurchaseModelSummary | null;
  readonly spendModel: SpendModelSummary | null;
  readonly problems: readonly PredictionProblem[];
  /** Per customer (features index); NaN where there is no prediction. */
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  readonly expectedValue: Float64Array;
  readonly clv: Float64Array;
}

export interface PurchaseModelOutcome {
  readonly model: PurchaseModelSummary | null;
  readonly problem: PredictionProblem | null;
}

/** Fits BG/NBD on every customer with a prediction and T > 0, or says why not. */
export function fitPurchaseModel(f: PredictionFeatures): PurchaseModelOutcome {
  let customers = 0;
  let repeatBuyers = 0;
  for (let i = 0; i < f.length; i++) {
    if (Number.isNaN(f.x[i] as number) || !((f.T[i] as number) > 0)) continue;
    customers++;
    if ((f.x[i] as number) > 0) repeatBuyers++;
  }
  if (customers < MIN_FIT_CUSTOMERS) return { model: null, problem: predictionProblem('too-few-customers', { customers, minimum: MIN_FIT_CUSTOMERS }) };
  if (repeatBuyers < MIN_REPEAT_BUYERS) return { model: null, problem: predictionProblem('too-few-repeat-buyers', { repeatBuyers, minimum: MIN_REPEAT_BUYERS }) };
  const fit = fitBgNbd(collapseRfm(f.x, f.tx, f.T, f.length));
  if (!fit.converged) return { model: null, problem: predictionProblem('purchase-model-not-converged', { iterations: fit.iterations }) };
  if (Math.abs(fit.parameters.a - 1) < 1e-6) return { model: null, problem: predictionProblem('purchase-model-degenerate', { a: fit.parameters.a }) };
  return { model: { ...fit.parameters, logLikelihood: fit.logLikelihood, customersUsed: fit.customersUsed, repeatBuyers: fit.repeatBuyers }, problem: null };
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export interface SpendModelOutcome {
  readonly model: SpendModelSummary | null;
  readonly problem: PredictionProblem | null;
}

/** Fits Gamma-Gamma on the repeat buyers with a spend (x >= 1, zbar > 0), or says why not. */
export function fitSpendModel(f: PredictionFeatures, settings: PredictionSettings): SpendModelOutcome {
  const xs: number[] = [];
  const zs: number[] = [];
  for (let i = 0; i < f.length; i++) {
    const x = f.x[i] as number;
    const z = f.zbar[i] as number;
    if (x >= 1 && z > 0 && Number.isFinite(z)) {
      xs.push(x);
      zs.push(z);
    }
  }
  if (xs.length < MIN_SPEND_CUSTOMERS) return { model: null, problem: predictionProblem('spend-too-few-customers', { customers: xs.length, minimum: MIN_SPEND_CUSTOMERS }) };
  const correlation = pearson(xs, zs);
  if (Math.abs(correlation) >= settings.maxSpendFrequencyCorrelation) {
    return { model: null, problem: predictionProblem('spend-frequency-correlated', { correlation, limit: settings.maxSpendFrequencyCorrelation }) };
  }
  const fit = fitGammaGamma(collapseSpend(xs, zs, xs.length));
  if (!fit.converged) return { model: null, problem: predictionProblem('spend-model-not-converged') };
  if (!(fit.parameters.q > 1)) return { model: null, problem: predictionProblem('spend-model-no-mean', { q: fit.parameters.q }) };
  return { model: { ...fit.parameters, logLikelihood: fit.logLikelihood, customersUsed: fit.customersUsed, frequencySpendCorrelation: correlation }, problem: null };
}

/**
 * Per customer predictions at fitted parameters. E[purchases | x, tx, T] =
 * P(alive | x, tx, T) x E[purchases | x, T, alive], and the second factor
 * depends on (x, T) only: it is computed once per distinct (x, T) (the 2F1
 * series are the cost), as are E[purchases in H days | alive] and the
 * discounted sum of the monthly expected purchases if alive; each customer
 * then costs P(alive) and a few products. clv = P(alive) x that sum x
 * expected value per purchase.
 */
export function predictCustomers(
  f: PredictionFeatures,
  purchase: BgNbdParameters,
  spend: GammaGammaParameters | null,
  settings: PredictionSettings,
): { pAlive: Float64Array; expectedPurchases: Float64Array; expectedValue: Float64Array; clv: Float64Array; seriesFailures: number } {
  const n = f.length;
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const expected = new Float64Array(n).fill(Number.NaN);
  const value = new Float64Array(n).fill(Number.NaN);
  const clv = new Float64Array(n).fill(Number.NaN);
  const months = settings.clvMonths;
  // The horizons, ascending (the series wants them so): 30 i days for the months i = 1..M, and H
  // where it falls among them (at hIndex; shared with a month when H is a multiple of 30).
  const monthDays = Array.from({ length: months }, (_, i) => DAYS_PER_MONTH * (i + 1));
  const sorted = Array.from(new Set([...monthDays, settings.horizonDays])).sort((p, q) => p - q);
  const horizons = Float64Array.from(sorted);
  const hIndex = sorted.indexOf(settings.horizonDays);
  const monthIndex = Int32Array.from(monthDays, (d) => sorted.indexOf(d));
  const discount = new Float64Array(months + 1);
  for (let i = 1; i <= months; i++) discount[i] = Math.pow(1 + settings.monthlyDiscount, -i);
  const out = new Float64Array(horizons.length);
  const evaluator = new ExpectedPurchasesEvaluator(purchase, horizons);
  const populationMean = spend === null ? Number.NaN : (spend.p * spend.v) / (spend.q - 1);
  // Per distinct (x, T): [E(H days) if alive, discounted monthly purchases if alive] at slot * 2.
  const integerCache = new TripleCache(Math.min(n, 65_536));
  const textCache = new Map<string, number>();
  let cacheValues = new Float64Array(2 * 1024);
  let cacheLength = 0;
  let seriesFailures = 0;

  for (let i = 0; i < n; i++) {
    const x = f.x[i] as number;
    if (Number.isNaN(x)) continue;
    const tx = f.tx[i] as number;
    const T = f.T[i] as number;
    let slot: number | undefined;
    if (TripleCache.accepts(x, 0, T)) {
      const found = integerCache.lookupOrAdd(x, 0, T, cacheLength);
      slot = found < 0 ? undefined : found;
    } else {
      const textKey = `${x}|${T}`;
      slot = textCache.get(textKey);
      if (slot === undefined) textCache.set(textKey, cacheLength);
    }
    if (slot === undefined) {
      // A new (x, T): its slot is the next one (both caches hand slots out in this order).
      slot = cacheLength++;
      if (2 * cacheLength > cacheValues.length) {
        const grown = new Float64Array(cacheValues.length * 2);
        grown.set(cacheValues);
        cacheValues = grown;
      }
      let expectedH = Number.NaN;
      let discounted = Number.NaN;
      try {
        evaluator.evaluateIfAlive(x, T, out);
        expectedH = out[hIndex] as number;
        discounted = 0;
        let previous = 0;
        for (let m = 1; m <= months; m++) {
          const cumulative = out[monthIndex[m - 1] as number] as number;
          discounted += (cumulative - previous) * (discount[m] as number);
          previous = cumulative;
        }
      } catch (error) {
        if (!(error instanceof HypergeometricNotConvergedError)) throw error;
        // Counted and reported below; these customers' purchase figures stay empty.
      }
      cacheValues[2 * slot] = expectedH;
      cacheValues[2 * slot + 1] = discounted;
    }
    const alive = probabilityAlive(purchase, x, tx, T);
    pAlive[i] = alive;
    const expectedH = (cacheValues[2 * slot] as number) * alive;
    if (Number.isNaN(expectedH)) seriesFailures++;
    expected[i] = expectedH;
    if (spend !== null) {
      const z = f.zbar[i] as number;
      const perPurchase = x >= 1 && z > 0 ? (spend.p * (spend.v + x * z)) / (spend.p * x + spend.q - 1) : populationMean;
      value[i] = perPurchase;
      clv[i] = perPurchase * (cacheValues[2 * slot + 1] as number) * alive;
    }
  }
  return { pAlive, expectedPurchases: expected, expectedValue: value, clv, seriesFailures };
}

/** The whole prediction: both fits, then every customer. */
export function runPrediction(f: PredictionFeatures, settings: PredictionSettings): PredictionResult {
  const n = f.length;
  const none = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  const problems: PredictionProblem[] = [];
  const purchase = fitPurchaseModel(f);
  if (purchase.model === null) {
    if (purchase.problem !== null) problems.push(purchase.problem);
    return { status: 'unavailable', purchaseModel: null, spendModel: null, problems, pAlive: none(), expectedPurchases: none(), expectedValue: none(), clv: none() };
  }
  const spend = fitSpendModel(f, settings);
  if (spend.problem !== null) problems.push(spend.problem);
  const predicted = predictCustomers(f, purchase.model, spend.model, settings);
  if (predicted.seriesFailures > 0) problems.push(predictionProblem('series-not-converged', { customers: predicted.seriesFailures }));
  return {
    status: spend.model === null ? 'partial' : 'ok',
    purchaseModel: purchase.model,
    spendModel: spend.model,
    problems,
    pAlive: predicted.pAlive,
    expectedPurchases: predicted.expectedPurchases,
    expectedValue: predicted.expectedValue,
    clv: predicted.clv,
  };
}
