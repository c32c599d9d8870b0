/**
 * Plan values as the Office.js renderer writes them through `Range.values`.
 *
 * Text is data, never code (DESIGN.md §6): Excel turns a string that starts
 * with `=`, `+` or `-` into a formula, and in a General cell turns numeric
 * text into a number (`00123` -> 123) and `TRUE` into a boolean. So a text
 * value is prefixed with an apostrophe — Excel's quote prefix, which Excel
 * keeps out of the value and the display — when it is formula-like
 * ({@link isFormulaLike}), when it itself starts with an apostrophe (else
 * Excel would eat it), or, in a column not formatted `@`, when Excel would
 * read it as a number, boolean, percentage or date. Numbers stay numbers.
 */
import { excelSerialFromDay } from '../../domain/dates';
import { isFormulaLike, TEXT_NUMBER_FORMAT } from '../../domain/safeText';
import type { PlanValue } from '../../plan/types';

/** Text Excel's General format would turn into something other than text (number, date, time, percentage, currency, boolean). */
export function wouldExcelConvertText(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^(true|false)$/i.test(t)) return true;
  return /^[\d.$¥€£(]/.test(t) || /%$/.test(t);
}

/** The string to send through `Range.values` so the cell holds exactly `text`, as text. */
export function officeTextInput(text: string, columnIsText: boolean): string {
  if (isFormulaLike(text) || text.startsWith("'")) return `'${text}`;
  if (!columnIsText && wouldExcelConvertText(text)) return `'${text}`;
  return text;
}

export type OfficeCellInput = string | number | boolean;

/** A plan value as a `Range.values` input; `''` clears the cell. */
export function officeCellInput(value: PlanValue, numberFormat: string): OfficeCellInput {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
      return value.text === '' ? '' : officeTextInput(value.text, numberFormat === TEXT_NUMBER_FORMAT);
    case 'number':
      return value.value;
    case 'date':
      return excelSerialFromDay(value.day);
    case 'bool':
      return value.value;
    case 'formula':
      return value.formula;
  }
}

/** Estimated JSON bytes of one value in a request (quotes, escapes, UTF-8), plus its comma. */
export function inputBytes(input: OfficeCellInput): number {
  if (typeof input !== 'string') return String(input).length + 1;
  let bytes = 3;
  for (let i = 0; i < input.length; i += 1) {
    const code = input.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
