/**
 * The quick readers of the checks' first pass (src/domain/quality/quickReaders.ts) against the general
 * readers they stand in front of: wherever a quick reader decides, it decides what readPhone /
 * readIdNumber would; QUICK_UNDECIDED hands the text on.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readIdNumber, readPhone, residentIdCheckCharacter, usccCheckCharacter } from '../../../src/domain/quality';
import {
  QUICK_INVALID_MOBILE,
  QUICK_RESIDENT_VALID,
  QUICK_UNDECIDED,
  QUICK_USCC_CHECKSUM,
  QUICK_USCC_VALID,
  quickIdHash,
  quickIdNumber,
  quickIdVerdict,
  quickMobileKey,
} from '../../../src/domain/quality/quickReaders';
import { dayFromYmd } from '../../../src/domain/dates';
import { textHash } from '../../../src/domain/quality/duplicateKeys';

const TODAY = dayFromYmd(2025, 1, 1);

/** The quick answer agrees with readPhone (when it gives one). */
function expectPhoneAgrees(typed: string): void {
  const quick = quickMobileKey(typed);
  if (quick === QUICK_UNDECIDED) return;
  const general = readPhone(typed);
  if (quick === QUICK_INVALID_MOBILE) expect(general).toEqual({ valid: false, kind: 'mobile' });
  else expect(general).toEqual({ valid: true, kind: 'mobile', key: String(quick) });
}

function expectIdAgrees(typed: string): void {
  const answer = quickIdNumber(typed, TODAY);
  const quick = answer === QUICK_UNDECIDED ? QUICK_UNDECIDED : quickIdVerdict(answer);
  if (answer !== QUICK_UNDECIDED) expect(quickIdHash(answer)).toBe(textHash(typed));
  const general = readIdNumber(typed, TODAY);
  if (quick === QUICK_RESIDENT_VALID) expect(general).toEqual({ kind: 'resident-id', valid: true, key: typed });
  else if (quick === QUICK_USCC_VALID) expect(general).toEqual({ kind: 'uscc', valid: true, key: typed });
  else if (quick === QUICK_USCC_CHECKSUM) expect(general).toEqual({ kind: 'uscc', valid: false, problem: 'checksum' });
  else expect(quick).toBe(QUICK_UNDECIDED);
}

describe('quickMobileKey', () => {
  test.each([
    ['13812345678', 13812345678],
    ['138 1234 5678', 13812345678],
    ['+86 138-1234-5678', 13812345678],
    ['+86(138)1234.5678', 13812345678],
    ['1381234567', QUICK_INVALID_MOBILE],
    ['12812345678', QUICK_INVALID_MOBILE],
    ['23812345678', QUICK_INVALID_MOBILE],
    ['138123456789', QUICK_INVALID_MOBILE],
    ['1', QUICK_INVALID_MOBILE],
    ['010 6552 9988', QUICK_UNDECIDED],
    ['0086 138 1234 5678', QUICK_UNDECIDED],
    ['+86 10 6552 9988', QUICK_UNDECIDED],
    ['+1 415 555 0100', QUICK_UNDECIDED],
    ['+86', QUICK_UNDECIDED],
    ['138+12345678', QUICK_UNDECIDED],
    ['１３８１２３４５６７８', QUICK_UNDECIDED],
    ['13812345678 转 123', QUICK_UNDECIDED],
    [' - ', QUICK_UNDECIDED],
    ['123456789012345678901', QUICK_UNDECIDED],
  ])('%j -> %p', (typed, expected) => {
    expect(quickMobileKey(typed)).toBe(expected);
    expectPhoneAgrees(typed);
  });

  test('agrees with readPhone on text of digits, separators and plus signs', () => {
    const phoneText = fc.array(fc.constantFrom(...'0123456789+ -().1386', '+86 ', '0086', '1', '13'), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(fc.property(phoneText, expectPhoneAgrees), { numRuns: 5000 });
  });

  test('agrees with readPhone on generated mobiles typed several ways', () => {
    const mobile = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([second, rest]) => `1${second}${String(rest).padStart(9, '0')}`);
    const typed = fc.tuple(mobile, fc.constantFrom('', '+86 ', '+86', '+8', '0086 '), fc.constantFrom('', ' ', '-', '.')).map(([m, prefix, sep]) => `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`);
    fc.assert(
      fc.property(typed, (text) => {
        expectPhoneAgrees(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('quickIdNumber', () => {
  const resident17 = '11010519491231002';
  const usccFirst17 = '91350100M000100Y4'.slice(0, 17);
  test.each([
    [resident17 + residentIdCheckCharacter(resident17), QUICK_RESIDENT_VALID],
    [usccFirst17 + usccCheckCharacter(usccFirst17), QUICK_USCC_VALID],
    [`${usccFirst17}${usccCheckCharacter(usccFirst17) === '0' ? '1' : '0'}`, QUICK_USCC_CHECKSUM],
    [`${resident17}${residentIdCheckCharacter(resident17) === '0' ? '1' : '0'}`, QUICK_UNDECIDED],
    ['110105194912310', QUICK_UNDECIDED],
    [`${resident17.toLowerCase()}x`, QUICK_UNDECIDED],
    [' 110105194912310021', QUICK_UNDECIDED],
    ['91350100m000100Y4A', QUICK_UNDECIDED],
    ['9135010AM000100Y4A', QUICK_UNDECIDED],
    ['11010520991231002X', QUICK_UNDECIDED],
  ])('%j -> %p', (typed, expected) => {
    const answer = quickIdNumber(typed, TODAY);
    expect(answer === QUICK_UNDECIDED ? answer : quickIdVerdict(answer)).toBe(expected);
    expectIdAgrees(typed);
  });

  test('agrees with readIdNumber on 18 characters of digits and capitals', () => {
    const text = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXYIOZSV1990', '19', 'X'), { minLength: 15, maxLength: 19 }).map((c) => c.join('').slice(0, 18));
    fc.assert(fc.property(text, expectIdAgrees), { numRuns: 5000 });
  });

  test('agrees with readIdNumber on generated resident IDs and codes, and their one-character changes', () => {
    const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
    const resident = fc
      .tuple(fc.integer({ min: 11, max: 82 }), digits(4), fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }), digits(3))
      .map(([region, area, birth, sequence]) => {
        const first17 = `${region}${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${sequence}`;
        return first17 + residentIdCheckCharacter(first17);
      });
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const chars = (length: number) => fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((c) => c.join(''));
    const uscc = fc.tuple(chars(2), digits(6), chars(9)).map(([a, b, c]) => `${a}${b}${c}` + usccCheckCharacter(`${a}${b}${c}`));
    const changed = fc.tuple(fc.oneof(resident, uscc), fc.integer({ min: 0, max: 17 }), fc.constantFrom(...alphabet, 'X', 'I')).map(([code, at, c]) => code.slice(0, at) + c + code.slice(at + 1));
    fc.assert(fc.property(fc.oneof(resident, uscc, changed), expectIdAgrees), { numRuns: 5000 });
  });
});
