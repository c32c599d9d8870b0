/**
 * Thrown when an input is unusable as a whole (row-level problems are Issue
 * values instead). `userMessage` is what the pane and the CLI show.
 */
import type { Localized } from '../../i18n/locale';
import type { Issue } from '../types';

export type ImportErrorCode = 'empty-file' | 'no-header' | 'no-data-rows' | 'missing-required-field' | 'mapping-header-not-found';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly userMessage: Localized;
  /** The file-level issues behind the error (for the report). */
  readonly issues: readonly Issue[];

  constructor(code: ImportErrorCode, userMessage: Localized, issues: readonly Issue[] = []) {
    super(`${code}: ${userMessage.en}`);
    this.name = 'ImportError';
    this.code = code;
    this.userMessage = userMessage;
    this.issues = issues;
  }
}
