/**
 * Prediction options of `tierwise grade` (issue 9): --no-predict,
 * --horizon-days H, --clv-months M, --monthly-discount d and
 * --calibration-end YYYY-MM-DD (the holdout check). Pure, like args.ts.
 */
import { parseIsoDay } from '../domain/dates';
import { DEFAULT_PREDICTION_SETTINGS, validatePredictionSettings, type PredictionSettings } from '../domain/prediction/settings';
import { UsageError } from './args';

export const PREDICTION_FLAGS = ['--no-predict'] as const;

function number(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${name} must be a number, not '${text}'.`, `${name} 必须是数字，而不是“${text}”。`);
  return value;
}

/** Reads the prediction options through `one` (which removes each option it reads). */
export function parsePredictionArgs(one: (name: string) => string | null): PredictionSettings {
  const off = one('--no-predict') === 'true';
  const horizon = one('--horizon-days');
  const months = one('--clv-months');
  const discount = one('--monthly-discount');
  const calibration = one('--calibration-end');
  let calibrationEnd = DEFAULT_PREDICTION_SETTINGS.calibrationEnd;
  if (calibration !== null) {
    calibrationEnd = parseIsoDay(calibration);
    if (calibrationEnd === null) throw new UsageError(`--calibration-end must be a date YYYY-MM-DD, not '${calibration}'.`, `--calibration-end 必须是 YYYY-MM-DD 格式的日期，而不是“${calibration}”。`);
  }
  const settings: PredictionSettings = {
    ...DEFAULT_PREDICTION_SETTINGS,
    enabled: !off,
    horizonDays: horizon === null ? DEFAULT_PREDICTION_SETTINGS.horizonDays : number('--horizon-days', horizon),
    clvMonths: months === null ? DEFAULT_PREDICTION_SETTINGS.clvMonths : number('--clv-months', months),
    monthlyDiscount: discount === null ? DEFAULT_PREDICTION_SETTINGS.monthlyDiscount : number('--monthly-discount', discount),
    calibrationEnd,
  };
  const problems = validatePredictionSettings(settings);
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.message.en).join(' '), problems.map((p) => p.message.zh).join(''));
  return settings;
}

export const PREDICTION_HELP = {
  en: `Prediction (on by default): --no-predict, --horizon-days H (365), --clv-months M (12),
        --monthly-discount d (0.01), --calibration-end YYYY-MM-DD (holdout check, order logs).`,
  zh: `预测（默认开启）：--no-predict、--horizon-days H（365）、--clv-months M（12）、
        --monthly-discount d（0.01）、--calibration-end YYYY-MM-DD（留出期检验，仅订单记录）。`,
} as const;
