/**
 * Chinese identifiers: mobiles and landlines, the resident identity number
 * (GB 11643-1999) and the Unified Social Credit Code (GB 32100-2015). Each
 * function takes text as typed and tolerates full-width digits and letters
 * (NFKC) and surrounding spaces; phones also tolerate `+86`/`0086`, spaces,
 * dashes, dots and brackets. Regular expressions are compiled once.
 */
import { civilDay } from '../import/values';
import { nfkc } from '../import/text';
import type { DayNumber } from '../dates';

/** NFKC (full-width to half-width), trimmed. */
export function normaliseText(text: string): string {
  return nfkc(text).trim();
}

// ---------------------------------------------------------------- phones

const PHONE_SEPARATORS = /[\s\-().]/g;
const PHONE_EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i;
const MOBILE = /^1[3-9]\d{9}$/;
/** 010 and 020-029: a three-digit area code, then an 8-digit number not starting with 0 or 1. */
const LANDLINE_SHORT_AREA = /^0(?:10|2\d)[2-9]\d{7}$/;
/** 03xx-09xx: a four-digit area code, then a 7- or 8-digit number not starting with 0 or 1. */
const LANDLINE_LONG_AREA = /^0[3-9]\d{2}[2-9]\d{6,7}$/;
/** 400 and 800 service numbers. */
const SERVICE = /^[48]00\d{7}$/;
const DIGITS = /^\d+$/;

export type PhoneKind = 'mobile' | 'landline' | 'foreign';

export type PhoneReading =
  | { readonly valid: true; readonly kind: PhoneKind; /** Digits only (foreign: `+` and digits), the key duplicates are found by. */ readonly key: string }
  | { readonly valid: false; readonly kind: 'mobile' | 'landline' };

/**
 * Reads a phone as typed. A number that starts with 1 (after +86) or has 11
 * digits is judged as a mobile, any other mainland number as a landline; a
 * number with another country code is accepted (it is not a Chinese number
 * to judge). Null for blank text.
 */
export function readPhone(typed: string): PhoneReading | null {
  // Most phones are ASCII digits with spaces, dashes, brackets, dots or a `+`: no NFKC, no extension
  // (it needs 转, 分机, ext or x), so the separators come out in one pass over the codes.
  const plain = plainPhoneDigits(typed);
  let hasExtension = false;
  let digits: string;
  if (plain !== null) {
    if (plain === '') return null;
    digits = plain;
  } else {
    const text = normaliseText(typed);
    if (text === '') return null;
    hasExtension = PHONE_EXTENSION.test(text);
    digits = text.replace(PHONE_EXTENSION, '').replace(PHONE_SEPARATORS, '');
  }
  if (digits.startsWith('0086')) digits = `+86${digits.slice(4)}`;
  let afterCountryCode = false;
  if (digits.startsWith('+86')) {
    digits = digits.slice(3);
    afterCountryCode = true;
  } else if (digits.startsWith('+') || digits.startsWith('00')) {
    const international = digits.startsWith('+') ? digits.slice(1) : digits.slice(2);
    return DIGITS.test(international) && international.length >= 8 && international.length <= 15 && international[0] !== '0'
      ? { valid: true, kind: 'foreign', key: `+${international}` }
      : { valid: false, kind: 'landline' };
  }
  if (!DIGITS.test(digits)) return { valid: false, kind: digits.startsWith('1') ? 'mobile' : 'landline' };
  // After +86 a landline drops its trunk 0: `+86 10 ...` is Beijing's 010, not a mobile.
  const beijingAfterCode = afterCountryCode && digits.startsWith('10');
  if (!beijingAfterCode && (digits.startsWith('1') || (digits.length === 11 && !digits.startsWith('0')))) {
    return MOBILE.test(digits) && !hasExtension ? { valid: true, kind: 'mobile', key: digits } : { valid: false, kind: 'mobile' };
  }
  // A landline typed after +86 drops its trunk 0 (`+86 10 6552 9988`).
  const national = digits.startsWith('0') || SERVICE.test(digits) ? digits : `0${digits}`;
  if (LANDLINE_SHORT_AREA.test(national) || LANDLINE_LONG_AREA.test(national) || SERVICE.test(national)) {
    return { valid: true, kind: 'landline', key: national };
  }
  return { valid: false, kind: 'landline' };
}

/**
 * The phone without separators when it is typed only with ASCII digits, `+`, spaces, `-`, `(`, `)` and
 * `.` (what the regular-expression path gives for such text); null for anything else.
 */
function plainPhoneDigits(typed: string): string | null {
  let separators = 0;
  for (let i = 0; i < typed.length; i++) {
    const code = typed.charCodeAt(i);
    if ((code >= 48 && code <= 57) || code === 43) continue;
    if (code === 32 || code === 45 || code === 40 || code === 41 || code === 46) separators++;
    else return null;
  }
  return separators === 0 ? typed : typed.replace(PLAIN_SEPARATORS, '');
}
const PLAIN_SEPARATORS = /[ \-().]/g;

// ---------------------------------------------------------------- resident ID (GB 11643-1999)

