/**
 * The holdout check of the customer-base literature (FHL 2005 figure 4;
 * lifetimes' "calibration vs holdout purchases"): fit BG/NBD on the
 * purchases up to a calibration end date, predict each customer's
 * purchases over the rest of the data (to the as-of date), and compare with
 * the purchase days they actually had, per calibration-period frequency
 * (0, 1, ..., 6, 7+) and in total.
 */
import { expectedPurchasesMany } from './bgnbd';
import { featuresFromHistory } from './features';
import type { PurchaseHistory } from './history';
import { HypergeometricNotConvergedError } from './hypergeometric';
import { predictionProblem, type PredictionProblem } from './messages';
import { fitPurchaseModel, MIN_FIT_CUSTOMERS, MIN_REPEAT_BUYERS, type PurchaseModelSummary } from './predict';

/** Calibration frequencies 0..6 have a bucket each; 7 and more share the last (as in the literature's figure). */
export const HOLDOUT_TOP_BUCKET = 7;

export interface HoldoutBucket {
  /** "0".."6", then "7+". */
  readonly repeatPurchases: string;
  readonly customers: number;
  /** Mean purchase days per customer in the holdout period: actual and predicted. */
  readonly actualMean: number;
  readonly predictedMean: number;
}

export interface HoldoutCheck {
  readonly calibrationEnd: number;
  readonly holdoutEnd: number;
  readonly holdoutDays: number;
  /** Customers whose first purchase is on or before the calibration end. */
  readonly customers: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** (predicted - actual) / actual over all customers; NaN when nobody bought in the holdout. */
  readonly relativeError: number;
  readonly buckets: readonly HoldoutBucket[];
  readonly calibrationModel: PurchaseModelSummary;
}

export type HoldoutOutcome = { readonly check: HoldoutCheck; readonly problem: null } | { readonly check: null; readonly problem: PredictionProblem };

export function holdoutCheck(history: PurchaseHistory, calibrationEnd: number, holdoutEnd: number): HoldoutOutcome {
  const calibration = featuresFromHistory(history, calibrationEnd);
  const holdoutDays = holdoutEnd - calibrationEnd;
  const fit = fitPurchaseModel(calibration);
  if (fit.model === null || holdoutDays <= 0) {
    let customers = 0;
    let repeatBuyers = 0;
    for (let i = 0; i < calibration.length; i++) {
      if (Number.isNaN(calibration.x[i] as number) || !((calibration.T[i] as number) > 0)) continue;
      customers++;
      if ((calibration.x[i] as number) > 0) repeatBuyers++;
    }
    if (fit.problem !== null && fit.problem.code !== 'too-few-customers' && fit.problem.code !== 'too-few-repeat-buyers') return { check: null, problem: fit.problem };
    return { check: null, problem: predictionProblem('holdout-too-few', { customers, repeatBuyers, minimumCustomers: MIN_FIT_CUSTOMERS, minimumRepeat: MIN_REPEAT_BUYERS }) };
  }
  const model = fit.model;
  const sums = Array.from({ length: HOLDOUT_TOP_BUCKET + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  const horizon = Float64Array.of(holdoutDays);
  const out = new Float64Array(1);
  let customers = 0;
  let actualTotal = 0;
  let predictedTotal = 0;
  for (let ci = 0; ci < calibration.length; ci++) {
    const x = calibration.x[ci] as number;
    if (Number.isNaN(x)) continue;
    let actual = 0;
    for (let i = history.start[ci] as number; i < (history.start[ci + 1] as number); i++) {
      const day = history.days[i] as number;
      if (day > calibrationEnd && day <= holdoutEnd) actual++;
    }
    try {
      expectedPurchasesMany(model, x, calibration.tx[ci] as number, calibration.T[ci] as number, horizon, 1, out);
    } catch (error) {
      if (!(error instanceof HypergeometricNotConvergedError)) throw error;
      continue; // no prediction for this customer: left out of both sides of the comparison
    }
    const predicted = out[0] as number;
    const bucket = sums[Math.min(x, HOLDOUT_TOP_BUCKET)] as { customers: number; actual: number; predicted: number };
    bucket.customers++;
    bucket.actual += actual;
    bucket.predicted += predicted;
    customers++;
    actualTotal += actual;
    predictedTotal += predicted;
  }
  const buckets: HoldoutBucket[] = sums.map((s, k) => ({
    repeatPurchases: k === HOLDOUT_TOP_BUCKET ? `${HOLDOUT_TOP_BUCKET}+` : String(k),
    customers: s.customers,
    actualMean: s.customers === 0 ? Number.NaN : s.actual / s.customers,
    predictedMean: s.customers === 0 ? Number.NaN : s.predicted / s.customers,
  }));
  return {
    check: {
      calibrationEnd,
      holdoutEnd,
      holdoutDays,
      customers,
      actualTotal,
      predictedTotal,
      relativeError: actualTotal === 0 ? Number.NaN : (predictedTotal - actualTotal) / actualTotal,
      buckets,
      calibrationModel: model,
    },
    problem: null,
  };
}
