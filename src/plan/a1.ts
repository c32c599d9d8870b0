/**
 * A1 addresses and structured references, as the plan writes them.
 * Pure helpers shared by the plan builder and the renderers.
 */
import { columnLetters } from '../domain/import/text';

/** Excel's column letters of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 16_383) {
    throw new RangeError(`Column index out of Excel's range 0..16383: ${index}`);
  }
  return columnLetters(index);
}

/** A1 address of a 0-based cell; `absolute` adds `$` to both parts. */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

/** A1 address of a 0-based rectangle (inclusive corners). A single cell gives `B3`, not `B3:B3`. */
export function rangeAddress(row1: number, column1: number, row2: number, column2: number, absolute = false): string {
  const a = cellAddress(row1, column1, absolute);
  if (row1 === row2 && column1 === column2) return a;
  return `${a}:${cellAddress(row2, column2, absolute)}`;
}

/**
 * Characters that must be escaped with a `'` inside a structured-reference
 * column specifier (Microsoft: "Using structured references with Excel
 * tables": left and right bracket, pound sign, single quote; `@` is escaped
 * too because Excel otherwise reads `[@...` as the this-row marker).
 */
const STRUCTURED_ESCAPES = /['#[\]@]/g;

/** A column name escaped for use inside `[...]` of a structured reference. */
export function escapeStructuredColumn(header: string): string {
  return header.replace(STRUCTURED_ESCAPES, (c) => `'${c}`);
}

/** Reverses {@link escapeStructuredColumn}. */
export function unescapeStructuredColumn(escaped: string): string {
  return escaped.replace(/'(.)/gs, '$1');
}

/** This-row reference in the plan's (Excel UI) syntax: `[@[Recency (days)]]`. */
export function thisRowRef(header: string): string {
  return `[@[${escapeStructuredColumn(header)}]]`;
}

/** Whole-column reference in the plan's syntax: `Customers[[Recency (days)]]`. */
export function columnRef(table: string, header: string): string {
  return `${table}[[${escapeStructuredColumn(header)}]]`;
}