const RESIDENT_18 = /^\d{17}[\dX]$/;
const RESIDENT_15 = /^\d{15}$/;
const SEVENTEEN_DIGITS = /^\d{17}/;
const LETTER = /[A-Z]/;
export const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const RESIDENT_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * RESIDENT_WEIGHTS[i]!;
  return RESIDENT_CHECK[sum % 11]!;
}

// ---------------------------------------------------------------- USCC (GB 32100-2015)

/** The code's 31 characters (no I, O, Z, S, V), in value order. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** A character's value in the USCC alphabet by its code (-1: not in it), so the checksum reads codes, not strings. */
export const USCC_VALUE = new Int8Array(128).fill(-1);
for (let v = 0; v < USCC_ALPHABET.length; v++) USCC_VALUE[USCC_ALPHABET.charCodeAt(v)] = v;

/** The GB 32100 check character of the first 17 characters (MOD 31). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = first17.charCodeAt(i);
    // A character outside the alphabet counts -1, as indexOf gave before (callers check the shape first).
    sum += (code < 128 ? USCC_VALUE[code]! : -1) * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

// ---------------------------------------------------------------- the ID number field

export type IdNumberReading =
  | { readonly kind: 'resident-id'; readonly valid: true; readonly key: string }
  | { readonly kind: 'uscc'; readonly valid: true; readonly key: string }
  | { readonly kind: 'resident-id'; readonly valid: false; readonly problem: 'checksum' | 'birth-date' | 'shape' }
  | { readonly kind: 'uscc'; readonly valid: false; readonly problem: 'checksum' | 'shape' };

/**
 * Reads the ID number field (issue 7: a resident ID or a USCC, both 18
 * characters). Digits-only with a real birth date in characters 7-14 reads
 * as a resident ID; a code with letters other than a final X reads as a
 * USCC; both are then checked. `today` bounds the birth date. Null for blank.
 */
const ID_SEPARATORS = /[\s-]/g;

/** True when the text is only ASCII digits and capital letters: NFKC, upper-casing and taking out separators change nothing. */
function isPlainId(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return true;
}

export function readIdNumber(typed: string, today: DayNumber): IdNumberReading | null {
  const text = isPlainId(typed) ? typed : normaliseText(typed).toUpperCase().replace(ID_SEPARATORS, '');
  if (text === '') return null;
  if (RESIDENT_15.test(text)) {
    // The 1984-1999 15-digit card: no check digit; the birth date is 19YYMMDD.
    return realBirthDate(1900 + digitsAt(text, 6, 2), digitsAt(text, 8, 2), digitsAt(text, 10, 2), today)
      ? { kind: 'resident-id', valid: true, key: text }
      : { kind: 'resident-id', valid: false, problem: 'birth-date' };
  }
  if (RESIDENT_18.test(text)) {
    const checksumOk = residentIdCheckCharacter(text) === text[17];
    const birthOk = birthDateValid(text, 6, today);
    if (checksumOk && birthOk) return { kind: 'resident-id', valid: true, key: text };
    // Digits only and a passing USCC check: an organisation code whose letters happen to be absent.
    if (USCC_SHAPE.test(text) && usccCheckCharacter(text) === text[17]) return { kind: 'uscc', valid: true, key: text };
    if (!checksumOk && birthOk) return { kind: 'resident-id', valid: false, problem: 'checksum' };
    if (checksumOk) return { kind: 'resident-id', valid: false, problem: 'birth-date' };
    // Neither checks out; a plausible resident-ID region code (11-82) says which it was meant to be.
    const region = Number(text.slice(0, 2));
    return region >= 11 && region <= 82 ? { kind: 'resident-id', valid: false, problem: 'checksum' } : { kind: 'uscc', valid: false, problem: 'checksum' };
  }
  // Seventeen digits holding a real birth date, then a wrong last character: a resident ID mistyped.
  if (text.length === 18 && SEVENTEEN_DIGITS.test(text) && birthDateValid(text, 6, today) && !(USCC_SHAPE.test(text) && usccCheckCharacter(text) === text[17])) {
    return { kind: 'resident-id', valid: false, problem: 'shape' };
  }
  if (text.length === 18 && USCC_SHAPE.test(text)) {
    return usccCheckCharacter(text) === text[17] ? { kind: 'uscc', valid: true, key: text } : { kind: 'uscc', valid: false, problem: 'checksum' };
  }
  // Not 18 characters of either alphabet: letters mean an organisation code was meant.
  return LETTER.test(text.slice(0, 17)) ? { kind: 'uscc', valid: false, problem: 'shape' } : { kind: 'resident-id', valid: false, problem: 'shape' };
}

/** `YYYYMMDD` at `offset` (ASCII digits, which the callers' shape checks ensure) is a real date from 1900-01-01 to today. */
export function birthDateValid(text: string, offset: number, today: DayNumber): boolean {
  return realBirthDate(digitsAt(text, offset, 4), digitsAt(text, offset + 4, 2), digitsAt(text, offset + 6, 2), today);
}

function realBirthDate(year: number, month: number, day: number, today: DayNumber): boolean {
  if (year < 1900) return false;
  const civil = civilDay(year, month, day);
  return civil !== null && civil <= today;
}

/** The number written by `count` ASCII digits at `offset` (read from the codes: no slice, no Number()). */
function digitsAt(text: string, offset: number, count: number): number {
  let value = 0;
  for (let i = offset; i < offset + count; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}
