/**
 * Allocation-free readers for the common shapes of phones and ID numbers,
 * used by the checks' first pass (checks.ts) before the general readers of
 * identifiers.ts. Each answers only what it can decide from the character
 * codes alone and returns QUICK_UNDECIDED for anything else, which the
 * caller hands to the general reader; where they answer, they answer exactly
 * what the general reader would (tests/unit/quality/quickReaders.test.ts
 * compares the two on generated and hand-picked text).
 *
 * Why: the general readers build a result object (and often a string) per
 * value and run several regular expressions; at 100k customers that was
 * most of the checks' time and garbage (bench/quality.ts).
 */
import type { DayNumber } from '../dates';
import { birthDateValid, RESIDENT_CHECK, RESIDENT_WEIGHTS, USCC_ALPHABET, USCC_VALUE, USCC_WEIGHTS } from './identifiers';

/** The quick reader cannot decide: ask the general reader. */
export const QUICK_UNDECIDED = -2;
/** An invalid mainland mobile (readPhone: `{ valid: false, kind: 'mobile' }`). */
export const QUICK_INVALID_MOBILE = -1;

/** The most digits a phone the quick reader decides may have (longer text goes to readPhone). */
const MAX_PHONE_DIGITS = 20;
const phoneDigits = new Uint8Array(MAX_PHONE_DIGITS);

/**
 * A phone typed with ASCII digits, spaces, `-`, `(`, `)`, `.` and at most a
 * leading `+86`: the 11-digit mobile as a number (its key; exact in a double)
 * when it is a valid mainland mobile, QUICK_INVALID_MOBILE when readPhone
 * judges it an invalid mobile, otherwise (landlines, `0086`, foreign numbers,
 * anything else) QUICK_UNDECIDED.
 */
export function quickMobileKey(typed: string): number {
  let count = 0;
  let plus = false;
  for (let i = 0; i < typed.length; i++) {
    const code = typed.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (count === MAX_PHONE_DIGITS) return QUICK_UNDECIDED;
      phoneDigits[count++] = code - 48;
    } else if (code === 43) {
      // readPhone drops separators first, so `+` must come before every digit.
      if (plus || count > 0) return QUICK_UNDECIDED;
      plus = true;
    } else if (!(code === 32 || code === 45 || code === 40 || code === 41 || code === 46)) return QUICK_UNDECIDED;
  }
  let start = 0;
  if (plus) {
    // `+86` then the national number; any other country code is readPhone's.
    if (count < 2 || phoneDigits[0] !== 8 || phoneDigits[1] !== 6) return QUICK_UNDECIDED;
    start = 2;
  }
  const length = count - start;
  // Nothing after the prefix, a trunk 0 (landlines, `0086`), or `+86 10` (Beijing's 010): readPhone's.
  if (length === 0 || phoneDigits[start] === 0) return QUICK_UNDECIDED;
  if (plus && phoneDigits[start] === 1 && length > 1 && phoneDigits[start + 1] === 0) return QUICK_UNDECIDED;
  // Judged as a mobile: it starts with 1, or has 11 digits (not starting with 0).
  if (phoneDigits[start] !== 1 && length !== 11) return QUICK_UNDECIDED;
  // A valid mobile: /^1[3-9]\d{9}$/.
  if (length !== 11 || phoneDigits[start] !== 1 || phoneDigits[start + 1]! < 3) return QUICK_INVALID_MOBILE;
  let value = 0;
  for (let i = start; i < count; i++) value = value * 10 + phoneDigits[i]!;
  return value;
}

/** What quickIdNumber decided. */
export const QUICK_RESIDENT_VALID = 1;
export const QUICK_USCC_VALID = 2;
export const QUICK_USCC_CHECKSUM = 3;

const TWO_32 = 2 ** 32;

/** What a quickIdNumber answer other than QUICK_UNDECIDED decided. */
export function quickIdVerdict(answer: number): number {
  return Math.floor(answer / TWO_32);
}

/** The key's hash (textHash of the text) in a quickIdNumber answer. */
export function quickIdHash(answer: number): number {
  return answer | 0;
}

/**
 * An 18-character ID of ASCII digits and capital letters (then the key is
 * the text itself): QUICK_RESIDENT_VALID for a resident ID whose check
 * character and birth date are right, QUICK_USCC_VALID / QUICK_USCC_CHECKSUM
 * for a code with a letter among its first 17 characters and a USCC's shape;
 * QUICK_UNDECIDED for everything else (readIdNumber decides those). The
 * answer packs the verdict with the key's hash, taken in the same pass
 * (quickIdVerdict, quickIdHash): no object per ID.
 */
export function quickIdNumber(text: string, today: DayNumber): number {
  if (text.length !== 18) return QUICK_UNDECIDED;
  let digitsOnly17 = true;
  let residentSum = 0;
  let usccSum = 0;
  let usccShape = true;
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < 17; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ code, 0x01000193);
    const digit = code >= 48 && code <= 57;
    if (digit) residentSum += (code - 48) * RESIDENT_WEIGHTS[i]!;
    else if (code >= 65 && code <= 90) {
      digitsOnly17 = false;
      // Characters 3-8 of a USCC are the area code's digits.
      if (i >= 2 && i <= 7) usccShape = false;
    } else return QUICK_UNDECIDED;
    const value = code < 128 ? USCC_VALUE[code]! : -1;
    if (value < 0) usccShape = false;
    usccSum += value * USCC_WEIGHTS[i]!;
  }
  const last = text.charCodeAt(17);
  if (!((last >= 48 && last <= 57) || (last >= 65 && last <= 90))) return QUICK_UNDECIDED;
  // textHash(text), as a uint32 below the verdict.
  const key = Math.imul(hash ^ last, 0x01000193) >>> 0;
  if (digitsOnly17) {
    // A resident ID's shape (/^\d{17}[\dX]$/) with both checks passing; any other outcome is readIdNumber's.
    if (!((last >= 48 && last <= 57) || last === 88)) return QUICK_UNDECIDED;
    return RESIDENT_CHECK.charCodeAt(residentSum % 11) === last && birthDateValid(text, 6, today) ? QUICK_RESIDENT_VALID * TWO_32 + key : QUICK_UNDECIDED;
  }
  const lastValue = last < 128 ? USCC_VALUE[last]! : -1;
  if (!usccShape || lastValue < 0) return QUICK_UNDECIDED;
  return USCC_ALPHABET.charCodeAt((31 - (usccSum % 31)) % 31) === last ? QUICK_USCC_VALID * TWO_32 + key : QUICK_USCC_CHECKSUM * TWO_32 + key;
}
