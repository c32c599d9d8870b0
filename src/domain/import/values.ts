/**
 * Value parsers: one raw cell in, a value or an Issue code out. They never
 * "fix" data: a value either reads unambiguously or the caller reports it.
 * Every regular expression is compiled once at module load (the row loop
 * calls these up to millions of times).
 */
import type { DayNumber } from '../dates';
import type { IssueCode, RawCell } from '../types';
import { MAX_CELL_CHARS, isoFromDate, nfkc, numberText } from './text';

export type DayMonthOrder = 'dmy' | 'mdy';

/**
 * A parse result. `value` null means the cell was empty. A `warning` keeps
 * the value but must be reported; a failure (`ok: false`) means the value
 * could not be read.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T | null; readonly warning?: IssueCode }
  | { readonly ok: false; readonly code: IssueCode };

/** The result of an empty cell (shared by the readers here and in profileValues.ts). */
export const EMPTY: Parsed<never> = { ok: true, value: null };

export function ok<T>(value: T, warning?: IssueCode): Parsed<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function fail(code: IssueCode): Parsed<never> {
  return { ok: false, code };
}

/** Longest text checked for plain ASCII by a loop; longer text goes to nfkc's regular expression. */
const ASCII_LOOP_MAX_CHARS = 64;

/** True when every character of a short text is ASCII (NFKC leaves it as it is): a loop, cheaper than a regex call per cell. */
function isShortAscii(text: string): boolean {
  const length = text.length;
  if (length > ASCII_LOOP_MAX_CHARS) return false;
  for (let i = 0; i < length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Trimmed NFKC text of a string cell; '' when blank. */
export function cleanText(text: string): string {
  return (isShortAscii(text) ? text : nfkc(text)).trim();
}

// ---------------------------------------------------------------- IDs

/** `1.23457E+17`: Excel's display of a long number, saved into a CSV. The digits are gone. */
const SCIENTIFIC_ID = /^[+-]?\d(?:\.\d+)?e\+?\d+$/i;

/** False when `text` has no `e`/`E`, so SCIENTIFIC_ID cannot match (most IDs: no regex call). */
function mayBeScientific(text: string): boolean {
  return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
}

/**
 * IDs are text. Numbers become plain digits (no exponent, no `.0`); an
 * integer above 2^53 has already lost digits in the file and is flagged.
 * Text IDs are kept exactly, except surrounding whitespace.
 */
export function parseId(cell: RawCell): Parsed<string> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return EMPTY;
    return mayBeScientific(text) && SCIENTIFIC_ID.test(text) ? ok(text, 'id-precision-lost') : ok(text);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('invalid-value');
    const text = numberText(cell);
    return Number.isInteger(cell) && !Number.isSafeInteger(cell) ? ok(text, 'id-precision-lost') : ok(text);
  }
  if (typeof cell === 'boolean') return ok(cell ? 'TRUE' : 'FALSE');
  return ok(isoFromDate(cell));
}

// ---------------------------------------------------------------- dates

/** Excel's last valid 1900-system serial (9999-12-31). */
const MAX_EXCEL_SERIAL = 2_958_465;
/** Five-digit text serials only (1927-05-18 .. 2173-10-14): a bare `7` in a date column is not a date. */
const MIN_TEXT_SERIAL = 10_000;
const MAX_TEXT_SERIAL = 99_999;

