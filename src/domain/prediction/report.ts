/**
 * The prediction's part of the JSON report (GRADING.md §10): per customer
 * pAlive, expectedPurchases, expectedValue and clv (null where there is no
 * prediction), and under `model` the fitted parameters, log-likelihoods,
 * customers used, the settings H, M, d, the problems and the holdout check.
 */
import { formatIsoDay, type DayNumber } from '../dates';
import type { HoldoutCheck } from './holdout';
import type { PredictionProblem } from './messages';
import type { PredictionResult, PurchaseModelSummary, SpendModelSummary } from './predict';
import type { PredictionSettings } from './settings';
import type { PredictionFeatures } from './features';
import type { AtRiskCustomer, PredictionSummary } from './summary';

/** What the pipeline hands the report: the prediction and (when asked) the holdout check. */
export interface PredictionRun {
  readonly settings: PredictionSettings;
  /** The features the prediction was made from (index = customer), for the workbook's live P(active). */
  readonly features: PredictionFeatures;
  readonly result: PredictionResult;
  /** null when no calibration end is set. */
  readonly holdout: { readonly check: HoldoutCheck | null; readonly problem: PredictionProblem | null } | null;
  /** By tier and segment, and the "at risk, high value" list; null when nothing was predicted. */
  readonly summary: PredictionSummary | null;
}

export interface ReportCustomerPrediction {
  readonly pAlive: number | null;
  readonly expectedPurchases: number | null;
  readonly expectedValue: number | null;
  readonly clv: number | null;
}

export interface ReportProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: { readonly en: string; readonly zh: string };
}

export interface ReportModel {
  readonly status: PredictionResult['status'];
  readonly horizonDays: number;
  readonly clvMonths: number;
  readonly monthlyDiscount: number;
  /** BG/NBD, alpha in days. */
  readonly bgnbd: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number; readonly logLikelihood: number; readonly customersUsed: number; readonly repeatBuyers: number } | null;
  readonly gammaGamma: { readonly p: number; readonly q: number; readonly v: number; readonly logLikelihood: number; readonly customersUsed: number; readonly frequencySpendCorrelation: number } | null;
  readonly problems: readonly ReportProblem[];
  readonly holdout: ReportHoldout | null;
  /** Expected purchases, revenue (next H days) and CLV by tier and segment; the customers to call first. */
  readonly byTier: PredictionSummary['byTier'];
  readonly bySegment: PredictionSummary['bySegment'];
  /** The call-first list (summary.ts's rule), without the customers' row indexes. */
  readonly atRiskHighValue: readonly Omit<AtRiskCustomer, 'index'>[];
}

export interface ReportHoldout {
  readonly calibrationEnd: string;
  readonly holdoutEnd: string;
  readonly holdoutDays: number;
  readonly customers: number;
  readonly actualPurchases: number;
  readonly predictedPurchases: number;
  readonly relativeError: number | null;
  readonly buckets: readonly { readonly repeatPurchases: string; readonly customers: number; readonly actualMean: number | null; readonly predictedMean: number | null }[];
  readonly calibrationModel: ReportModel['bgnbd'];
}

const orNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Customer i's four figures. */
export function reportCustomerPrediction(run: PredictionRun, i: number): ReportCustomerPrediction {
  const r = run.result;
  return {
    pAlive: orNull(r.pAlive[i] as number),
    expectedPurchases: orNull(r.expectedPurchases[i] as number),
    expectedValue: orNull(r.expectedValue[i] as number),
    clv: orNull(r.clv[i] as number),
  };
}

function purchaseModel(m: PurchaseModelSummary | null): ReportModel['bgnbd'] {
  return m === null ? null : { r: m.r, alpha: m.alpha, a: m.a, b: m.b, logLikelihood: m.logLikelihood, customersUsed: m.customersUsed, repeatBuyers: m.repeatBuyers };
}

function spendModel(m: SpendModelSummary | null): ReportModel['gammaGamma'] {
  return m === null ? null : { p: m.p, q: m.q, v: m.v, logLikelihood: m.logLikelihood, customersUsed: m.customersUsed, frequencySpendCorrelation: m.frequencySpendCorrelation };
}

const problem = (p: PredictionProblem): ReportProblem => ({ code: p.code, severity: p.severity, message: { en: p.message.en, zh: p.message.zh } });

export function reportModel(run: PredictionRun): ReportModel {
  const problems = run.result.problems.map(problem);
  let holdout: ReportHoldout | null = null;
  if (run.holdout !== null) {
    const check = run.holdout.check;
    if (run.holdout.problem !== null) problems.push(problem(run.holdout.problem));
    if (check !== null) {
      holdout = {
        calibrationEnd: formatIsoDay(check.calibrationEnd as DayNumber),
        holdoutEnd: formatIsoDay(check.holdoutEnd as DayNumber),
        holdoutDays: check.holdoutDays,
        customers: check.customers,
        actualPurchases: check.actualTotal,
        predictedPurchases: check.predictedTotal,
        relativeError: orNull(check.relativeError),
        buckets: check.buckets.map((b) => ({ repeatPurchases: b.repeatPurchases, customers: b.customers, actualMean: orNull(b.actualMean), predictedMean: orNull(b.predictedMean) })),
        calibrationModel: purchaseModel(check.calibrationModel),
      };
    }
  }
  return {
    status: run.result.status,
    horizonDays: run.settings.horizonDays,
    clvMonths: run.settings.clvMonths,
    monthlyDiscount: run.settings.monthlyDiscount,
    bgnbd: purchaseModel(run.result.purchaseModel),
    gammaGamma: spendModel(run.result.spendModel),
    problems,
    holdout,
    byTier: run.summary?.byTier ?? [],
    bySegment: run.summary?.bySegment ?? [],
    atRiskHighValue: (run.summary?.atRiskHighValue ?? []).map(({ index: _index, ...customer }) => customer),
  };
}
