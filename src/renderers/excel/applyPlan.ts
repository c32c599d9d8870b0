/**
 * The Office.js renderer: applies a WorkbookPlan to the open workbook. The
 * only code in Tierwise that calls Excel.
 *
 * Round trips (each a `context.sync()`), in order:
 *   1. inspect   — which managed sheets, the table and the names exist (reads only);
 *   2. inspect   — protection of existing sheets, the existing table's headers and size, or, when the
 *                  managed sheet has lost its table, whether its area holds data (only on a rebuild);
 *                  if it does, one or two syncs list the sheet's tables (parts/table.ts tablesOnSheet):
 *                  Tierwise's own table left under Excel's default name by a build stopped between
 *                  `tables.add` and naming it (the PENDING_TABLE_NAME marker points at it) is named, in
 *                  its own sync, and rebuilt as the existing table; any other table over the area is
 *                  refused (renamed by the user, or theirs); with no table ("Convert to Range", or a
 *                  first build stopped before `tables.add`), one sync reads the header row and, when
 *                  that names the key column, one more makes the area a table again (else: refused);
 *   3. read      — one sync per block of existing rows (only on a rebuild);
 *   4. prepare   — managed-sheet registry, missing sheets, defined names, added table columns, number formats;
 *   5. write     — one sync per block of rows: existing rows updated in place, new rows appended;
 *   6. format    — Settings / Summary cells, widths, freeze panes, tab colours, computed-column formulas;
 *   7. validate  — data validations, conditional formats, recalculation;
 *   8. charts    — when the plan has charts: 3 syncs (charts.ts), whatever the number of customers.
 * So a build is a constant number of syncs (4 or 5) plus one per block.
 *
 * Performance rules (DESIGN.md §5): no sync in a row loop, no proxy object
 * per row (a block is one `values` write per run of adjacent columns); blocks
 * are cut so every request stays under {@link REQUEST_BUDGET_BYTES} (below
 * Excel on the web's 5 MB) and holds at most `blockRows` rows (default
 * 20,000, Microsoft's 5k-20k guidance); number formats are set before values,
 * formats and validations after values; calculation is suspended for every
 * writing sync (`suspendApiCalculationUntilNextSync`, ExcelApi 1.6) and
 * screen updating too when ExcelApi 1.9 is supported.
 *
 * Consistency: every block is one sync, and a block either rewrites complete
 * existing rows in place (same customer in the same row) or appends complete
 * new rows (`rows.add`), so after a failure or a cancellation between syncs
 * the table holds whole rows only, never a duplicate, and the user's own
 * columns and cells are untouched; a second run finishes the job (it is an
 * update keyed by customer ID). Cancellation is checked before each batch is
 * queued, so nothing half-queued is ever sent. Real Excel runs a batch's
 * commands in order without rollback, so a batch that fails in the middle
 * could leave one block with some column runs updated and others not; the
 * rows are still whole customers and the next run rewrites them. When a sync
 * that may have run `rows.add` or `tables.add` fails, the rows the table
 * then holds are counted (one or two more syncs, on that path only), so the
 * message's counts are exact; if Excel cannot answer that either, the message
 * says how many more rows may be there. Office.js cannot add and name a table
 * in one operation, so the batch that adds it first sets a hidden marker name
 * at its header cell and deletes it right after naming it: a stop between
 * the two leaves a table the next build can tell from one the user renamed.
 *
 * Safety: sheets are created or written only if they are managed: listed in
 * the hidden workbook name {@link MANAGED_SHEETS_NAME} (written before any
 * sheet is created). A plan sheet name that exists but is not managed — the
 * user's own "Customers" sheet, say — stops the build before anything is
 * written. So the user's source sheet is never modified.
 */
