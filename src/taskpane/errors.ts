/**
 * Turns anything thrown into what the pane shows: what happened and what to
 * do, in the user's words, with the technical detail kept for a "Details"
 * disclosure. Never shows a raw stack as the message.
 */
import type { Localized } from '../i18n/locale';
import { STRINGS } from '../i18n/strings';
import { BuildInterruptedError } from '../renderers/excel/errors';

export interface PaneError {
  readonly what: Localized;
  readonly todo: Localized;
  /** Extra text for the user (an import message, what was written). */
  readonly note: Localized | null;
  /** Technical detail: error name, code, message, stack. */
  readonly details: string;
}

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly userMessage?: unknown;
  readonly details?: unknown;
  readonly stack?: unknown;
  readonly debugInfo?: unknown;
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).en === 'string' && typeof (value as Localized).zh === 'string';
}

/** The technical detail of an error, for the Details disclosure. */
export function technicalDetails(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as ErrorLike;
  if (typeof e.details === 'string' && e.details !== '') return e.details;
  const head = `${typeof e.name === 'string' ? e.name : 'Error'}${typeof e.code === 'string' ? ` [${e.code}]` : ''}: ${typeof e.message === 'string' ? e.message : ''}`;
  const debug = e.debugInfo ? `\n${JSON.stringify(e.debugInfo)}` : '';
  const stack = typeof e.stack === 'string' ? `\n${e.stack}` : '';
  return head + debug + stack;
}

/** Import codes that mean "this data cannot be graded as it is" (domain ImportError). */
const IMPORT_CODES = new Set(['empty-file', 'no-header', 'no-data-rows', 'missing-required-field', 'mapping-header-not-found']);

export function describeError(error: unknown): PaneError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const userMessage = isLocalized(e.userMessage) ? e.userMessage : null;
  const details = technicalDetails(error);

  if (error instanceof BuildInterruptedError) {
    // The renderer says, in both languages, what was and was not written.
    const cause = error.cause === undefined ? '' : `\ncaused by: ${technicalDetails(error.cause)}`;
    const withCause = details + cause;
    if (error.reason === 'sheetProtected') return { what: STRINGS.errorProtectedWhat, todo: STRINGS.errorProtectedDo, note: error.description, details: withCause };
    if (error.reason === 'builtInOtherLanguage') return { what: STRINGS.errorOtherLanguageWhat, todo: STRINGS.errorOtherLanguageDo, note: error.description, details: withCause };
    if (error.reason === 'tableMissing') return { what: STRINGS.errorTableMissingWhat, todo: STRINGS.errorTableMissingDo, note: error.description, details: withCause };
    return { what: STRINGS.errorWriteWhat, todo: STRINGS.errorWriteDo, note: error.description, details: withCause };
  }
  if (code === 'no-header') return { what: STRINGS.errorNoHeaderWhat, todo: STRINGS.errorNoHeaderDo, note: userMessage, details };
  if (IMPORT_CODES.has(code)) return { what: STRINGS.errorImportWhat, todo: STRINGS.errorImportDo, note: userMessage, details };
  switch (code) {
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
    case 'too-many-cells':
      return { what: STRINGS.errorTooLargeWhat, todo: STRINGS.errorTooLargeDo, note: null, details };
    case 'range-too-small':
      return { what: STRINGS.rangeTooSmallWhat, todo: STRINGS.rangeTooSmallDo, note: null, details };
    case 'AccessDenied':
      return { what: STRINGS.errorProtectedWhat, todo: STRINGS.errorProtectedDo, note: null, details };
    case 'InvalidOperationInCellEditMode':
      return { what: STRINGS.errorEditingWhat, todo: STRINGS.errorEditingDo, note: null, details };
    case 'worker-crashed':
    case 'worker-restarted':
      return { what: STRINGS.errorWorkerWhat, todo: STRINGS.errorWorkerDo, note: null, details };
    default:
      return { what: STRINGS.errorUnknownWhat, todo: STRINGS.errorUnknownDo, note: userMessage, details };
  }
}