/** An optional time of day after a date; dropped (the grading works in whole days). */
const TIME = String.raw`(?:[ T]+\d{1,2}(?::\d{1,2}(?::\d{1,2}(?:[.,]\d+)?)?|时(?:\d{1,2}分(?:\d{1,2}秒)?)?|点(?:\d{1,2}分?)?)\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const YMD_CJK = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, 'i');
const AB_YEAR = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`, 'i');
const D_MON_Y = new RegExp(String.raw`^(\d{1,2})[ -]([a-z]{3,9})\.?[ ,-]+(\d{4})${TIME}$`, 'i');
const MON_D_Y = new RegExp(String.raw`^([a-z]{3,9})\.?[ -](\d{1,2})(?:st|nd|rd|th)?,?[ -](\d{4})${TIME}$`, 'i');
const DIGITS8 = /^(\d{4})(\d{2})(\d{2})$/;
export const NUMERIC_TEXT = /^\d+(?:\.\d+)?$/;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10],
  ['nov', 11], ['dec', 12], ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, or null when it is
 * not a real date (years 1-9999). Pure arithmetic (Howard Hinnant's
 * days_from_civil): the same answers as `dayFromYmd` in dates.ts, without
 * allocating Date objects, which cost a microsecond each in the row loop.
 */
export function civilDay(year: number, month: number, day: number): DayNumber | null {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return null;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const limit = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > limit) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) as DayNumber;
}

function ymd(year: number, month: number, day: number): Parsed<DayNumber> {
  const value = civilDay(year, month, day);
  return value === null ? fail('invalid-date') : ok(value);
}

const TIME_TAIL = new RegExp(`^${TIME}$`, 'i');

/**
 * Reads 1 or 2 ASCII digits of `text` at `i` without allocating: -1 when
 * there is no digit; the value (0-9) for one digit; -(100 + value) for two.
 */
function digits12(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  if (!(a >= 0 && a <= 9)) return -1;
  const b = text.charCodeAt(i + 1) - 48;
  return b >= 0 && b <= 9 ? -(100 + a * 10 + b) : a; // negative below -99 marks two digits
}

/**
 * Fast path for `yyyy-m-d`, `yyyy/m/d`, `yyyy.m.d` with an optional time:
 * no regular expression for the date part. Returns undefined when the text
 * has another shape (the general parser then decides).
 */
function fastYmd(text: string): Parsed<DayNumber> | undefined {
  if (text.length < 8) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return undefined;
    year = year * 10 + c;
  }
  const sep = text[4];
  if (sep !== '-' && sep !== '/' && sep !== '.') return undefined;
  let i = 5;
  let read = digits12(text, i);
  if (read === -1) return undefined;
  const month = read < -99 ? -read - 100 : read;
  i += read < -99 ? 2 : 1;
  const sep2 = text[i];
  if (sep2 !== '-' && sep2 !== '/' && sep2 !== '.') return undefined;
  i++;
  read = digits12(text, i);
  if (read === -1) return undefined;
  const day = read < -99 ? -read - 100 : read;
  i += read < -99 ? 2 : 1;
  if (!isTimeTail(text, i)) return undefined;
  return ymd(year, month, day);
}

const SPACE = 32;
const COLON = 58;

/**
 * True when `text` from `from` on is empty or a time TIME accepts. The
 * common ` h:mm` and ` h:mm:ss` are checked by a loop (a subset of TIME);
 * any other tail goes to TIME_TAIL.
 */
function isTimeTail(text: string, from: number): boolean {
  const length = text.length;
  if (from >= length) return true;
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  let parts = 0;
  if (i > from) {
    for (; parts < 3; parts++) {
      if (parts > 0) {
        if (text.charCodeAt(i) !== COLON) break;
        i++;
      }
      const read = digits12(text, i);
      if (read === -1) {
        parts = 0; // a colon not followed by a digit: not the simple shape
        break;
      }
      i += read < -99 ? 2 : 1;
    }
  }
  if (parts >= 2 && i === length) return true;
  return TIME_TAIL.test(text.slice(from));
}

const HYPHEN = 45;
const DOT = 46;
const SLASH = 47;

function isDateSeparator(code: number): boolean {
  return code === HYPHEN || code === SLASH || code === DOT;
}

/** The parts of the last `a/b/yyyy` text fastAbYear read (module scratch: no array per cell). */
let abFirst = 0;
let abSecond = 0;
let abYear = 0;
/** The text fastAbYear last looked at, and whether it read it (the parts above are then its parts). */
let abText = '';
let abTextRead = false;
/**
 * The days of abText's two readings (day abFirst of month abSecond, and the
 * other way round; null when not a real date), worked out once per text by
 * fastAbDays; undefined until then.
 */