import type { Localized } from '../../i18n/locale';
import { columnLetter } from '../../plan/a1';
import {
  mergeTableRows,
  TableMergeError,
  type MergedCell,
  type MergedRow,
  type TableMerge,
} from '../../plan/merge';
import type { PlanTarget, TablePlan, WorkbookPlan } from '../../plan/types';
import { inputBytes, officeCellInput, type OfficeCellInput } from './cellValues';
import { BuildInterruptedError, type BuildFailureReason, type BuildStep, type WrittenSummary } from './errors';
import { MANAGED_SHEETS_NAME, managedSheetsInRegistry, queueDefinedNames, queueManagedSheetsRegistry } from './parts/names';
import { sheetPlanOf, widthToPoints } from './parts/sheets';
import { queueSheetFormatInBlocks } from './parts/sheetBlocks';
import {
  cutBlocks,
  officeTextHeader,
  runsOf,
  setUniform,
  SHEET_ROWS,
  writeComputed,
  PENDING_TABLE_NAME,
  pendingTableFormula,
  queuePendingTableMarker,
  tablesOnSheet,
  type Block,
  type ExistingTableInfo,
} from './parts/table';
import { inspectExistingTable } from './parts/tableInspection';
import { queueWorkbookProbes } from './parts/workbookProbes';
import type { ApplyOptions, ApplyProgress, ApplyResult } from './applyTypes';
import { cannotMergeDetail, readExistingRows } from './parts/readRows';
import { queueValidation } from './parts/validations';
import { queueConditionalFormats } from './parts/formats';
import { applyCharts } from './charts';
import { inspectHistory, writeHistoryGroup, type HistoryInspection, type HistoryWriteResult } from './parts/history';
import { placeSnapshot } from '../../domain/history/placement';

/** Bytes a writing request may use: 80% of Excel on the web's 5 MB, leaving room for the per-operation overhead. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Microsoft's guidance: blocks of 5,000-20,000 rows. */
export const DEFAULT_BLOCK_ROWS = 20_000;

// The parts' public names, exported here as before the split (tests, the pane and the xlsx renderer import them from here).
export { MANAGED_SHEETS_NAME, managedSheetsInRegistry, widthToPoints, cutBlocks };

// The options and the result (applyTypes.ts), exported here as before the split.
export type { ApplyOptions, ApplyProgress, ApplyResult };

/* ------------------------------------------------------------------ the build */

