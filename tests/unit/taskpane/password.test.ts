/** The Protect screen's password strength hint and generator. */
import { describe, expect, test } from '@jest/globals';
import { generatePassword, passwordStrength } from '../../../src/taskpane/password';

describe('passwordStrength', () => {
  test.each([
    ['', 'none'],
    ['abc', 'weak'],
    ['abcdefghijkl', 'weak'], // one kind of character
    ['abcd1234', 'fair'],
    ['Abcd1234!', 'fair'], // 9 characters
    ['Abcd1234efgh', 'strong'],
    ['客户分级助手密码Ab1', 'fair'], // CJK counts as "other": 4 kinds, but 11 code points
    ['客户分级助手密码Ab12', 'strong'],
    ['Tw-7!q9Zr2xy', 'strong'],
  ] as const)('%j -> %s', (password, expected) => {
    expect(passwordStrength(password)).toBe(expected);
  });
});

describe('generatePassword', () => {
  test('16 characters from the alphabet, always strong, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const pw = generatePassword();
      expect(pw).toMatch(/^[a-km-zA-HJ-NP-Z2-9\-_!#%+]{16}$/);
      expect(passwordStrength(pw)).toBe('strong');
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });

  test('rejection sampling: bytes above the last full multiple of the alphabet are skipped', () => {
    let call = 0;
    // First batch: only bytes >= 252, all rejected (62-character alphabet: usable bytes are < 256 - 256 % 62 = 248), then usable ones.
    const random = (bytes: Uint8Array): Uint8Array => {
      call += 1;
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = call === 1 ? 252 + (i % 4) : (i * 37 + call) % 248;
      return bytes;
    };
    const pw = generatePassword(12, random);
    expect(pw).toHaveLength(12);
    expect(call).toBeGreaterThan(1);
  });
});