let abDmyDay: DayNumber | null | undefined;
let abMdyDay: DayNumber | null | undefined;
/** The raw cell whose clean text is abText (null when abText came from elsewhere). */
let abRaw: string | null = null;

/**
 * Fast path for AB_YEAR (`a/b/yyyy`, `a-b-yyyy`, `a.b.yyyy`, optional
 * time): true when `text` has that shape (parts in abFirst, abSecond,
 * abYear); false when it is unsure (AB_YEAR then decides).
 */
function fastAbYear(text: string): boolean {
  // The streamed read asks twice per cell (day/month evidence, then the day): the second time is answered from the first.
  if (text === abText) return abTextRead;
  abText = text;
  abTextRead = false;
  abRaw = null;
  abDmyDay = undefined;
  abMdyDay = undefined;
  let read = digits12(text, 0);
  if (read === -1) return false;
  const first = read < -99 ? -read - 100 : read;
  let i = read < -99 ? 2 : 1;
  if (!isDateSeparator(text.charCodeAt(i))) return false;
  i++;
  read = digits12(text, i);
  if (read === -1) return false;
  const second = read < -99 ? -read - 100 : read;
  i += read < -99 ? 2 : 1;
  if (!isDateSeparator(text.charCodeAt(i))) return false;
  i++;
  let year = 0;
  for (let end = i + 4; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return false;
    year = year * 10 + c;
  }
  if (!isTimeTail(text, i)) return false;
  abFirst = first;
  abSecond = second;
  abYear = year;
  abTextRead = true;
  return true;
}

/**
 * The clean text of a string cell, offered to fastAbYear (abTextRead then
 * says whether it read it). The streamed read asks twice per date cell (the
 * day/month evidence, then the day): the second time, the same cell is
 * answered without cleaning it again.
 */
function readCellAb(raw: string): string {
  if (raw === abRaw) return abText;
  const text = cleanText(raw);
  fastAbYear(text);
  abRaw = raw;
  return text;
}

/** Fills abDmyDay and abMdyDay for the text fastAbYear last read, once. */
function fastAbDays(): void {
  if (abDmyDay !== undefined) return;
  abDmyDay = civilDay(abYear, abSecond, abFirst);
  abMdyDay = civilDay(abYear, abFirst, abSecond);
}

/** dayOfAbYear for the text fastAbYear last read, from its two readings worked out once. */
function dayOfFastAb(order: DayMonthOrder | null): Parsed<DayNumber> {
  fastAbDays();
  const dmy = abDmyDay as DayNumber | null;
  const mdy = abMdyDay as DayNumber | null;
  if (dmy !== null && mdy !== null && abFirst !== abSecond) {
    if (order === null) return fail('ambiguous-date');
    return ok(order === 'dmy' ? dmy : mdy);
  }
  if (mdy !== null) return ok(mdy);
  if (dmy !== null) return ok(dmy);
  return fail('invalid-date');
}

/** The day of `a/b/year`: the order decides only when both readings are real dates. */
function dayOfAbYear(a: number, b: number, year: number, order: DayMonthOrder | null): Parsed<DayNumber> {
  const dmy = civilDay(year, b, a) !== null;
  const mdy = civilDay(year, a, b) !== null;
  if (dmy && mdy && a !== b) {
    if (order === null) return fail('ambiguous-date');
    return order === 'dmy' ? ymd(year, b, a) : ymd(year, a, b);
  }
  if (mdy) return ymd(year, a, b);
  if (dmy) return ymd(year, b, a);
  return fail('invalid-date');
}

