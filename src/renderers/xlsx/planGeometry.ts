/**
 * Where plan targets land on a sheet: shared by both .xlsx writers.
 */
import { rangeAddress } from '../../plan/a1';
import type { PlanTarget, SheetKey, TablePlan, WorkbookPlan } from '../../plan/types';

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
 * How many rows the plan writes in all: every table's body and every sheet's
 * cells (a Quality sheet of a million findings has no table), the larger of
 * the two per sheet summed, plus the Grade history's customers. Chooses the .xlsx engine: exceljs's object model
 * holds every row in memory (about 20 KB of heap per wide row).
 */
export function planRowCount(plan: WorkbookPlan): number {
  const lastRowBySheet = new Map<SheetKey, number>();
  const stretch = (sheet: SheetKey, lastRow: number): void => {
    const known = lastRowBySheet.get(sheet);
    if (known === undefined || lastRow > known) lastRowBySheet.set(sheet, lastRow);
  };
  for (const table of plan.tables) stretch(table.sheet, table.row + bodyRowCount(table));
  for (const sheet of plan.sheets) {
    // A loop, not Math.max(...cells): a spread of a million arguments overflows the stack.
    let last = -1;
    for (const cell of sheet.cells) if (cell.row > last) last = cell.row;
    if (last >= 0) stretch(sheet.key, last);
  }
  let rows = 0;
  for (const last of lastRowBySheet.values()) rows += last + 1;
  // The Grade history sheet: one row per customer of either snapshot list (an upper bound).
  if (plan.history) rows += plan.history.earlier.ids.length + plan.history.current.ids.length;
  return rows;
}
