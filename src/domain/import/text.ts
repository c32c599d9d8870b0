/**
 * Small text helpers shared by the import modules. All regular expressions
 * are compiled once here: the row loop runs up to millions of times.
 */
import type { RawCell } from '../types';
import { formatIsoDay, dayFromYmd } from '../dates';

/**
 * Characters NFKC may change: anything but ASCII and CJK unified ideographs
 * (U+4E00..U+9FFF), which are their own NFKC form and compose with nothing
 * in either set. So pure ASCII, pure Chinese and mixed text of the two skip
 * the normalisation (most cells of a Chinese customer archive).
 */
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: all of ASCII is NFKC-stable
const MAY_CHANGE_UNDER_NFKC = /[^\u0000-\u007F\u4E00-\u9FFF]/;

/** NFKC (full-width -> half-width, compatibility forms), skipped for text NFKC never changes (see above). */
export function nfkc(text: string): string {
  return MAY_CHANGE_UNDER_NFKC.test(text) ? text.normalize('NFKC') : text;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Issue values are shortened to this many characters. */
export const MAX_ISSUE_VALUE_CHARS = 80;

/** True for an empty cell: null, or text that is only whitespace (full-width space included). */
export function isBlankCell(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return cell.trim() === '';
  return false;
}

/** True when every cell of the row is blank. */
export function isBlankRow(row: readonly RawCell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/**
 * A JS Date as read from a file: exceljs and our own readers build dates at
 * UTC wall-clock time, so the UTC fields are the date the user sees.
 */
export function isoFromDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const day = formatIsoDay(dayFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  const hh = String(h).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  return s === 0 ? `${day} ${hh}:${mm}` : `${day} ${hh}:${mm}:${String(s).padStart(2, '0')}`;
}

/** A cell as the user would read it, for headers, issue values and text fields. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return isoFromDate(cell);
}

/** A number as plain digits: never an exponent, never a trailing `.0`. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) {
    // String(1e21) is "1e+21"; BigInt prints every digit the double holds.
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  // Tiny or huge fractions: toFixed keeps up to 20 decimals without an exponent.
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** Shortens a value for an Issue (at most 80 characters, an ellipsis marks the cut). */
export function shortValue(text: string): string {
  return text.length <= MAX_ISSUE_VALUE_CHARS ? text : `${text.slice(0, MAX_ISSUE_VALUE_CHARS - 1)}…`;
}

/** Spreadsheet column letters of a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
