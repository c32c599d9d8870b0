import { describe, expect, test } from '@jest/globals';
import { isValidEmail, readIdNumber, readPhone, residentIdCheckCharacter, usccCheckCharacter } from '../../../src/domain/quality';
import { dayFromYmd } from '../../../src/domain/dates';

const TODAY = dayFromYmd(2025, 1, 1);

/** A resident ID with the right check digit for `first17`. */
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);
const uscc = (first17: string): string => first17 + usccCheckCharacter(first17);
const fullWidth = (text: string): string => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readPhone: mainland mobiles', () => {
  test.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['+86-199 1234 5678', '19912345678'],
    ['  15912345678  ', '15912345678'],
    [fullWidth('13800138000'), '13800138000'],
    ['（138）0013 8000', '13800138000'],
  ])('%p is a valid mobile %p', (typed, key) => {
    expect(readPhone(typed)).toEqual({ valid: true, kind: 'mobile', key });
  });
  test.each(['12800138000', '1380013800', '138001380001', '1380013800a', '+86 1280013800', '13800138000 转 12'])('%p is an invalid mobile', (typed) => {
    expect(readPhone(typed)).toEqual({ valid: false, kind: 'mobile' });
  });
});

describe('readPhone: landlines', () => {
  test.each([
    ['010-6552 9988', '01065529988'],
    ['(021) 6234 5678', '02162345678'],
    ['0755-8888 8888', '075588888888'],
    ['0571-8765432', '05718765432'],
    ['+86 10 6552 9988', '01065529988'],
    ['400-810-8888', '4008108888'],
    ['010-65529988 转 123', '01065529988'],
    [fullWidth('01065529988'), '01065529988'],
  ])('%p is a valid landline %p', (typed, key) => {
    expect(readPhone(typed)).toEqual({ valid: true, kind: 'landline', key });
  });
  test.each(['021-1234567', '010-0552 9988', '0755-1234', '6552-99', 'call me', '0000000000'])('%p is an invalid landline', (typed) => {
    expect(readPhone(typed)).toEqual({ valid: false, kind: 'landline' });
  });
  test('a foreign number is not judged as Chinese', () => {
    expect(readPhone('+1 415 555 0100')).toEqual({ valid: true, kind: 'foreign', key: '+14155550100' });
  });
  test('blank is no reading', () => {
    expect(readPhone('   ')).toBeNull();
  });
});

describe('isValidEmail (validator.isEmail with the options of email.ts)', () => {
  test.each(['li.lei@example.com', 'wang+crm@mail.example.cn', 'a@b.co', "o'brien@example.ie", 'x_y-z@sub.example.com.cn', 'user@xn--fiqs8s.xn--fiqz9s'])(
    '%p is valid',
    (email) => expect(isValidEmail(email)).toBe(true),
  );
  test.each([
    'li.lei@example',
    'li lei@example.com',
    '@example.com',
    'li@',
    'li..lei@example.com',
    '.li@example.com',
    'li.@example.com',
    'li@-example.com',
    'li@example-.com',
    'li@example.c',
    'li@example.123',
    'li@@example.com',
    'li＠example.com',
    `${'a'.repeat(65)}@example.com`,
    'li@exa_mple.com',
  ])('%p is invalid', (email) => expect(isValidEmail(email)).toBe(false));
});

describe('readIdNumber: resident IDs (GB 11643)', () => {
  test('the standard\'s example with check character X', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });
  test.each([
    ['11010519491231002X', '11010519491231002X'],
    [' 11010519491231002x ', '11010519491231002X'],
    [fullWidth('11010519491231002X'), '11010519491231002X'],
    [residentId('44030620000229123'), residentId('44030620000229123')],
    ['110105491231002', '110105491231002'],
  ])('%p is valid', (typed, key) => {
    expect(readIdNumber(typed, TODAY)).toEqual({ kind: 'resident-id', valid: true, key });
  });
  test.each([
    ['110105194912310021', 'checksum'],
    ['11010519491231002Y', 'shape'],
    ['1101051949123100', 'shape'],
    [residentId('44030620010229123'), 'birth-date'], // 2001-02-29 does not exist
    [residentId('44030620300101123'), 'birth-date'], // born after today
    [residentId('44030618991231123'), 'birth-date'], // before 1900
    ['110105491331002', 'birth-date'], // 15 digits, month 13
  ])('%p fails: %p', (typed, problem) => {
    expect(readIdNumber(typed, TODAY)).toEqual({ kind: 'resident-id', valid: false, problem });
  });
});

describe('readIdNumber: Unified Social Credit Codes (GB 32100)', () => {
  test.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    [' 91350100m000100y43 ', '91350100M000100Y43'],
    [fullWidth('91350100M000100Y43'), '91350100M000100Y43'],
    [uscc('91110108MA01AB3C4'), uscc('91110108MA01AB3C4')],
  ])('%p is valid', (typed, key) => {
    expect(readIdNumber(typed, TODAY)).toEqual({ kind: 'uscc', valid: true, key });
  });
  test.each([
    ['91350100M000100Y44', 'checksum'],
    ['91350100M000100YI3', 'shape'], // I is not in the code's alphabet
    ['91350100M000100', 'shape'],
  ])('%p fails: %p', (typed, problem) => {
    expect(readIdNumber(typed, TODAY)).toEqual({ kind: 'uscc', valid: false, problem });
  });
  test('every single-character typo of a valid code is caught (MOD 31 detects all substitutions)', () => {
    const code = '91350100M000100Y43';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const c of alphabet) {
        if (c === code[i] || (i >= 2 && i < 8 && !/\d/.test(c))) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(readIdNumber(typo, TODAY)).toMatchObject({ valid: false });
      }
    }
  });
});
