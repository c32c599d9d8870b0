/**
 * The prediction step of the pipeline (GRADING.md §10): features from the
 * order log's purchase days (or from the customer list's dates), both fits,
 * every customer's figures, and the holdout check when a calibration end is
 * set. It reads the grading result and never changes it.
 */
import {
  featuresFromHistory,
  featuresFromRecords,
  holdoutCheck,
  predictionProblem,
  runPrediction,
  summarizePrediction,
  type PredictionRun,
  type PredictionSettings,
  type PurchaseHistory,
} from '../domain/prediction';
import type { CustomerRecord, GradingResult } from '../domain/types';
import type { GradingSettings } from '../domain/settings';

/**
 * `records[i]` is graded as `grading.customers[i]` (gradeCustomers keeps the
 * order), and `history` (an order log's) is indexed like `records`.
 */
export function predictGraded(
  records: readonly CustomerRecord[],
  history: PurchaseHistory | null,
  grading: GradingResult,
  settings: PredictionSettings,
  gradingSettings: GradingSettings,
): PredictionRun {
  const asOf = grading.asOf;
  // T runs to the as-of date; purchases after it (a fixed as-of date in the past) are not seen.
  const features = history === null ? featuresFromRecords(records, asOf) : featuresFromHistory(history, asOf);
  const result = runPrediction(features, settings);
  let holdout: PredictionRun['holdout'] = null;
  if (settings.calibrationEnd !== null) {
    holdout = history === null ? { check: null, problem: predictionProblem('holdout-no-history') } : holdoutCheck(history, settings.calibrationEnd, asOf);
  }
  const summary =
    result.purchaseModel === null
      ? null
      : summarizePrediction(grading, result, settings, gradingSettings.tiers.map((t) => t.key), gradingSettings.segments.map((s) => s.key));
  return { settings, features, result, holdout, summary };
}
