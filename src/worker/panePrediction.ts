/** The prediction's outcome as the Done screen shows it (issue 9): small, structured-clone-safe data. */
import type { DayNumber } from '../domain/dates';
import type { PredictionRun } from '../domain/prediction/report';
import { predictionHighlights } from '../domain/prediction/summary';
import type { PanePrediction } from './protocol';

export function panePrediction(run: PredictionRun | null): PanePrediction | null {
  if (run === null) return null;
  const model = run.result.purchaseModel;
  const check = run.holdout?.check ?? null;
  return {
    status: run.result.status,
    customersUsed: model?.customersUsed ?? 0,
    repeatBuyers: model?.repeatBuyers ?? 0,
    horizonDays: run.settings.horizonDays,
    clvMonths: run.settings.clvMonths,
    highRiskBelow: run.settings.highRiskBelow,
    mediumRiskBelow: run.settings.mediumRiskBelow,
    problems: [...run.result.problems, ...(run.holdout?.problem ? [run.holdout.problem] : [])].map((p) => ({ en: p.message.en, zh: p.message.zh })),
    holdout: check === null ? null : { calibrationEnd: check.calibrationEnd as DayNumber, actual: check.actualTotal, predicted: check.predictedTotal, relativeError: check.relativeError },
    atRiskHighValue: run.summary?.atRiskHighValue.length ?? 0,
    highlights: predictionHighlights(run.summary, run.settings),
  };
}
