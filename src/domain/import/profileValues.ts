/**
 * Readers of the profile cells a customer archive holds (GRADING.md §2):
 * phones, emails, satisfaction and marketing consent. Like values.ts, they
 * never "fix" data: a value reads unambiguously, or it is kept as typed with
 * a warning the caller reports. The most common shapes (a plain mobile, a
 * one-digit score, an exact consent word) take a fast path that the tests
 * prove gives what the general reader gives.
 */
import type { RawCell } from '../types';
import { isoFromDate, numberText } from './text';
import { EMPTY, NUMERIC_TEXT, cleanText, fail, ok, type Parsed } from './values';

// ---------------------------------------------------------------- phones and emails

const PHONE_EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i;
const PHONE_PUNCTUATION = /[\s\-().]/g;
const PHONE_CHARS = /^\+?\d+$/;
const CN_MOBILE = /^1[3-9]\d{9}$/;
const CN_LANDLINE = /^0\d{9,11}$/; // area code 0xx or 0xxx, then 7-8 digits
const CN_SERVICE = /^[48]00\d{7}$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/; // a landline without its area code

/**
 * A phone number. Mainland mobiles (`+86 138-0013-8000`, full-width digits)
 * normalise to 11 digits; international numbers to E.164 `+<digits>`;
 * landlines and 400/800 numbers are checked loosely and kept as typed.
 * Anything else is kept as typed with the warning 'invalid-phone'.
 */
export function parsePhone(cell: RawCell): Parsed<string> {
  // Most archives' phone cells are a plain mainland mobile, already its own normalised form: no cleaning, no regex.
  if (typeof cell === 'string' && isPlainMobile(cell)) return ok(cell);
  return parsePhoneInGeneral(cell);
}

/** `1[3-9]` and nine more ASCII digits, nothing else (what CN_MOBILE matches in a cell with no punctuation or spaces). */
function isPlainMobile(text: string): boolean {
  if (text.length !== 11 || text.charCodeAt(0) !== 49 /* 1 */) return false;
  const second = text.charCodeAt(1);
  if (second < 51 /* 3 */ || second > 57 /* 9 */) return false;
  for (let i = 2; i < 11; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** parsePhone without its fast path: exported for the test that proves the fast path answers the same. */
export function parsePhoneInGeneral(cell: RawCell): Parsed<string> {
  if (cell === null) return EMPTY;
  const typed = typeof cell === 'string' ? cell : typeof cell === 'number' ? numberText(cell) : null;
  if (typed === null) return fail('invalid-phone');
  const text = cleanText(typed);
  if (text === '') return EMPTY;
  const hasExtension = PHONE_EXTENSION.test(text);
  let digits = text.replace(PHONE_EXTENSION, '').replace(PHONE_PUNCTUATION, '');
  if (!PHONE_CHARS.test(digits)) return ok(typed, 'invalid-phone');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+86')) {
    const national = digits.slice(3);
    if (CN_MOBILE.test(national) && !hasExtension) return ok(national);
    if (CN_LANDLINE.test(national) || CN_LANDLINE.test(`0${national}`)) return ok(text);
    return ok(typed, 'invalid-phone');
  }
  if (digits.startsWith('+')) {
    return digits.length >= 9 && digits.length <= 16 && digits[1] !== '0' ? ok(hasExtension ? text : digits) : ok(typed, 'invalid-phone');
  }
  if (digits.startsWith('1')) return CN_MOBILE.test(digits) && !hasExtension ? ok(digits) : ok(typed, 'invalid-phone');
  if (CN_LANDLINE.test(digits) || CN_SERVICE.test(digits) || LOCAL_NUMBER.test(digits)) return ok(text);
  return ok(typed, 'invalid-phone');
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** An email address (basic shape check). Invalid ones are kept as typed with 'invalid-email'. */
export function parseEmail(cell: RawCell): Parsed<string> {
  if (cell === null) return EMPTY;
  if (typeof cell !== 'string') return ok(String(cell), 'invalid-email');
  const text = cell.trim();
  if (text === '') return EMPTY;
  return EMAIL.test(text) ? ok(text) : ok(cell, 'invalid-email');
}

// ---------------------------------------------------------------- satisfaction, consent

const SATISFACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['非常满意', 5], ['满意', 4], ['一般', 3], ['不满意', 2], ['非常不满意', 1],
  ['very satisfied', 5], ['satisfied', 4], ['neutral', 3], ['dissatisfied', 2], ['very dissatisfied', 1],
]);
const SATISFACTION_SUFFIX = /\s*(?:分|星|stars?|\/\s*5)$/i;

