/**
 * Errors the fake Excel throws, shaped like `OfficeExtension.Error`
 * (`name`, `code`, `message`, `debugInfo`, `traceMessages`, `innerError`) so
 * code that handles Excel's errors handles the fake's the same way.
 *
 * Codes are Excel's own strings (Microsoft: "Error handling with the
 * application-specific JavaScript APIs",
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
 * and the `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes` enums of
 * @types/office-js).
 */
export type FakeExcelErrorCode =
  | 'AccessDenied'
  | 'FormulaLengthExceedsLimit'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export class FakeExcelError extends Error implements Omit<OfficeExtension.Error, 'innerError' | 'stack'> {
  override readonly name = 'RichApi.Error';
  readonly code: FakeExcelErrorCode;
  readonly traceMessages: string[] = [];
  readonly debugInfo: OfficeExtension.DebugInfo;
  /** Excel sets this for nested failures; the fake never nests. */
  readonly innerError: null = null;

  constructor(code: FakeExcelErrorCode, message: string, errorLocation = '') {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** True for an error thrown by the fake (or any object with Excel's error shape and a string code). */
export function isExcelLikeError(error: unknown): error is { code: string; message: string } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
