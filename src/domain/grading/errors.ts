/**
 * Misuse of the grading API (a caller bug, not a data problem): thrown, with
 * a stable `code`. Problems in the user's data are `Issue` values instead.
 */
export type GradingErrorCode =
  | 'empty-sample' // a percentile of no values was asked for
  | 'quantile-out-of-range' // p outside [0, 1]
  | 'non-finite-value' // NaN or Infinity handed to a metric column
  | 'invalid-settings'; // settings that validateSettings rejects were used to grade

export class GradingError extends Error {
  readonly code: GradingErrorCode;

  constructor(code: GradingErrorCode, message: string) {
    super(message);
    this.name = 'GradingError';
    this.code = code;
  }
}