/** An Excel 1900-system serial (fraction = time of day, dropped). Serial 60 is the fictitious 1900-02-29. */
export function parseExcelSerial(serial: number): Parsed<DayNumber> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return fail('invalid-date');
  const whole = Math.floor(serial);
  if (whole === 60) return fail('excel-serial-60');
  // Serials 1-59 are before Excel's phantom leap day: one day later than the arithmetic says.
  const day = (whole < 60 ? whole + 1 : whole) - 25_569;
  return ok(day as DayNumber);
}

/** How a `a/b/yyyy` date reads: both orders possible, only one, or the same either way. */
export type DayMonthReading = 'ambiguous' | 'dmy-only' | 'mdy-only' | 'same';

/** For `a/b/yyyy` text, which orders give a real date; null for any other form. */
export function dayMonthReading(cell: RawCell): DayMonthReading | null {
  if (typeof cell !== 'string') return null;
  const text = readCellAb(cell);
  if (abTextRead) {
    fastAbDays();
    const dmy = abDmyDay !== null;
    const mdy = abMdyDay !== null;
    if (dmy && mdy) return abFirst === abSecond ? 'same' : 'ambiguous';
    if (dmy) return 'dmy-only';
    if (mdy) return 'mdy-only';
    return null;
  }
  const m = AB_YEAR.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = Number(m[3]);
  const dmy = civilDay(year, b, a) !== null;
  const mdy = civilDay(year, a, b) !== null;
  if (dmy && mdy) return a === b ? 'same' : 'ambiguous';
  if (dmy) return 'dmy-only';
  if (mdy) return 'mdy-only';
  return null;
}

/**
 * A calendar day from a cell: ISO `2024-03-05`, `2024/3/5`, `2024-3-5 14:30`,
 * `2024年3月5日`, `20240305`, `5 Mar 2024`, `Mar 5, 2024`, a JS Date (UTC
 * fields, as file readers build them), an Excel serial (number, or 5-digit
 * text). `03/04/2024` needs `order`; `13/04/2024` reads either way.
 */
export function parseDay(cell: RawCell, order: DayMonthOrder | null = null): Parsed<DayNumber> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 10_000_101 && cell <= 99_991_231) {
      return ymd(Math.floor(cell / 10_000), Math.floor(cell / 100) % 100, cell % 100);
    }
    return parseExcelSerial(cell);
  }
  if (typeof cell === 'boolean') return fail('invalid-date');
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('invalid-date');
    return ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  // `a/b/yyyy` has a separator within its first 3 characters, fastYmd, YMD and YMD_CJK 4 digits: the fast path may go first.
  const text = readCellAb(cell);
  if (abTextRead) return dayOfFastAb(order);
  if (text === '') return EMPTY;
  const fast = fastYmd(text);
  if (fast !== undefined) return fast;
  let m = YMD.exec(text) ?? YMD_CJK.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = AB_YEAR.exec(text);
  if (m) return dayOfAbYear(Number(m[1]), Number(m[2]), Number(m[3]), order);
  m = D_MON_Y.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    return month === undefined ? fail('invalid-date') : ymd(Number(m[3]), month, Number(m[1]));
  }
  m = MON_D_Y.exec(text);
  if (m) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month === undefined ? fail('invalid-date') : ymd(Number(m[3]), month, Number(m[2]));
  }
  m = DIGITS8.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (NUMERIC_TEXT.test(text)) {
    const serial = Number(text);
    if (serial >= MIN_TEXT_SERIAL && serial < MAX_TEXT_SERIAL + 1) return parseExcelSerial(serial);
  }
  return fail('invalid-date');
}

// ---------------------------------------------------------------- numbers and amounts

const PAREN_NEGATIVE = /^\((.*)\)$/s;
const LEADING_SIGN = /^[-−+]/;
const CURRENCY_PREFIX = /^(?:rmb|cny|usd|us\$|hk\$|人民币|¥|\$|€|£)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|块|rmb|cny|usd|人民币)$/i;
const SCALE_SUFFIX = /\s*([万亿千])$/;
const COUNT_SUFFIX = /\s*[次单笔件个]$/;
const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const HAS_DIGIT = /\d/;

