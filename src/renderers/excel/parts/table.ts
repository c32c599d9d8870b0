/**
 * Part of the Office.js renderer (see ../applyPlan.ts): the Customers table —
 * cutting its rows into blocks, writing computed columns, and recognising the
 * table's area on a managed sheet.
 */
import type { TablePlan } from '../../../plan/types';
import { TEXT_NUMBER_FORMAT } from '../../../domain/safeText';
import { columnLetter } from '../../../plan/a1';
import { inputBytes, officeCellInput } from '../cellValues';

/** Rows in a worksheet. */
export const SHEET_ROWS = 1_048_576;

/**
 * Sets one value on every cell of a range. Excel documents this broadcast
 * for `values`, `formulas` and `numberFormat` ("If the argument is a single
 * value, it will be applied to all cells in the range",
 * OfficeDev/office-js-docs-reference#578; OfficeDev/office-js-docs-pr#2013
 * confirms it works) but @types/office-js types only the 2D form, hence this
 * one cast. It keeps a whole-column format or formula to a few bytes.
 */
export function setUniform(range: Excel.Range, property: 'formulas' | 'numberFormat', value: string): void {
  (range as unknown as Record<'formulas' | 'numberFormat', unknown>)[property] = value;
}

/**
 * Writes a computed column's formula into `range`. A formula entered into a
 * cell formatted as text (`@`) is stored as text, not run, so the cells are
 * set to General first, and the column's own format (possibly `@` for a text
 * result) is applied after the formula.
 */
export function writeComputed(range: Excel.Range, formula: string, numberFormat: string): void {
  setUniform(range, 'numberFormat', 'General');
  setUniform(range, 'formulas', formula);
  if (numberFormat !== 'General') setUniform(range, 'numberFormat', numberFormat);
}

export interface Block {
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
}

/** Cuts rows into blocks of at most `maxRows` rows and `budget` estimated bytes (a single huge row still gets its own block). */
export function cutBlocks(rowCount: number, rowBytes: (row: number) => number, maxRows: number, budget: number): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < rowCount; row += 1) {
    const b = rowBytes(row);
    if (row > start && (row - start >= maxRows || bytes + b > budget)) {
      blocks.push({ start, end: row, bytes });
      start = row;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowCount > start) blocks.push({ start, end: rowCount, bytes });
  return blocks;
}

/** Maximal runs of adjacent indexes: [1,2,3,5] -> [[1,3],[5,5]]. */
export function runsOf(indexes: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

export interface ExistingTableInfo {
  readonly headers: string[];
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly bodyRows: number;
}

/**
 * Whether the bounding box of a sheet's used cells meets the table's area
 * (its columns, from its header row down). Exact for a table at row 0 (the
 * plan's): any used cell in those columns is in the area. For a table lower
 * down, cells above it can make the box meet the area; that errs on the side
 * of refusing, never of clearing the user's data.
 */
export function usedBoundsMeetTableArea(used: Excel.Range, table: TablePlan): boolean {
  const lastRow = used.rowIndex + used.rowCount - 1;
  const lastColumn = used.columnIndex + used.columnCount - 1;
  return lastRow >= table.row && used.columnIndex <= table.column + table.columns.length - 1 && lastColumn >= table.column;
}

/** A header as a cell input: Excel would turn `=x` or `123` into a formula or number. */
export function officeTextHeader(header: string): string {
  return officeCellInput({ kind: 'text', text: header }, TEXT_NUMBER_FORMAT) as string;
}

export function estimatePlannedRowBytes(table: TablePlan): number {
  const sample = table.rows.slice(0, 200);
  let total = 0;
  for (const row of sample) {
    row.forEach((v, i) => {
      const column = table.columns[i];
      if (column && column.role !== 'computed') total += inputBytes(officeCellInput(v, column.numberFormat));
    });
  }
  return Math.ceil(total / Math.max(1, sample.length)) + 2;
}

/**
 * Hidden workbook name Tierwise sets, in the same batch and just before
 * `tables.add`, to the top-left cell of the table it is creating; deleted in
 * that batch right after the table is named. Office.js cannot add and name a
 * table in one operation (`TableCollection.add(address, hasHeaders)` takes no
 * name), so a build stopped between the two leaves a table under Excel's
 * default name ("Table1"); this marker is how the next build tells that table,
 * which is Tierwise's, from one the user renamed, which it must not take.
 */
export const PENDING_TABLE_NAME = 'Tierwise_PendingTable';

/** The marker's formula for a table whose header row starts at (row, column) of `sheetName` (0-based): `='Customers'!$A$1`. */
export function pendingTableFormula(sheetName: string, row: number, column: number): string {
  return `='${sheetName.replace(/'/g, "''")}'!$${columnLetter(column)}$${row + 1}`;
}

/** Queues the marker (see {@link PENDING_TABLE_NAME}): its formula updated when it exists (a stopped build left it), else added hidden. */
export function queuePendingTableMarker(workbook: Excel.Workbook, exists: boolean, formula: string): void {
  if (exists) {
    workbook.names.getItem(PENDING_TABLE_NAME).formula = formula;
  } else {
    const item = workbook.names.add(PENDING_TABLE_NAME, formula, 'Tierwise is creating a table here; deleted once it is named.');
    item.visible = false;
  }
}

/** A table of a sheet as {@link tablesOnSheet} reads it (0-based rows and columns). */
export interface SheetTable {
  readonly table: Excel.Table;
  readonly name: string;
  readonly headers: string[];
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly bodyRows: number;
}

/**
 * The tables of `sheet`, whatever their names: lists them
 * (`worksheet.tables`, ExcelApi 1.1) in one sync and, when there are any,
 * reads their header rows, extents and body sizes in a second.
 */
export async function tablesOnSheet(sheet: Excel.Worksheet, sync: () => Promise<void>): Promise<SheetTable[]> {
  const tables = sheet.tables.load('items/name');
  await sync();
  if (tables.items.length === 0) return [];
  const probes = tables.items.map((table) => ({
    table,
    name: table.name,
    header: table.getHeaderRowRange().load(['values', 'rowIndex', 'columnIndex']),
    whole: table.getRange().load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']),
    body: table.getDataBodyRange().load('rowCount'),
  }));
  await sync();
  return probes.map((p) => ({
    table: p.table,
    name: p.name,
    headers: (p.header.values[0] ?? []).map((h) => String(h)),
    headerRow: p.header.rowIndex,
    firstColumn: p.header.columnIndex,
    lastRow: p.whole.rowIndex + p.whole.rowCount - 1,
    lastColumn: p.whole.columnIndex + p.whole.columnCount - 1,
    bodyRows: p.body.rowCount,
  }));
}

/** Whether a sheet table meets the plan table's area (its columns, from its header row down). */
export function tableMeetsArea(t: SheetTable, table: TablePlan): boolean {
  return t.lastRow >= table.row && t.firstColumn <= table.column + table.columns.length - 1 && t.lastColumn >= table.column;
}
