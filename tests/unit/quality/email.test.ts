/**
 * The email check (src/domain/quality/email.ts): validator's isEmail with
 * Tierwise's options and one refusal of its own (full-width look-alikes),
 * and the fast path that must agree with the library wherever it answers.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { isValidEmail, runQualityChecks } from '../../../src/domain/quality';
import { libraryVerdict, NOT_PLAIN_EMAIL, plainEmailHash } from '../../../src/domain/quality/email';
import { foldedTextHash } from '../../../src/domain/quality/duplicateKeys';
import { dayFromYmd } from '../../../src/domain/dates';

describe('valid addresses', () => {
  test.each([
    'li.lei@example.com',
    'wang+crm@mail.example.cn',
    'a@b.co',
    "o'brien@example.ie",
    'x_y-z@sub.example.com.cn',
    'UPPER.Case@Example.COM',
    'user@xn--fiqs8s.xn--fiqz9s',
    '张三@例子.中国',
    'zhang.san@例子.公司',
    '"li lei"@example.com',
    `${'a'.repeat(64)}@example.com`,
    '12345678@qq.com',
  ])('%p', (email) => expect(isValidEmail(email)).toBe(true));
});

describe('invalid addresses', () => {
  test.each([
    ['no top-level domain', 'li.lei@example'],
    ['a space inside', 'li lei@example.com'],
    ['no local part', '@example.com'],
    ['no domain', 'li@'],
    ['two dots in a row', 'li..lei@example.com'],
    ['a leading dot', '.li@example.com'],
    ['a trailing dot', 'li.@example.com'],
    ['a label starting with a hyphen', 'li@-example.com'],
    ['a label ending with a hyphen', 'li@example-.com'],
    ['a one-letter top-level domain', 'li@example.c'],
    ['a numeric top-level domain', 'li@example.123'],
    ['two @', 'li@@example.com'],
    ['a full-width @', 'li＠example.com'],
    ['a full-width dot', 'li@example．com'],
    ['full-width letters in the local part', 'ｌｉ@example.com'],
    ['an ideographic full stop in the domain', '张三@例子。中国'],
    ['an ideographic space inside', 'li\u3000lei@example.com'],
    ['a local part of 65 characters', `${'a'.repeat(65)}@example.com`],
    ['an underscore in the domain', 'li@exa_mple.com'],
    ['a display name', 'Li Lei <li@example.com>'],
    ['an IP domain', 'li@[192.168.0.1]'],
    ['surrounding spaces (the caller trims; untrimmed is refused)', ' li@example.com '],
    ['text only', '无'],
  ])('%s: %p', (_why, email) => expect(isValidEmail(email)).toBe(false));
});

describe('surrounding spaces are the checks\' to trim', () => {
  const run = (email: string) =>
    runQualityChecks({
      records: [{ id: 'C1', sourceRow: 2, firstPurchase: null, lastPurchase: null, frequency: 0, monetary: 0, tierOverride: null, profile: { email }, carried: {} }],
      profileFields: ['customerId', 'email'],
      inputKind: 'customers',
      asOf: dayFromYmd(2024, 12, 31),
      today: dayFromYmd(2025, 1, 1),
      importIssues: [],
      settings: { requiredFields: [], staleContactDays: 180, requireConsent: false },
    });
  test.each([' li@example.com ', '\u3000li@example.com\u3000', '\tli@example.com'])('%p is valid once trimmed', (email) => {
    expect(run(email).findingCount).toBe(0);
  });
  test('full-width inside stays invalid after trimming', () => {
    expect(run(' li＠example.com ').findings.map((f) => f.check)).toEqual(['invalid-email']);
  });
});

describe('the fast path agrees with the library', () => {
  const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
  // Where the text has no full-width look-alike, isValidEmail is exactly the library's verdict.
  const agrees = (text: string): void => {
    if (!FULL_WIDTH.test(text)) expect(isValidEmail(text)).toBe(libraryVerdict(text));
    // The plain shape is one the library accepts, and its hash, taken in the same pass, is the duplicate search's key hash.
    const plainHash = plainEmailHash(text);
    if (plainHash !== NOT_PLAIN_EMAIL) {
      expect(libraryVerdict(text)).toBe(true);
      expect(plainHash).toBe(foldedTextHash(text));
    }
  };
  test('plain addresses of every case hash as their lower-cased key (table)', () => {
    for (const text of ['li.lei@example.com', 'Li.Lei@Example.COM', 'a+b@x-y.cn', 'Z9@A.B.ORG']) {
      expect(plainEmailHash(text)).toBe(foldedTextHash(text.toLowerCase()));
    }
    for (const text of ['li@example', '.li@example.com', 'li@-x.com', '张@例子.中国', 'li@example.c0m']) expect(plainEmailHash(text)).toBe(NOT_PLAIN_EMAIL);
  });
  test('on generated addresses', () => {
    fc.assert(fc.property(fc.emailAddress(), agrees), { numRuns: 2000 });
  });
  test('on strings built from the characters that matter', () => {
    const char = fc.constantFrom('a', 'Z', '0', '9', '.', '@', '-', '_', '+', ' ', '"', '张', 'x', 'n', '!', '~');
    fc.assert(fc.property(fc.array(char, { maxLength: 24 }).map((cs) => cs.join('')), agrees), { numRuns: 5000 });
  });
  test('on address-shaped strings with edits', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{0,8}$/);
    const shaped = fc.tuple(fc.stringMatching(/^[a-z0-9.+_-]{0,10}$/), fc.array(label, { minLength: 1, maxLength: 4 })).map(([local, labels]) => `${local}@${labels.join('.')}`);
    fc.assert(fc.property(shaped, agrees), { numRuns: 5000 });
  });
  test('at the length limits', () => {
    for (const local of [63, 64, 65]) for (const label of [62, 63, 64]) agrees(`${'a'.repeat(local)}@${'b'.repeat(label)}.com`);
    agrees(`a@${Array.from({ length: 60 }, () => 'abcd').join('.')}.com`);
  });
});