/**
 * Applies `plan` to the workbook behind `context`. Re-running is an update
 * (see src/plan/merge.ts). Resolves with what was done; rejects with a
 * {@link BuildInterruptedError} (`cancelled` or `failed`) that says exactly
 * what was and was not written.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const supports = options.supports ?? (() => false);
  const screenUpdating = supports('ExcelApi', '1.9');
  const maxRows = Math.max(1, Math.floor(options.blockRows ?? DEFAULT_BLOCK_ROWS));
  const warnings: Localized[] = [];
  if (!screenUpdating) {
    warnings.push({
      en: 'This version of Excel cannot pause screen updating (ExcelApi 1.9); the build may flicker and run slower.',
      zh: '此版本的 Excel 不支持暂停屏幕更新（ExcelApi 1.9），生成时可能闪烁且较慢。',
    });
  }
  const workbook = context.workbook;
  const tablePlan: TablePlan | undefined = plan.tables[0];
  if (plan.tables.length > 1) throw new RangeError('applyPlan renders one table per plan (the Customers table).');

  // Progress and what-was-written bookkeeping.
  const stepsDone: BuildStep[] = [];
  let step: BuildStep = 'inspect';
  let syncs = 0;
  let expectedSyncs = 5;
  const sheetsCreated: string[] = [];
  let namesWritten = false;
  let tableExists = false;
  let tableRestored = false;
  let rowsUpdated = 0;
  let rowsToUpdate = 0;
  let rowsAppended = 0;
  let rowsToAppend = tablePlan?.rows.length ?? 0;
  let formatsApplied = false;
  let validationsApplied = false;
  /** Issue 8 §2: set once the History group's date cell (its commit marker) is written. */
  let historyWritten: HistoryWriteResult | null = null;
  const summary = (stoppedIn: BuildStep | null): WrittenSummary => ({
    stepsDone: [...stepsDone],
    stoppedIn,
    sheetsCreated: [...sheetsCreated],
    namesWritten,
    tableExists,
    tableRestored,
    rowsUpdated,
    rowsToUpdate,
    rowsAppended,
    rowsToAppend,
    formatsApplied,
    validationsApplied,
    ...(plan.history ? { historyRecorded: historyWritten !== null } : {}),
  });
  const fail = (reason: BuildFailureReason, detail: Localized, cause?: unknown): BuildInterruptedError =>
    new BuildInterruptedError('failed', summary(null), reason, detail, { cause });
  /** A managed table sheet whose area holds data Tierwise cannot rebuild on (no key header, or a renamed table over it). */
  const tableMissing = (table: TablePlan, cause?: unknown): BuildInterruptedError => {
    const sheetLabel = sheetPlanOf(plan, table.sheet).name;
    return fail(
      'tableMissing',
      {
        en: `The ${table.name} table on sheet ${sheetLabel} is no longer a table (it was converted to a range or renamed), but its cells still hold data. Undo that (Ctrl+Z), or select the data and choose Insert > Table and name it ${table.name} (Table Design > Table Name), then build again.`,
        zh: `工作表 ${sheetLabel} 上的 ${table.name} 表格已不再是表格（已转换为区域或被重命名），但其单元格中仍有数据。请撤消该操作（Ctrl+Z），或选中数据后选择“插入 > 表格”并将其命名为 ${table.name}（表设计 > 表名称），然后重新生成。`,
      },
      cause,
    );
  };
  /**
   * A sync that may have run `tables.add` failed part-way (making or naming the table on a rebuild): whether a
   * table now starts at the plan table's header cell, whatever its name, is what the message must say. One or
   * two more syncs, on this path only; if Excel cannot answer, the original error stands with both causes.
   */
  const withTableRecounted = async (error: unknown): Promise<unknown> => {
    if (!(error instanceof BuildInterruptedError) || !tablePlan) return error;
    try {
      const sheet = workbook.worksheets.getItem(sheetPlanOf(plan, tablePlan.sheet).name);
      if ((await tablesOnSheet(sheet, () => context.sync())).some((t) => t.headerRow === tablePlan.row && t.firstColumn === tablePlan.column)) tableExists = true;
    } catch (recountError) {
      return new BuildInterruptedError('failed', error.written, error.reason, error.detail, {
        cause: new AggregateError([error.cause, recountError], 'The sync failed and so did looking for the table after it.'),
      });
    }
    return new BuildInterruptedError('failed', summary(error.written.stoppedIn), error.reason, error.detail, { cause: error.cause });
  };
  const checkCancelled = (): void => {
    if (options.signal?.aborted) throw new BuildInterruptedError('cancelled', summary(null), null, null);
  };
  /** `rows`: the block a write sync carried (0-based, end exclusive), reported as 1-based rows. */
  const sync = async (rows?: { readonly start: number; readonly end: number; readonly total: number }): Promise<void> => {
    try {
      await context.sync();
    } catch (error) {
      const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'unknown';
      const message = error instanceof Error ? error.message : String(error);
      throw new BuildInterruptedError(
        'failed',
        summary(step),
        'excel',
        { en: `Excel reported ${code}: ${message}`, zh: `Excel 报告错误 ${code}：${message}` },
        { cause: error },
      );
    }
    syncs += 1;
    const progress: ApplyProgress = { step, done: syncs, total: Math.max(expectedSyncs, syncs) };
    options.onProgress?.(
      rows && rows.end > rows.start ? { ...progress, rowsFrom: rows.start + 1, rowsTo: rows.end, rowsTotal: rows.total } : progress,
    );
  };
  const finishStep = (done: BuildStep): void => {
    if (!stepsDone.includes(done)) stepsDone.push(done);
  };
  const suspend = (): void => {
    workbook.application.suspendApiCalculationUntilNextSync();
    if (screenUpdating) workbook.application.suspendScreenUpdatingUntilNextSync();
  };

  /* 1. inspect ---------------------------------------------------- */
  checkCancelled();
  // parts/workbookProbes.ts: the managed sheets, the registry, the names, the table, the markers, the History sheet.
  const { sheetProbes, registry, nameProbes, tableProbe, pendingProbe, pendingRange, historyProbe } = queueWorkbookProbes(workbook, plan, tablePlan);
  await sync();
  /** Whether the marker name exists now (so the next batch that sets it updates rather than adds it). */
  let pendingMarker = pendingProbe !== null && !pendingProbe.isNullObject;

  const managed = new Set<string>(registry.isNullObject ? [] : managedSheetsInRegistry(registry.formula).map((name) => name.toLowerCase()));
  const existingSheets = sheetProbes.filter((p) => !p.proxy.isNullObject);
  const foreign = existingSheets.filter((p) => !managed.has(p.plan.name.toLowerCase()));
  const historyExists = historyProbe !== null && !historyProbe.isNullObject;
  const historyForeign = plan.history && historyExists && !managed.has(plan.history.sheetName.toLowerCase()) ? [plan.history.sheetName] : [];
  if (foreign.length > 0 || historyForeign.length > 0) {
    const names = [...foreign.map((p) => p.plan.name), ...historyForeign].join(', ');
    throw fail('sheetNameTaken', {
      en: `The workbook already has a sheet named ${names} that Tierwise did not create. Rename or move that sheet, then build again; Tierwise never writes into your own sheets.`,
      zh: `工作簿中已有名为 ${names} 的工作表，且并非本工具创建。请重命名或移走该工作表后再生成；本工具不会写入您自己的工作表。`,
    });
  }
  const tableFound = tableProbe !== null && !tableProbe.isNullObject;

  /* 2. inspect: protection and the existing table (parts/tableInspection.ts, recovery: parts/tableRecovery.ts) */
  let existing: ExistingTableInfo | null = null;
  /** The table made again over a managed area that had lost it (parts/tableRecovery.ts); then treated as the existing table. */
  let recreatedTable: Excel.Table | null = null;
  if (existingSheets.length > 0 || tableFound) {
    checkCancelled();
    ({ existing, recreatedTable } = await inspectExistingTable({
      workbook,
      plan,
      tablePlan,
      existingSheets,
      tableFound,
      tableProbe,
      pendingRange,
      pendingMarker,
      sync: () => sync(),
      setStep: (s) => {
        step = s;
      },
      fail,
      tableMissing,
      withTableRecounted,
    }));
    if (recreatedTable) {
      // Named or made again in its own sync, which deleted the marker.
      pendingMarker = false;
      tableRestored = true;
    }
    if (existing) tableExists = true;
  }
  finishStep('inspect');

  /* 2b. inspect the History sheet (issue 8 §2): its IDs and dates, where this build's snapshot goes; refused before anything is written */
  let history: HistoryInspection | null = null;
  if (plan.history) {
    checkCancelled();
    const current = plan.history.current;
    history = await inspectHistory(workbook, plan.history, historyExists, (read) => placeSnapshot(read, current), () => sync(), checkCancelled);
    if (history.kind === 'protected') {
      throw fail('sheetProtected', {
        en: `These sheets are protected: ${plan.history.sheetName}. Unprotect them (Review > Unprotect Sheet), then build again.`,
        zh: `以下工作表受保护：${plan.history.sheetName}。请先撤消保护（审阅 > 撤消工作表保护），再重新生成。`,
      });
    }
    if (history.kind === 'refused') throw fail('historyRefused', history.message);
  }

  /* 3. read the existing rows' data columns, in blocks ------------- */
  step = 'read';
  const sheetName = tablePlan ? sheetPlanOf(plan, tablePlan.sheet).name : '';
  const tableSheetProxy = (): Excel.Worksheet => workbook.worksheets.getItem(sheetName);
  let merge: TableMerge | null = null;
  let readBlocks = 0;
  if (tablePlan) {
    let existingRows: unknown[][] = [];
    if (existing) {
      // parts/readRows.ts: one sync per block of rows, sized from the planned rows.
      const read = await readExistingRows({
        sheet: tableSheetProxy,
        table: existing,
        tablePlan,
        maxRows,
        budget: REQUEST_BUDGET_BYTES,
        sync: () => sync(),
        beforeBatch: checkCancelled,
        planned: (expectedReads, readRows) => {
          expectedSyncs = syncs + expectedReads + 3 + Math.ceil(tablePlan.rows.length / readRows);
        },
      });
      existingRows = read.rows;
      readBlocks = read.blocks;
    }
    try {
      merge = mergeTableRows(existing ? { headers: existing.headers, rows: existingRows } : null, tablePlan);
    } catch (error) {
      if (error instanceof TableMergeError) {
        throw fail('cannotMerge', cannotMergeDetail(error, tablePlan), error);
      }
      throw error;
    }
    finishStep('read');
  }

  /* blocks ---------------------------------------------------------- */
  const existingCount = existing?.bodyRows ?? 0;
  const mergedRows: readonly MergedRow[] = merge?.rows ?? [];
  const headers = merge?.headers ?? [];
  const formatOf = (m: number): string => {
    const p = merge?.planColumn[m];
    return p === null || p === undefined ? 'General' : (tablePlan?.columns[p]?.numberFormat ?? 'General');
  };
  const cellInput = (cell: MergedCell, m: number): OfficeCellInput => (cell.kind === 'write' ? officeCellInput(cell.value, formatOf(m)) : '');
  const existingLength = existing?.headers.length ?? 0;
  const writeColumns = headers
    .map((_, m) => m)
    .filter((m) => {
      const role = merge?.roles[m];
      return role === 'input' || role === 'carried' || (m >= existingLength && role !== 'computed' && role !== 'user');
    });
  const writeRuns = runsOf(writeColumns);
  const computedColumns = headers.map((_, m) => m).filter((m) => merge?.roles[m] === 'computed');
  const rowInputs = (row: MergedRow, columns: readonly number[]): OfficeCellInput[] => columns.map((m) => cellInput(row.cells[m] ?? { kind: 'keep' }, m));
  const allColumns = headers.map((_, m) => m);
  const rowBytes = (i: number): number => {
    const row = mergedRows[i];
    if (!row) return 0;
    const cols = i < existingCount ? writeColumns : allColumns;
    return rowInputs(row, cols).reduce<number>((sum, v) => sum + inputBytes(v), 2);
  };
  rowsToUpdate = existingCount;
  rowsToAppend = mergedRows.length - existingCount;
  const updateBlocks = cutBlocks(existingCount, rowBytes, maxRows, REQUEST_BUDGET_BYTES);
  const appendBlocks = cutBlocks(mergedRows.length - existingCount, (i) => rowBytes(existingCount + i), maxRows, REQUEST_BUDGET_BYTES).map((b) => ({
    ...b,
    start: b.start + existingCount,
    end: b.end + existingCount,
  }));
  const writeBlockCount = updateBlocks.length + appendBlocks.length + (tablePlan && !existing && appendBlocks.length === 0 ? 1 : 0);
  expectedSyncs = syncs + 1 + writeBlockCount + 2;

  /* 4. prepare ------------------------------------------------------- */
  step = 'prepare';
  checkCancelled();
  suspend();
  queueManagedSheetsRegistry(workbook, registry, [...plan.sheets.map((s) => s.name), ...(plan.history ? [plan.history.sheetName] : [])], managed);
  const creating = sheetProbes.filter((p) => p.proxy.isNullObject).map((p) => p.plan.name);
  if (plan.history && !historyExists) creating.push(plan.history.sheetName);
  for (const name of creating) workbook.worksheets.add(name);
  queueDefinedNames(workbook, plan, nameProbes);
  let tableProxy: Excel.Table | null = recreatedTable ?? (tableFound && tableProbe ? tableProbe : null);
  // A marker left by a build stopped after naming its table, before deleting the marker: the table is there, so it is stale.
  const staleMarker = pendingMarker && tableProxy !== null;
  if (staleMarker) workbook.names.getItem(PENDING_TABLE_NAME).delete();
  if (tablePlan && merge && existing && tableProxy) {
    const table = tableProxy;
    for (const header of merge.addedHeaders) table.columns.add(undefined, undefined, header);
    // Number formats before values, for the rows that exist now (appended rows inherit them).
    if (existing.bodyRows > 0) {
      headers.forEach((header, m) => {
        // User columns are the user's; computed columns get their format after their formula (see writeComputed).
        if (merge?.roles[m] === 'user' || merge?.roles[m] === 'computed') return;
        setUniform(table.columns.getItem(header).getDataBodyRange(), 'numberFormat', formatOf(m));
      });
    }
  } else if (tablePlan && merge) {
    const sheet = tableSheetProxy();
    const rows = Math.max(1, mergedRows.length);
    if (!creating.includes(sheetName)) {
      // A managed sheet whose table is gone and whose table area holds no
      // values, or only a header row (an area with rows is made a table again
      // in inspect, or refused): clear the area's contents from the header
      // row down anyway, so the new table never runs into leftovers when it grows.
      sheet.getRangeByIndexes(tablePlan.row, tablePlan.column, SHEET_ROWS - tablePlan.row, headers.length).clear('Contents');
    }
    headers.forEach((_, m) => {
      if (merge.roles[m] === 'computed') return;
      setUniform(sheet.getRangeByIndexes(tablePlan.row + 1, tablePlan.column + m, rows, 1), 'numberFormat', formatOf(m));
    });
  }
  await sync();
  if (staleMarker) pendingMarker = false;
  sheetsCreated.push(...creating);
  namesWritten = true;
  finishStep('prepare');

  /**
   * A write sync that appends rows failed part-way: `rows.add` (or `tables.add`) may have run before the
   * failing operation. Counts the table's rows as they now are (one or two syncs, on this path only) so the
   * message says exactly what was added; if Excel cannot answer either, says that up to `blockRows` more may be there.
   */
  const recountAfterFailedBlock = async (error: unknown, headerRow: number, firstColumn: number, blockRows: number): Promise<unknown> => {
    if (!(error instanceof BuildInterruptedError) || !tablePlan) return error;
    try {
      const found = (await tablesOnSheet(tableSheetProxy(), () => context.sync())).find((t) => t.headerRow === headerRow && t.firstColumn === firstColumn);
      if (found) {
        tableExists = true;
        // A table made over no rows has one blank body row.
        rowsAppended = mergedRows.length === existingCount ? 0 : found.bodyRows - existingCount;
      }
    } catch (recountError) {
      return new BuildInterruptedError('failed', { ...summary('write'), rowsMaybeAppended: blockRows }, error.reason, error.detail, {
        cause: new AggregateError([error.cause, recountError], 'The write failed and so did counting the rows after it.'),
      });
    }
    return new BuildInterruptedError('failed', summary('write'), error.reason, error.detail, { cause: error.cause });
  };

  /* 5. write blocks --------------------------------------------------- */
  step = 'write';
  let largestBlockRows = 0;
  let largestBlockBytes = 0;
  const noteBlock = (b: Block): void => {
    largestBlockRows = Math.max(largestBlockRows, b.end - b.start);
    largestBlockBytes = Math.max(largestBlockBytes, b.bytes);
  };
  if (tablePlan && merge) {
    const headerRow = existing?.headerRow ?? tablePlan.row;
    const firstColumn = existing?.firstColumn ?? tablePlan.column;
    for (const block of updateBlocks) {
      checkCancelled();
      suspend();
      const sheet = tableSheetProxy();
      for (const [c0, c1] of writeRuns) {
        const columns = allColumns.slice(c0, c1 + 1);
        const matrix: OfficeCellInput[][] = [];
        for (let i = block.start; i < block.end; i += 1) {
          const row = mergedRows[i];
          if (row) matrix.push(rowInputs(row, columns));
        }
        sheet.getRangeByIndexes(headerRow + 1 + block.start, firstColumn + c0, block.end - block.start, c1 - c0 + 1).values = matrix;
      }
      noteBlock(block);
      await sync({ start: block.start, end: block.end, total: mergedRows.length });
      rowsUpdated += block.end - block.start;
    }
    const formulaOf = (m: number): string => {
      const p = merge?.planColumn[m];
      const formula = p === null || p === undefined ? null : tablePlan.columns[p]?.formula;
      if (!formula) throw new RangeError(`Computed column "${headers[m]}" has no formula in the plan.`);
      return formula;
    };
    const appendOrCreate = appendBlocks.length > 0 ? appendBlocks : !existing ? [{ start: 0, end: 0, bytes: 0 }] : [];
    for (const block of appendOrCreate) {
      checkCancelled();
      suspend();
      const matrix: OfficeCellInput[][] = [];
      for (let i = block.start; i < block.end; i += 1) {
        const row = mergedRows[i];
        if (row) matrix.push(rowInputs(row, allColumns));
      }
      const sheet = tableSheetProxy();
      const bodyTop = headerRow + 1 + block.start;
      if (!tableProxy) {
        // First block of a new table: header and rows as plain cells, then the table over them, in one sync.
        sheet.getRangeByIndexes(headerRow, firstColumn, 1, headers.length).values = [headers.map((h) => officeTextHeader(h))];
        if (matrix.length > 0) sheet.getRangeByIndexes(bodyTop, firstColumn, matrix.length, headers.length).values = matrix;
        const lastRow = headerRow + Math.max(1, matrix.length);
        const address = `${columnLetter(firstColumn)}${headerRow + 1}:${columnLetter(firstColumn + headers.length - 1)}${lastRow + 1}`;
        queuePendingTableMarker(workbook, pendingMarker, pendingTableFormula(sheetName, headerRow, firstColumn));
        tableProxy = sheet.tables.add(address, true);
        tableProxy.name = tablePlan.name;
        workbook.names.getItem(PENDING_TABLE_NAME).delete();
        tableProxy.style = tablePlan.style;
        for (const m of computedColumns) writeComputed(tableProxy.columns.getItem(headers[m] ?? '').getDataBodyRange(), formulaOf(m), formatOf(m));
      } else {
        tableProxy.rows.add(undefined, matrix);
        for (const m of computedColumns) {
          writeComputed(sheet.getRangeByIndexes(bodyTop, firstColumn + m, matrix.length, 1), formulaOf(m), formatOf(m));
        }
      }
      noteBlock(block);
      try {
        await sync({ start: block.start, end: block.end, total: mergedRows.length });
      } catch (error) {
        throw await recountAfterFailedBlock(error, headerRow, firstColumn, block.end - block.start);
      }
      pendingMarker = false;
      tableExists = true;
      rowsAppended += block.end - block.start;
    }
  }
  // Issue 8 §2: this build's History group in blocks, then its date cell (the commit marker) alone (parts/history.ts).
  if (plan.history && history?.kind === 'write') {
    const historySheetName = plan.history.sheetName;
    historyWritten = await writeHistoryGroup({
      sheet: () => workbook.worksheets.getItem(historySheetName),
      plan: plan.history,
      placement: history.placement,
      created: history.created,
      budget: REQUEST_BUDGET_BYTES,
      maxRows,
      sync: () => sync(),
      beforeBatch: () => {
        checkCancelled();
        suspend();
      },
    });
  }
  finishStep('write');

  /* 6. format: sheet cells, widths, freeze, tab colours, formulas ---- */
  step = 'format';
  checkCancelled();
  suspend();
  // A sheet whose cells pass the request budget (the Quality sheet, issue 8 §1) goes in blocks, one sync each (parts/sheetBlocks.ts).
  for (const sheetPlan of plan.sheets) {
    await queueSheetFormatInBlocks(workbook.worksheets.getItem(sheetPlan.name), sheetPlan, REQUEST_BUDGET_BYTES, async () => {
      await sync();
      suspend();
    });
  }
  if (tablePlan && merge && tableProxy) {
    const table = tableProxy;
    const firstColumn = existing?.firstColumn ?? tablePlan.column;
    const sheet = tableSheetProxy();
    table.style = tablePlan.style;
    headers.forEach((_, m) => {
      const p = merge?.planColumn[m];
      const column = p === null || p === undefined ? undefined : tablePlan.columns[p];
      if (!column) return;
      sheet.getRangeByIndexes(0, firstColumn + m, 1, 1).format.columnWidth = widthToPoints(column.width);
      if (column.role === 'computed' && column.formula && mergedRows.length > 0) {
        // Re-assert the calculated column over the whole body (a rebuild may change formulas; cells the user overwrote come back).
        writeComputed(table.columns.getItem(headers[m] ?? '').getDataBodyRange(), column.formula, column.numberFormat);
      }
    });
  }
  await sync();
  formatsApplied = true;
  finishStep('format');

  /* 7. validate: validations, conditional formats, recalculation ------ */
  step = 'validate';
  checkCancelled();
  if (screenUpdating) workbook.application.suspendScreenUpdatingUntilNextSync();
  const targetRange = (target: PlanTarget): Excel.Range => {
    if (target.kind === 'range') return workbook.worksheets.getItem(sheetPlanOf(plan, target.sheet).name).getRange(target.address);
    return workbook.tables.getItem(target.table).columns.getItem(target.column).getDataBodyRange();
  };
  for (const v of plan.validations) queueValidation(targetRange(v.target), v);
  queueConditionalFormats(plan.conditionalFormats, targetRange);
  workbook.application.calculate('Full');
  await sync();
  validationsApplied = true;
  finishStep('validate');

  /* 8. charts (issue 6 §2, charts.ts): Tierwise's charts replaced, the user's kept; a constant 3 syncs (CHART_SYNCS) */
  checkCancelled();
  const charts = plan.charts.length > 0 ? await applyCharts(context, plan, { supports, sync: () => sync() }) : null;
  warnings.push(...(charts?.warnings ?? []));

  return {
    syncs,
    readBlocks,
    writeBlocks: updateBlocks.length + (tablePlan ? (appendBlocks.length > 0 ? appendBlocks.length : existing ? 0 : 1) : 0),
    largestBlockRows,
    largestBlockBytes,
    sheetsCreated,
    table: {
      name: tablePlan?.name ?? '',
      created: tablePlan !== undefined && (existing === null || recreatedTable !== null),
      updated: merge?.counts.updated ?? 0,
      appended: merge?.counts.appended ?? 0,
      notInSource: merge?.counts.notInSource ?? 0,
      notInSourceKeys: merge?.notInSourceKeys ?? [],
      unkeyed: merge?.counts.unkeyed ?? 0,
      addedColumns: existing ? (merge?.addedHeaders ?? []) : [],
      userColumns: merge?.userHeaders ?? [],
    },
    charts,
    history:
      history?.kind === 'write' && historyWritten
        ? { group: history.placement.group, replaced: history.placement.replaced, appendedIds: history.placement.appendedIds.length, blocks: historyWritten.blocks, largestBlockBytes: historyWritten.largestBlockBytes }
        : null,
    warnings,
  };
}

