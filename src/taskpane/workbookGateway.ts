/**
 * The pane's only door to the workbook. It reads (sheet names, the values of
 * a sheet or of the selection, whether Tierwise sheets exist) and hands a
 * request context to the renderer for writing. It is built on an `ExcelRun`:
 * `Excel.run` in Office, the fake workbook's `run` in the preview, so the
 * same code path runs in both.
 *
 * Reads are bounded: one sync to size the range, then one sync per block of
 * rows, each block small enough for Excel on the web's 5 MB response limit
 * and within Microsoft's 5k-20k-row guidance (DESIGN.md §4).
 */
import type { RawCell, RawGrid } from '../domain/types';
import { MANAGED_SHEETS_NAME, managedSheetsInRegistry } from '../renderers/excel/applyPlan';
import { columnLetter } from '../plan/a1';

/** `Excel.run`'s shape: runs a batch against a fresh request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Where the pane reads its data from. */
export type SourceRef =
  | { readonly kind: 'active' }
  | { readonly kind: 'sheet'; readonly name: string }
  | { readonly kind: 'selection' }
  /** A block of cells on a sheet (issue 11 §2): `address` is A1 without the sheet, checked by sourceRange.ts. */
  | { readonly kind: 'range'; readonly name: string; readonly address: string };

export interface WorkbookOverview {
  readonly sheetNames: readonly string[];
  readonly activeSheet: string;
  /** Sheets Tierwise manages: those listed in the renderer's hidden registry name (MANAGED_SHEETS_NAME), in workbook order. */
  readonly managedSheets: readonly string[];
}

/** Values read from the workbook, with where they came from. */
export interface SourceSnapshot {
  readonly source: SourceRef;
  readonly sheetName: string;
  /** A1 address of what was read, without the sheet name (`A1:N303`); empty when nothing was read. */
  readonly address: string;
  /** 1-based sheet row of `values[0]`; issue rows from the import are relative to it. */
  readonly firstRow: number;
  readonly values: RawGrid;
  /**
   * Set when the source was the selection but only one cell was selected
   * (users often click one cell inside their data): the address of that
   * cell (`C5`). The sheet's used range was read instead, from A1, and the
   * pane says so.
   */
  readonly selectedCell?: string;
}

export interface ReadProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
}

/** Thrown for misuse or an unreadable source; `code` is stable. */
export class GatewayError extends Error {
  readonly code: 'sheet-not-found' | 'too-many-cells' | 'range-too-small';
  constructor(code: GatewayError['code'], message: string) {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
  }
}

/**
 * Cells per read block. Values are about 10-40 bytes each in the JSON the
 * host returns, so 100,000 cells stay well under the 5 MB response limit.
 */
export const READ_BLOCK_CELLS = 100_000;
/** Microsoft's guidance: blocks of 5k-20k rows. */
export const READ_BLOCK_MAX_ROWS = 20_000;
/** Excel on the web fails reads over 5,000,000 cells; we refuse before asking. */
export const MAX_READ_CELLS = 5_000_000;

/** Whether `name` is one of the overview's managed sheets (registered by the renderer), case-insensitively as Excel compares sheet names. */
export function isManagedSheet(overview: Pick<WorkbookOverview, 'managedSheets'>, name: string): boolean {
  const lower = name.toLowerCase();
  return overview.managedSheets.some((managed) => managed.toLowerCase() === lower);
}

/** Rows per read block for a range `columnCount` wide. */
export function readBlockRows(columnCount: number): number {
  return Math.max(1, Math.min(READ_BLOCK_MAX_ROWS, Math.floor(READ_BLOCK_CELLS / Math.max(1, columnCount))));
}

function toRawCell(value: unknown): RawCell {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Excel returns only strings, numbers and booleans in `values`; anything
  // else would be a host change worth seeing rather than hiding.
  return String(value);
}

export interface WorkbookGateway {
  overview(): Promise<WorkbookOverview>;
  read(source: SourceRef, onProgress?: (progress: ReadProgress) => void): Promise<SourceSnapshot>;
  /** Activates a sheet and selects its first cell (Go to table). */
  showSheet(name: string): Promise<void>;
  /** Runs a writing batch (the renderer) against this gateway's host. */
  run: ExcelRun;
}