/** 10^0 .. 10^15, all exact doubles. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** Up to this many digits the digits, read as an integer, are an exact double (10^15 < 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of a plain ASCII decimal like `12`, `-120.50` (`-?\d+(?:\.\d+)?`, whole text), NaN for any other text;
 * the same double as Number(text), read in the one pass that checks the shape (Number would read
 * the text again: 2 numbers per order line, ~5% of a streamed log's time, 2026-12-06).
 *
 * Exact: with at most 15 digits, the digits as an integer m and 10^k (k fraction digits) are both
 * exact doubles, so m / 10^k rounds once, to the double nearest the decimal, which is what Number
 * gives (Clinger's fast path). Longer texts go to Number.
 */
export function simpleNumberValue(text: string): number {
  const length = text.length;
  const negative = text.charCodeAt(0) === HYPHEN;
  let i = negative ? 1 : 0;
  const wholeStart = i;
  let digits = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) break;
    digits = digits * 10 + digit;
  }
  if (i === wholeStart) return Number.NaN;
  let fractionDigits = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== DOT) return Number.NaN;
    const fractionStart = ++i;
    for (; i < length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (!(digit >= 0 && digit <= 9)) return Number.NaN;
      digits = digits * 10 + digit;
    }
    fractionDigits = i - fractionStart;
    if (fractionDigits === 0) return Number.NaN;
  }
  const digitCount = i - wholeStart - (fractionDigits > 0 ? 1 : 0);
  if (digitCount > EXACT_DIGITS) return Number(text);
  const value = fractionDigits === 0 ? digits : digits / (POWERS_OF_TEN[fractionDigits] as number);
  return negative ? -value : value;
}

const SCALE_DIGITS: Readonly<Record<string, number>> = { 千: 3, 万: 4, 亿: 8 };

/** Moves the decimal point of `digits` (like "1.2") right by `places`, in text, so 1.15万 is exactly 11500. */
function shiftDecimal(digits: string, places: number): string {
  if (places === 0) return digits;
  const dot = digits.indexOf('.');
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? '' : digits.slice(dot + 1);
  const padded = fraction.padEnd(places, '0');
  return `${whole}${padded.slice(0, places)}.${padded.slice(places) || '0'}`;
}

/**
 * A number written by a person: currency marks (`￥ ¥ $ 元 RMB`), thousands
 * separators, full-width digits, `万/亿/千` scale, `(1,234)` or `-1,234`
 * as negative. Returns null for text that is not such a number.
 */
export function readHumanNumber(raw: string, allowCountSuffix = false): number | null {
  // A plain decimal as typed (NFKC and trim would give `raw` itself), then as cleaned.
  const simple = simpleNumberValue(raw);
  if (!Number.isNaN(simple)) return simple;
  let text = cleanText(raw);
  const cleaned = simpleNumberValue(text);
  if (!Number.isNaN(cleaned)) return cleaned;
  let negative = false;
  const paren = PAREN_NEGATIVE.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  let scale = 0;
  let signSeen = false;
  // Marks may come in any order (`-¥120`, `¥-120`, `1.2万元`): strip until nothing changes.
  for (let pass = 0; pass < 6; pass++) {
    const before = text;
    const sign = LEADING_SIGN.exec(text);
    if (sign && !signSeen) {
      signSeen = true;
      if (sign[0] !== '+') negative = !negative;
      text = text.slice(1).trim();
    }
    text = text.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
    if (allowCountSuffix) text = text.replace(COUNT_SUFFIX, '');
    const scaleMatch = SCALE_SUFFIX.exec(text);
    if (scaleMatch && scale === 0) {
      scale = SCALE_DIGITS[scaleMatch[1]!] ?? 0;
      text = text.slice(0, scaleMatch.index);
    }
    if (text === before) break;
  }
  if (!HAS_DIGIT.test(text) || !PLAIN_NUMBER.test(text)) return null;
  const value = Number(shiftDecimal(text.replace(/,/g, ''), scale));
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** A money amount; may be negative (refunds). Full precision is kept: rounding to cents happens at aggregation. */
export function parseAmount(cell: RawCell): Parsed<number> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('invalid-amount');
  if (typeof cell !== 'string') return fail('invalid-amount');
  if (cell.trim() === '') return EMPTY;
  const value = readHumanNumber(cell);
  return value === null ? fail('invalid-amount') : ok(value);
}

