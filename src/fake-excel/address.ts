/**
 * A1 addresses for the fake Excel: parsing `Sheet!$A$1:$B$2`, whole columns
 * (`A:C`) and whole rows (`2:5`), with Excel's limits.
 */
import { FakeExcelError } from './errors';

/** Excel's grid (Microsoft: "Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * 1,048,576 rows by 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** `Worksheet.getRange(address)`: "The `address` has a limit of 8192 characters. If the address exceeds the
 * character limit, this method returns an `InvalidArgument` error." (@types/office-js, Excel.Worksheet.getRange). */
export const MAX_ADDRESS_LENGTH = 8_192;

/** A rectangle of 0-based inclusive cell indexes. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export function columnIndexFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function lettersFromColumnIndex(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function rectAddress(rect: Rect): string {
  const a = `${lettersFromColumnIndex(rect.c0)}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${lettersFromColumnIndex(rect.c1)}${rect.r1 + 1}`;
}

/** `'My sheet'!A1:B2` quoting, as Excel returns `Range.address`. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${rectAddress(rect)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function invalid(address: string, why: string): FakeExcelError {
  return new FakeExcelError('InvalidArgument', `The address "${address.slice(0, 80)}" is not valid: ${why}.`);
}

function checkInGrid(address: string, rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) {
    throw invalid(address, `outside the ${MAX_ROWS}-row by ${MAX_COLUMNS}-column grid`);
  }
  return { r0: Math.min(rect.r0, rect.r1), c0: Math.min(rect.c0, rect.c1), r1: Math.max(rect.r0, rect.r1), c1: Math.max(rect.c0, rect.c1) };
}

/** Parses `A1`, `A1:B2`, `A:C`, `2:5`, optionally prefixed with `Sheet!` or `'Sheet name'!`. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw invalid(address, `longer than ${MAX_ADDRESS_LENGTH} characters (${address.length})`);
  }
  let text = address.trim();
  let sheet: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const rawSheet = text.slice(0, bang);
    sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    text = text.slice(bang + 1);
  }
  const parts = text.split(':');
  if (parts.length > 2 || parts.some((p) => p.length === 0)) throw invalid(address, 'expected A1 or A1:B2');
  const [first, second = first] = parts as [string, string?];
  const c1 = CELL.exec(first);
  const c2 = CELL.exec(second);
  if (c1 && c2) {
    return {
      sheet,
      rect: checkInGrid(address, {
        r0: Number(c1[2]) - 1,
        c0: columnIndexFromLetters(c1[1] ?? ''),
        r1: Number(c2[2]) - 1,
        c1: columnIndexFromLetters(c2[1] ?? ''),
      }),
    };
  }
  const k1 = COLUMN.exec(first);
  const k2 = COLUMN.exec(second);
  if (k1 && k2 && parts.length === 2) {
    return { sheet, rect: checkInGrid(address, { r0: 0, c0: columnIndexFromLetters(k1[1] ?? ''), r1: MAX_ROWS - 1, c1: columnIndexFromLetters(k2[1] ?? '') }) };
  }
  const w1 = ROW.exec(first);
  const w2 = ROW.exec(second);
  if (w1 && w2 && parts.length === 2) {
    return { sheet, rect: checkInGrid(address, { r0: Number(w1[1]) - 1, c0: 0, r1: Number(w2[1]) - 1, c1: MAX_COLUMNS - 1 }) };
  }
  throw invalid(address, 'expected A1 or A1:B2');
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function rectCells(rect: Rect): number {
  return rectRows(rect) * rectColumns(rect);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}
