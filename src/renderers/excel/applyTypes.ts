/**
 * The Office.js renderer's options, progress reports and result (see
 * ./applyPlan.ts, which exports them too).
 */
import type { Localized } from '../../i18n/locale';
import type { ApplyChartsResult } from './charts';
import type { BuildStep } from './errors';

export interface ApplyProgress {
  readonly step: BuildStep;
  /** Syncs done and the total expected (the total is final once the rows are read). */
  readonly done: number;
  readonly total: number;
  /**
   * Write step only, for a block that carried rows: the 1-based first and
   * last row (of the table's body, in the order written: existing rows
   * first, then appended ones) of the block just written, and the rows the
   * whole write step writes. Absent on every other step.
   */
  readonly rowsFrom?: number;
  readonly rowsTo?: number;
  readonly rowsTotal?: number;
}

export interface ApplyOptions {
  readonly onProgress?: (progress: ApplyProgress) => void;
  readonly signal?: AbortSignal;
  /** Most rows per block (default 20,000); blocks are smaller when rows are wide. */
  readonly blockRows?: number;
  /**
   * Whether the host supports a requirement set: pass
   * `(set, version) => Office.context.requirements.isSetSupported(set, version)`.
   * Default: nothing above the manifest's minimum (ExcelApi 1.8) is assumed.
   */
  readonly supports?: (set: string, version: string) => boolean;
}

export interface ApplyResult {
  readonly syncs: number;
  readonly readBlocks: number;
  readonly writeBlocks: number;
  /** Rows in the largest write block. */
  readonly largestBlockRows: number;
  /** Largest estimated request (bytes) among the write blocks. */
  readonly largestBlockBytes: number;
  readonly sheetsCreated: readonly string[];
  readonly table: {
    readonly name: string;
    readonly created: boolean;
    readonly updated: number;
    readonly appended: number;
    /** Customers in the table but no longer in the source: kept with their last data. */
    readonly notInSource: number;
    readonly notInSourceKeys: readonly string[];
    /** Rows without a key (or repeating one), kept untouched. */
    readonly unkeyed: number;
    readonly addedColumns: readonly string[];
    /** Columns the user added to the table: kept, never written. */
    readonly userColumns: readonly string[];
  };
  /** The charts applied (null for a plan without charts). */
  readonly charts: ApplyChartsResult | null;
  /** Issue 8 §2: the History group written (null for a plan without history). */
  readonly history: { readonly group: number; readonly replaced: boolean; readonly appendedIds: number; readonly blocks: number; readonly largestBlockBytes: number } | null;
  readonly warnings: readonly Localized[];
}
