/**
 * .xlsx bytes -> one RawGrid per sheet, with exceljs. Cells become what the
 * user sees: rich text -> its plain text, hyperlinks -> their text, formulas
 * -> their cached result (or `=formula` text when none was saved), date-formatted numbers -> Date (exceljs builds
 * them at UTC wall-clock time), other numbers as stored. The covered cells
 * of a merged range are empty (Excel stores the value only in the top-left
 * cell), so a merged title is one cell, not a row of copies.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import type { Localized } from '../i18n/locale';
import type { RawCell, RawGrid } from '../domain/types';
import { isBlankRow } from '../domain/import/text';
import { installCalculatedColumnSupport } from '../renderers/xlsx/calculatedColumns';

export interface XlsxSheetGrid {
  readonly name: string;
  readonly grid: RawGrid;
}

export type XlsxReadErrorCode = 'xlsx-unreadable' | 'sheet-not-found' | 'no-sheets';

/** A workbook that cannot be read, or a sheet that is not there. */
export class XlsxReadError extends Error {
  constructor(
    readonly code: XlsxReadErrorCode,
    readonly userMessage: Localized,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage.en}`, options);
    this.name = 'XlsxReadError';
  }
}

/** The text of a rich-text value. */
function richTextOf(value: { richText: readonly { text: string }[] }): string {
  let out = '';
  for (const run of value.richText) out += run.text;
  return out;
}

/**
 * Converts one exceljs cell value to a raw cell. `sharedFormulaText` is the formula of a cell in a
 * shared-formula group that is not the group's first cell (exceljs's value then names only the first
 * cell's address): pass it so a formula without a cached value reads as its formula, not `=G2`.
 */
export function rawCellOf(value: CellValue, sharedFormulaText?: string): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return richTextOf(value);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    // exceljs gives a hyperlink's text as a string, or as rich text when the link text is formatted.
    if (typeof text === 'string') return text;
    if (text !== null && typeof text === 'object' && 'richText' in text) return richTextOf(text as { richText: { text: string }[] });
    return value.hyperlink;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // No cached result (a file written by a library that does not calculate): keep the formula as text so the
    // import reports it (formula-like text, or an unreadable number) instead of reading an empty cell.
    if (result === undefined || result === null) {
      const formula = 'sharedFormula' in value ? (value.formula ?? sharedFormulaText ?? value.sharedFormula) : value.formula;
      return formula ? `=${formula}` : null;
    }
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return result;
  }
  if ('error' in value) return value.error;
  return null;
}

function isSharedFormulaChild(value: CellValue): boolean {
  return value !== null && typeof value === 'object' && 'sharedFormula' in value && !value.formula;
}

/** A worksheet as a grid: rows from 1 to the last used row, each as wide as its last non-empty cell. */
export function sheetGrid(sheet: Worksheet): RawCell[][] {
  const grid: RawCell[][] = [];
  const rowCount = sheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: RawCell[] = [];
    if (row.cellCount > 0) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // Covered cells of a merge report the master's value; Excel stores nothing there.
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const raw = rawCellOf(value, isSharedFormulaChild(value) ? cell.formula : undefined);
        if (raw === null) return;
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = raw;
      });
    }
    grid.push(cells);
  }
  while (grid.length > 0 && isBlankRow(grid[grid.length - 1])) grid.pop();
  return grid;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // Unpatched exceljs 4.4 throws on any table with a calculated column, a
  // common thing in users' workbooks (and in Tierwise's own output).
  installCalculatedColumnSupport();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; JSZip underneath reads any Uint8Array, in Node and in the browser.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new XlsxReadError(
      'xlsx-unreadable',
      {
        en: 'This file could not be read as an Excel workbook (.xlsx). Open it in Excel, save it as .xlsx or CSV, and try again.',
        zh: '无法将此文件读取为 Excel 工作簿（.xlsx）。请在 Excel 中打开并另存为 .xlsx 或 CSV 后重试。',
      },
      { cause: error },
    );
  }
  return workbook;
}

/**
 * Every worksheet of an .xlsx file, in workbook order.
 * @throws XlsxReadError 'xlsx-unreadable' when the bytes are not a workbook exceljs can read
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<XlsxSheetGrid[]> {
  const workbook = await loadWorkbook(bytes);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, grid: sheetGrid(sheet) }));
}

export interface XlsxPick {
  readonly grid: RawGrid;
  readonly sheetName: string;
  readonly sheetNames: string[];
}

/**
 * One sheet: the named one (exact name, else case- and space-insensitive),
 * else the first sheet with any non-blank cell. Only that sheet is converted.
 * @throws XlsxReadError 'sheet-not-found' | 'no-sheets' | 'xlsx-unreadable'
 */
export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<XlsxPick> {
  const workbook = await loadWorkbook(bytes);
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  if (sheets.length === 0) {
    throw new XlsxReadError('no-sheets', { en: 'The workbook has no worksheets.', zh: '该工作簿中没有工作表。' });
  }
  if (sheet !== undefined) {
    const found = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
    if (!found) {
      throw new XlsxReadError('sheet-not-found', {
        en: `The workbook has no sheet named '${sheet}'. Sheets: ${sheetNames.join(', ')}.`,
        zh: `工作簿中没有名为「${sheet}」的工作表。现有工作表：${sheetNames.join('、')}。`,
      });
    }
    return { grid: sheetGrid(found), sheetName: found.name, sheetNames };
  }
  for (const candidate of sheets) {
    if (candidate.actualRowCount === 0) continue;
    const grid = sheetGrid(candidate);
    if (grid.length > 0) return { grid, sheetName: candidate.name, sheetNames };
  }
  return { grid: [], sheetName: sheets[0]!.name, sheetNames };
}