/** Satisfaction 1-5 (a whole number, `4分`, `4/5`, or 满意-style words). Out of range: kept as typed, 'invalid-value'. */
export function parseSatisfaction(cell: RawCell): Parsed<number | string> {
  // A single digit 1-5 (most cells): no cleaning, no word look-up, no regex; one shared result per score.
  if (typeof cell === 'string' && cell.length === 1) {
    const code = cell.charCodeAt(0);
    if (code >= 49 && code <= 53) return SATISFACTION_DIGITS[code - 49]!;
  }
  return parseSatisfactionInGeneral(cell);
}

/** The results of `1`..`5`, shared (results are read, never changed). */
const SATISFACTION_DIGITS: readonly Parsed<number>[] = [1, 2, 3, 4, 5].map((score) => Object.freeze(ok(score)));

/** parseSatisfaction without its fast path: exported for the test that proves the fast path answers the same. */
export function parseSatisfactionInGeneral(cell: RawCell): Parsed<number | string> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= 5 ? ok(cell) : ok(cell, 'invalid-value');
  if (typeof cell !== 'string') return ok(cellTextForKeep(cell), 'invalid-value');
  const text = cleanText(cell).toLowerCase();
  if (text === '') return EMPTY;
  const word = SATISFACTION_WORDS.get(text);
  if (word !== undefined) return ok(word);
  const stripped = text.replace(SATISFACTION_SUFFIX, '');
  const value = NUMERIC_TEXT.test(stripped) ? Number(stripped) : NaN;
  return Number.isInteger(value) && value >= 1 && value <= 5 ? ok(value) : ok(cell, 'invalid-value');
}

const CONSENT_YES = new Set(['yes', 'y', 'true', '1', '是', '同意', '已同意', '允许', '接受', '√', '✓', 'opt in', 'opted in']);
const CONSENT_NO = new Set(['no', 'n', 'false', '0', '否', '不同意', '未同意', '拒绝', '不允许', '不接受', '×', '✗', 'opt out', 'opted out']);

/** Marketing consent: yes/no/是/否/Y/N/true/false/同意/不同意. Others: kept as typed, 'invalid-value'. */
export function parseConsent(cell: RawCell): Parsed<boolean | string | number> {
  // A cell typed exactly as one of the words (是, 否, yes, ...): each word is its own cleaned, lower-case form,
  // so the answer is the words' without NFKC or lower-casing. One shared result for yes, one for no.
  if (typeof cell === 'string') {
    const exact = CONSENT_EXACT.get(cell);
    if (exact !== undefined) return exact;
  }
  return parseConsentInGeneral(cell);
}

const CONSENT_GIVEN: Parsed<boolean> = Object.freeze(ok(true));
const CONSENT_REFUSED: Parsed<boolean> = Object.freeze(ok(false));
/** Every consent word as typed -> its shared result (the test checks each word is its own cleanText-lower-case form). */
const CONSENT_EXACT: ReadonlyMap<string, Parsed<boolean>> = new Map([
  ...[...CONSENT_YES].map((word) => [word, CONSENT_GIVEN] as const),
  ...[...CONSENT_NO].map((word) => [word, CONSENT_REFUSED] as const),
]);

/** The consent words (lower case, cleaned): for the test of the fast path. */
export const CONSENT_WORDS: readonly string[] = [...CONSENT_YES, ...CONSENT_NO];

/** parseConsent without its fast path: exported for the test that proves the fast path answers the same. */
export function parseConsentInGeneral(cell: RawCell): Parsed<boolean | string | number> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : ok(cell, 'invalid-value');
  if (!(typeof cell === 'string')) return ok(cellTextForKeep(cell), 'invalid-value');
  const text = cleanText(cell).toLowerCase();
  if (text === '') return EMPTY;
  if (CONSENT_YES.has(text)) return ok(true);
  if (CONSENT_NO.has(text)) return ok(false);
  return ok(cell, 'invalid-value');
}

function cellTextForKeep(cell: Date | boolean): string {
  return typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : isoFromDate(cell);
}
