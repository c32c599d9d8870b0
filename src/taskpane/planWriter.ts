/**
 * What the pane needs from the Office.js renderer, in the pane's terms:
 * progress as words and a fraction, and an outcome that says what was and
 * was not written. `createPlanWriter` adapts `applyPlan` to it, through the
 * gateway's `run` (Excel.run in Office, the fake's run in the preview).
 */
import type { Localized } from '../i18n/locale';
import type { WorkbookPlan } from '../plan/types';

export type PlanWriteProgress =
  /** Writing table rows `from`..`to` (1-based) of `total`. */
  | { readonly kind: 'rows'; readonly from: number; readonly to: number; readonly total: number; readonly fraction: number }
  /** Any other step, named in both languages. */
  | { readonly kind: 'step'; readonly step: Localized; readonly fraction: number };

export interface PlanWriteResult {
  readonly cancelled: boolean;
  readonly rowsWritten: number;
  readonly rowsAdded: number;
  readonly rowsUpdated: number;
  /** Parts written / not written, for the cancelled and failed messages. */
  readonly written: readonly Localized[];
  readonly notWritten: readonly Localized[];
}

export interface PlanWriteOptions {
  readonly onProgress: (progress: PlanWriteProgress) => void;
  readonly signal: AbortSignal;
}

export type PlanWriter = (plan: WorkbookPlan, options: PlanWriteOptions) => Promise<PlanWriteResult>;
