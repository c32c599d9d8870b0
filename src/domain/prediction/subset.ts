/**
 * A prediction run cut to some of its customers (the per-rep copies, issue
 * 9): the per-customer features and figures of those customers, in the
 * given order; the fitted models, settings, problems and holdout check of
 * the whole run (a copy shows the master's parameters: nothing is refitted
 * on one owner's customers); the summary recomputed over those customers.
 */
import type { GradingResult, SegmentKey } from '../types';
import type { PredictionFeatures } from './features';
import type { PredictionResult } from './predict';
import type { PredictionRun } from './report';
import { summarizePrediction } from './summary';

const pick = (values: Float64Array, indexes: readonly number[]): Float64Array => Float64Array.from(indexes, (i) => values[i] as number);

/**
 * `indexes[k]` is the run's customer shown as `grading.customers[k]` (the
 * subset's own grading, possibly masked: the call-first list reads names
 * and owners from it).
 */
export function subsetPredictionRun(run: PredictionRun, indexes: readonly number[], grading: GradingResult, tierOrder: readonly string[], segmentOrder: readonly SegmentKey[]): PredictionRun {
  if (grading.customers.length !== indexes.length) throw new Error(`internal: ${indexes.length} indexes for ${grading.customers.length} customers`);
  for (const i of indexes) if (!(Number.isInteger(i) && i >= 0 && i < run.features.length)) throw new Error(`internal: customer index ${i} outside the prediction (${run.features.length} customers)`);
  const f = run.features;
  const features: PredictionFeatures = { x: pick(f.x, indexes), tx: pick(f.tx, indexes), T: pick(f.T, indexes), zbar: pick(f.zbar, indexes), length: indexes.length };
  const r = run.result;
  const result: PredictionResult = {
    ...r,
    pAlive: pick(r.pAlive, indexes),
    expectedPurchases: pick(r.expectedPurchases, indexes),
    expectedValue: pick(r.expectedValue, indexes),
    clv: pick(r.clv, indexes),
  };
  const summary = r.purchaseModel === null ? null : summarizePrediction(grading, result, run.settings, tierOrder, segmentOrder);
  return { ...run, features, result, summary };
}