/** Any number (quantity, unit price): negatives and fractions allowed. */
export function parseNumber(cell: RawCell): Parsed<number> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('invalid-number');
  if (typeof cell !== 'string') return fail('invalid-number');
  if (cell.trim() === '') return EMPTY;
  const value = readHumanNumber(cell);
  return value === null ? fail('invalid-number') : ok(value);
}

/** A count of orders: a whole number >= 0 (`12`, `1,234`, `12次`). */
export function parseCount(cell: RawCell): Parsed<number> {
  let value: number | null;
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') value = Number.isFinite(cell) ? cell : null;
  else if (typeof cell === 'string') {
    if (cell.trim() === '') return EMPTY;
    value = readHumanNumber(cell, true);
  } else value = null;
  if (value === null) return fail('invalid-number');
  if (value < 0) return fail('negative-count');
  if (!Number.isInteger(value)) return fail('non-integer-count');
  return ok(value);
}

// ---------------------------------------------------------------- free text

/** Characters that make a spreadsheet read text as a formula (after NFKC: `＝` is `=`). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);
/** A signed plain number like `-120.5` is a number, not a formula, and is not flagged. */
const SIGNED_NUMBER = /^[+-]\d+(?:\.\d+)?$/;

/** True when the text's NFKC form starts with `= + - @` TAB CR or LF (DESIGN.md §6), numbers excepted. */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  // A CJK unified ideograph (U+4E00..U+9FFF) is its own NFKC form and composes with nothing: not a formula start.
  // Skipping NFKC there keeps Chinese names and regions cheap (most cells of an archive).
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  if (code < 128) {
    // FORMULA_START's ASCII members by code: no one-character string and Set look-up per cell (IDs of every order line).
    if (!isAsciiFormulaStart(code)) return false;
    return !(code === MINUS_CODE || code === PLUS_CODE) || !SIGNED_NUMBER.test(text.length > 40 ? '' : text.trim());
  }
  const first = text.slice(0, 2).normalize('NFKC')[0] ?? '';
  if (!FORMULA_START.has(first)) return false;
  return !(first === '-' || first === '+') || !SIGNED_NUMBER.test(text.length > 40 ? '' : text.trim());
}

const MINUS_CODE = 45;
const PLUS_CODE = 43;

/** FORMULA_START.has(String.fromCharCode(code)) for an ASCII code. */
function isAsciiFormulaStart(code: number): boolean {
  return code === 61 || code === PLUS_CODE || code === MINUS_CODE || code === 64 || code === 9 || code === 13 || code === 10;
}

/**
 * Free text (names, notes, carried columns): kept exactly as typed. Flags
 * formula-like text, and text over Excel's 32,767 characters per cell (only
 * the first 32,767 are kept). When both apply, 'text-too-long' is returned
 * and `isFormulaLike` tells the caller about the other.
 */
/**
 * MAX_CELL_CHARS read once: the command line runs through a CommonJS
 * transpile that reads an imported binding through a getter at every use
 * (0.6 s of a 5M-line log's profile, one call per carried cell).
 */
const CELL_CHARS_LIMIT = MAX_CELL_CHARS;

export function parseText(text: string): Parsed<string> {
  if (text.length > CELL_CHARS_LIMIT) return ok(text.slice(0, CELL_CHARS_LIMIT), 'text-too-long');
  return isFormulaLike(text) ? ok(text, 'formula-like-text') : ok(text);
}
