/**
 * Part of the Office.js renderer (see ../applyPlan.ts): the Customers table —
 * cutting its rows into blocks, writing computed columns, and recognising the
 * table's area on a managed sheet.
 */
import type { TablePlan } from '../../../plan/types';
import { TEXT_NUMBER_FORMAT } from '../../../domain/safeText';
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
