/**
 * Prediction settings (GRADING.md §10 and issue 9): the horizon H, the CLV
 * months M and monthly discount d, the holdout check's calibration end, and
 * the churn-risk bands the workbook draws from P(active).
 */
import type { Localized } from '../../i18n/locale';
import type { DayNumber } from '../dates';

export interface PredictionSettings {
  /** Predictions on (the default) or off (`--no-predict`). */
  readonly enabled: boolean;
  /** H: expected purchases over the next H days. */
  readonly horizonDays: number;
  /** M: CLV over the next M months of 30 days. */
  readonly clvMonths: number;
  /** d: monthly discount rate of the CLV (0.01 = 1% a month). */
  readonly monthlyDiscount: number;
  /** Holdout check: fit on purchases up to this day, compare with the purchases after it. null: no check. */
  readonly calibrationEnd: DayNumber | null;
  /** Churn risk "high" when P(active) < this. */
  readonly highRiskBelow: number;
  /** Churn risk "medium" when P(active) < this (and not high); "low" otherwise. */
  readonly mediumRiskBelow: number;
  /** Spend predictions are withheld when |corr(x, zbar)| over the repeat buyers is at least this (Gamma-Gamma assumes independence). */
  readonly maxSpendFrequencyCorrelation: number;
}

export const DEFAULT_PREDICTION_SETTINGS: PredictionSettings = {
  enabled: true,
  horizonDays: 365,
  clvMonths: 12,
  monthlyDiscount: 0.01,
  calibrationEnd: null,
  highRiskBelow: 0.3,
  mediumRiskBelow: 0.7,
  maxSpendFrequencyCorrelation: 0.5,
};

export interface PredictionSettingProblem {
  readonly setting: keyof PredictionSettings;
  readonly message: Localized;
}

/** Every setting out of its range, with a bilingual message naming it. */
export function validatePredictionSettings(s: PredictionSettings): PredictionSettingProblem[] {
  const problems: PredictionSettingProblem[] = [];
  if (!(Number.isInteger(s.horizonDays) && s.horizonDays >= 1 && s.horizonDays <= 3650)) {
    problems.push({ setting: 'horizonDays', message: { en: `The prediction horizon must be a whole number of days from 1 to 3650 (got ${s.horizonDays}).`, zh: `预测期必须是 1 到 3650 之间的整数天数（当前为 ${s.horizonDays}）。` } });
  }
  if (!(Number.isInteger(s.clvMonths) && s.clvMonths >= 1 && s.clvMonths <= 120)) {
    problems.push({ setting: 'clvMonths', message: { en: `The CLV period must be a whole number of months from 1 to 120 (got ${s.clvMonths}).`, zh: `客户终身价值的计算期必须是 1 到 120 之间的整数月数（当前为 ${s.clvMonths}）。` } });
  }
  if (!(s.monthlyDiscount >= 0 && s.monthlyDiscount < 1)) {
    problems.push({ setting: 'monthlyDiscount', message: { en: `The monthly discount rate must be at least 0 and below 1 (got ${s.monthlyDiscount}).`, zh: `月贴现率必须大于等于 0 且小于 1（当前为 ${s.monthlyDiscount}）。` } });
  }
  if (!(s.highRiskBelow > 0 && s.highRiskBelow < s.mediumRiskBelow && s.mediumRiskBelow < 1)) {
    problems.push({ setting: 'highRiskBelow', message: { en: `The churn-risk thresholds must satisfy 0 < high < medium < 1 (got ${s.highRiskBelow} and ${s.mediumRiskBelow}).`, zh: `流失风险阈值必须满足 0 < 高 < 中 < 1（当前为 ${s.highRiskBelow} 和 ${s.mediumRiskBelow}）。` } });
  }
  if (!(s.maxSpendFrequencyCorrelation > 0 && s.maxSpendFrequencyCorrelation <= 1)) {
    problems.push({ setting: 'maxSpendFrequencyCorrelation', message: { en: `The largest accepted frequency-spend correlation must be above 0 and at most 1 (got ${s.maxSpendFrequencyCorrelation}).`, zh: `可接受的购买频次与客单价相关系数上限必须大于 0 且不超过 1（当前为 ${s.maxSpendFrequencyCorrelation}）。` } });
  }
  return problems;
}

export type ChurnRisk = 'high' | 'medium' | 'low';

export function churnRisk(pAlive: number, s: PredictionSettings): ChurnRisk {
  return pAlive < s.highRiskBelow ? 'high' : pAlive < s.mediumRiskBelow ? 'medium' : 'low';
}
