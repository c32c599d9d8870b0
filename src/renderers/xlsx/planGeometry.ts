/**
 * Where plan targets land on a sheet: shared by both .xlsx writers.
 */
import { rangeAddress } from '../../plan/a1';
import type { PlanTarget, SheetKey, SheetPlan, TablePlan, WorkbookPlan } from '../../plan/types';

export type XlsxWriteErrorCode = 'unknown-sheet' | 'unknown-table-column' | 'invalid-plan';

/** The plan cannot be written (a renderer-level misuse, not a data problem). */
export class XlsxWriteError extends Error {
  readonly code: XlsxWriteErrorCode;
  constructor(code: XlsxWriteErrorCode, message: string) {
    super(message);
    this.name = 'XlsxWriteError';
    this.code = code;
  }
}

/** Body rows written for a table: at least one (Excel has no header-only tables). */
export function bodyRowCount(table: TablePlan): number {
  return Math.max(1, table.rows.length);
}

/** A1 range of a whole table, header included. */
export function tableRange(table: TablePlan): string {
  return rangeAddress(table.row, table.column, table.row + bodyRowCount(table), table.column + table.columns.length - 1);
}

/** The A1 range of a plan target on its sheet. */
export function targetRange(plan: WorkbookPlan, target: PlanTarget): { sheet: SheetKey; address: string } {
  if (target.kind === 'range') return { sheet: target.sheet, address: target.address };
  const table = plan.tables.find((t) => t.name === target.table);
  if (!table) throw new XlsxWriteError('invalid-plan', `No table ${target.table}`);
  const index = table.columns.findIndex((c) => c.header === target.column);
  if (index < 0) throw new XlsxWriteError('unknown-table-column', `Table ${table.name} has no column "${target.column}"`);
  const column = table.column + index;
  return { sheet: table.sheet, address: rangeAddress(table.row + 1, column, table.row + bodyRowCount(table), column) };
}

/** Quoted sheet name for references: `'客户档案'`, with `'` doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The last row and column (0-based; -1 when empty) that a sheet's cells and
 * its tables reach, a table's header and body included. Loops, not
 * Math.max(...cells): a spread of a Quality sheet's million findings
 * overflowed the stack ("Maximum call stack size exceeded").
 */
export function usedExtent(cells: SheetPlan['cells'], tables: readonly TablePlan[]): { lastRow: number; lastColumn: number } {
  let lastRow = -1;
  let lastColumn = -1;
  for (const cell of cells) {
    if (cell.row > lastRow) lastRow = cell.row;
    if (cell.column > lastColumn) lastColumn = cell.column;
  }
  for (const table of tables) {
    const bottom = table.row + bodyRowCount(table);
    const right = table.column + table.columns.length - 1;
    if (bottom > lastRow) lastRow = bottom;
    if (right > lastColumn) lastColumn = right;
  }
  return { lastRow, lastColumn };
}

/**
 * How many rows the plan writes in all: per sheet, the last row its cells and
 * tables reach (a Quality sheet of a million findings has no table), summed,
 * plus the Grade history's customers. Chooses the .xlsx engine: exceljs's
 * object model holds every row in memory (about 20 KB of heap per wide row).
 */
export function planRowCount(plan: WorkbookPlan): number {
  let rows = 0;
  const sheetKeys = new Set<SheetKey>([...plan.sheets.map((sheet) => sheet.key), ...plan.tables.map((table) => table.sheet)]);
  for (const key of sheetKeys) {
    const cells = plan.sheets.find((sheet) => sheet.key === key)?.cells ?? [];
    rows += usedExtent(cells, plan.tables.filter((table) => table.sheet === key)).lastRow + 1;
  }
  // The Grade history sheet: one row per customer of either snapshot list (an upper bound).
  if (plan.history) rows += plan.history.earlier.ids.length + plan.history.current.ids.length;
  return rows;
}