export function createWorkbookGateway(run: ExcelRun): WorkbookGateway {
  async function overview(): Promise<WorkbookOverview> {
    return run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      // The renderer's registry, not the sheet names, says which sheets are Tierwise's: a user's own sheet
      // called "Customers" is data to read, never a sheet to rebuild.
      const registry = context.workbook.names.getItemOrNullObject(MANAGED_SHEETS_NAME);
      registry.load('formula');
      await context.sync();
      const sheetNames = sheets.items.map((s) => s.name);
      const registered = new Set(registry.isNullObject ? [] : managedSheetsInRegistry(registry.formula).map((name) => name.toLowerCase()));
      return { sheetNames, activeSheet: active.name, managedSheets: sheetNames.filter((name) => registered.has(name.toLowerCase())) };
    });
  }

  async function read(source: SourceRef, onProgress?: (progress: ReadProgress) => void): Promise<SourceSnapshot> {
    return run(async (context) => {
      // Sync 1: which sheet, and how big the data is.
      let sheet: Excel.Worksheet;
      let area: Excel.Range;
      if (source.kind === 'selection') {
        area = context.workbook.getSelectedRange();
        sheet = area.worksheet;
      } else {
        if (source.kind === 'sheet' || source.kind === 'range') {
          const found = context.workbook.worksheets.getItemOrNullObject(source.name);
          found.load('name');
          await context.sync();
          if (found.isNullObject) throw new GatewayError('sheet-not-found', `No sheet named '${source.name}'`);
          sheet = found;
        } else {
          sheet = context.workbook.worksheets.getActiveWorksheet();
        }
        area = source.kind === 'range' ? sheet.getRange(source.address) : sheet.getUsedRangeOrNullObject(true);
      }
      sheet.load('name');
      area.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address']);
      await context.sync();
      // One selected cell is a click inside the data, not a choice of data:
      // read that sheet's used range instead (one more sync) and remember the cell.
      let selectedCell: string | undefined;
      if (source.kind === 'selection' && !area.isNullObject && area.rowCount === 1 && area.columnCount === 1) {
        selectedCell = addressOf(area.rowIndex, area.columnIndex, 1, 1);
        area = sheet.getUsedRangeOrNullObject(true);
        area.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address']);
        await context.sync();
      }
      const widened = selectedCell !== undefined ? { selectedCell } : {};
      if (area.isNullObject) {
        return { source, sheetName: sheet.name, address: '', firstRow: 1, values: [], ...widened };
      }
      // A sheet is read from row 1 and column A, so the rows the import
      // reports are the rows the user sees; a selection is read as selected.
      const asSelected = (source.kind === 'selection' && selectedCell === undefined) || source.kind === 'range';
      const top = asSelected ? area.rowIndex : 0;
      const left = asSelected ? area.columnIndex : 0;
      const rowCount = area.rowIndex + area.rowCount - top;
      const columnCount = area.columnIndex + area.columnCount - left;
      if (rowCount * columnCount > MAX_READ_CELLS) {
        throw new GatewayError('too-many-cells', `${rowCount} x ${columnCount} cells is more than Excel reads at once (${MAX_READ_CELLS})`);
      }
      const blockRows = readBlockRows(columnCount);
      const values: RawCell[][] = [];
      onProgress?.({ rowsRead: 0, totalRows: rowCount });
      // One sync per block: each response stays under the size limit.
      for (let start = 0; start < rowCount; start += blockRows) {
        const count = Math.min(blockRows, rowCount - start);
        const block = sheet.getRangeByIndexes(top + start, left, count, columnCount);
        block.load('values');
        await context.sync();
        for (const row of block.values) values.push(row.map(toRawCell));
        onProgress?.({ rowsRead: start + count, totalRows: rowCount });
      }
      const address = addressOf(top, left, rowCount, columnCount);
      // A typed range is a choice of data: it must hold a header row and at least one row under it.
      if (source.kind === 'range' && values.filter((row) => row.some((cell) => cell !== null)).length < 2) {
        throw new GatewayError('range-too-small', `${sheet.name}!${address} has fewer than two non-empty rows`);
      }
      return { source, sheetName: sheet.name, address, firstRow: top + 1, values, ...widened };
    });
  }

  async function showSheet(name: string): Promise<void> {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.activate();
      sheet.getRange('A1').select();
      await context.sync();
    });
  }

  return { overview, read, showSheet, run };
}


/** A1 address of a block given 0-based top-left and its size. */
export function addressOf(top: number, left: number, rows: number, columns: number): string {
  const from = `${columnLetter(left)}${top + 1}`;
  const to = `${columnLetter(left + columns - 1)}${top + rows}`;
  return from === to ? from : `${from}:${to}`;
}
