/**
 * Plain-data views of the fake workbook for the browser preview, which draws
 * a sheet as a grid: no Office, no DOM, no Node here.
 */
import { lettersFromColumnIndex } from './address';
import type { CellScalar, FakeSheet, FakeWorkbookModel } from './model';

export interface GridCell {
  /** What the preview shows: the value, or the formula itself (the fake computes no formula). */
  readonly display: string;
  readonly isFormula: boolean;
  readonly numberFormat: string;
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface SheetGrid {
  readonly name: string;
  /** Column letters, A.. */
  readonly columns: readonly string[];
  /** Widths in points, per shown column. */
  readonly widths: readonly (number | null)[];
  readonly rows: readonly (readonly GridCell[])[];
  /** Rows and columns the sheet uses beyond what is shown. */
  readonly hiddenRows: number;
  readonly hiddenColumns: number;
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly tabColor: string;
}

/** The top-left `maxRows` x `maxColumns` of a sheet's used range. */
export function sheetGrid(sheet: FakeSheet, maxRows = 200, maxColumns = 30): SheetGrid {
  const { lastRow, lastColumn } = sheet.usedExtent();
  const rowCount = Math.min(lastRow + 1, maxRows);
  const columnCount = Math.min(lastColumn + 1, maxColumns);
  const rows: GridCell[][] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row: GridCell[] = [];
    for (let c = 0; c < columnCount; c += 1) {
      const format = sheet.cellFormat(r, c);
      const isFormula = sheet.isFormula(r, c);
      row.push({
        display: isFormula ? String(sheet.formula(r, c)) : sheet.text(r, c),
        isFormula,
        numberFormat: sheet.numberFormat(r, c),
        fill: format.fill ?? null,
        fontColor: format.fontColor ?? null,
        bold: format.bold ?? false,
        italic: format.italic ?? false,
      });
    }
    rows.push(row);
  }
  return {
    name: sheet.name,
    columns: Array.from({ length: columnCount }, (_, c) => lettersFromColumnIndex(c)),
    widths: Array.from({ length: columnCount }, (_, c) => sheet.columnWidths.get(c) ?? null),
    rows,
    hiddenRows: Math.max(0, lastRow + 1 - rowCount),
    hiddenColumns: Math.max(0, lastColumn + 1 - columnCount),
    freeze: sheet.freeze,
    tabColor: sheet.tabColor,
  };
}

/** Adds a sheet holding `rows` as constants (sample data for the preview, fixtures for tests). */
export function addSheetWithValues(model: FakeWorkbookModel, name: string, rows: readonly (readonly (CellScalar | null)[])[]): FakeSheet {
  const sheet = model.addSheet(name);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') sheet.setConstant(r, c, value);
    }),
  );
  return sheet;
}
