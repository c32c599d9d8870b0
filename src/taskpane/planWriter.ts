/**
 * What the pane needs from the Office.js renderer, in the pane's terms:
 * progress as words and a fraction, and an outcome that says what was and
 * was not written. `createPlanWriter` adapts `applyPlan` to it, through the
 * gateway's `run` (Excel.run in Office, the fake's run in the preview).
 */
import type { Localized } from '../i18n/locale';
import { STRINGS, type StringKey } from '../i18n/strings';
import type { WorkbookPlan } from '../plan/types';
import { applyPlan, type ApplyProgress } from '../renderers/excel/applyPlan';
import { BuildInterruptedError, type BuildStep } from '../renderers/excel/errors';
import type { ExcelRun } from './workbookGateway';
import { withRolesBlock } from '../plan/rolesBlock';
import { rebuildWhileProtected } from '../renderers/excel/protection';
import { readRoleProfiles } from '../renderers/excel/readSettings';

export type PlanWriteProgress =
  /** Writing table rows `from`..`to` (1-based) of `total`. */
  | { readonly kind: 'rows'; readonly from: number; readonly to: number; readonly total: number; readonly fraction: number }
  /** Any other step, named in both languages. */
  | { readonly kind: 'step'; readonly step: Localized; readonly fraction: number };

export type PlanWriteResult =
  | {
      readonly kind: 'written';
      readonly rowsWritten: number;
      readonly rowsAdded: number;
      readonly rowsUpdated: number;
      /** Customers in the table but no longer in the source: kept with their last data. */
      readonly notInSource: number;
      /** Their IDs, in table order. */
      readonly notInSourceKeys: readonly string[];
      /** Table rows without a customer ID (or repeating one), left untouched. */
      readonly unkeyed: number;
      /** What the renderer could not do as it would have liked (e.g. no ExcelApi 1.9), in both languages. */
      readonly warnings: readonly Localized[];
    }
  /** Cancelled midway: the workbook is consistent; `description` says what was and was not written. */
  | { readonly kind: 'cancelled'; readonly description: Localized };

export interface PlanWriteOptions {
  readonly onProgress: (progress: PlanWriteProgress) => void;
  readonly signal: AbortSignal;
  /**
   * A rebuild of a workbook Tierwise protected: the protection password,
   * used to lift protection and put it back for this one write (issue 7),
   * never kept. Absent: a protected workbook stops the build before
   * anything is written (BuildInterruptedError reason sheetProtected).
   */
  readonly password?: string;
}

export type PlanWriter = (plan: WorkbookPlan, options: PlanWriteOptions) => Promise<PlanWriteResult>;

/** What the host supports (Office.context.requirements.isSetSupported in Excel). */
export type SupportsRequirement = (set: string, version: string) => boolean;

const STEP_LABELS: Readonly<Record<BuildStep, StringKey>> = {
  inspect: 'writeStepInspect',
  read: 'writeStepRead',
  prepare: 'writeStepPrepare',
  write: 'writeStepWrite',
  format: 'writeStepFormat',
  validate: 'writeStepValidate',
};

/** The renderer's progress in the pane's terms. */
export function toWriteProgress(progress: ApplyProgress): PlanWriteProgress {
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const { rowsFrom, rowsTo, rowsTotal } = progress;
  if (progress.step === 'write' && rowsFrom !== undefined && rowsTo !== undefined && rowsTotal !== undefined) {
    return { kind: 'rows', from: rowsFrom, to: rowsTo, total: rowsTotal, fraction };
  }
  return { kind: 'step', step: STRINGS[STEP_LABELS[progress.step]], fraction };
}

/**
 * The Office.js renderer as a PlanWriter: `applyPlan` inside one `run`
 * batch. A cancel (the renderer stops between blocks and throws
 * BuildInterruptedError 'cancelled') becomes a `cancelled` result carrying
 * the renderer's account of what was written; every other failure is thrown
 * on to the pane, which explains it.
 */
export function createPlanWriter(run: ExcelRun, supports?: SupportsRequirement): PlanWriter {
  return async (plan, { onProgress, signal, password }) => {
    try {
      const { result, roleProblems } = await run(async (context) => {
        // Role profiles typed in the Settings sheet survive the rebuild (issue 7): the plan's block takes them.
        const roles = await readRoleProfiles(context);
        const planned = roles.found ? withRolesBlock(plan, roles.profiles) : plan;
        const write = () => applyPlan(context, planned, { signal, supports, onProgress: (p) => onProgress(toWriteProgress(p)) });
        const applied = password === undefined ? await write() : await rebuildWhileProtected(context, password, write);
        return { result: applied, roleProblems: roles.found ? roles.problems.map((p) => p.message) : [] };
      });
      return {
        kind: 'written',
        rowsWritten: result.table.updated + result.table.appended,
        rowsAdded: result.table.appended,
        rowsUpdated: result.table.updated,
        notInSource: result.table.notInSource,
        notInSourceKeys: result.table.notInSourceKeys,
        unkeyed: result.table.unkeyed,
        warnings: [...result.warnings, ...roleProblems],
      };
    } catch (error) {
      if (error instanceof BuildInterruptedError && error.code === 'cancelled') return { kind: 'cancelled', description: error.description };
      throw error;
    }
  };
}
