import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { isFormulaLike } from '../../../src/domain/safeText';

describe('isFormulaLike', () => {
  test.each([
    ['=1+1', true],
    ['＝1＋1', true], // full-width equals folds to = under NFKC
    ['＋86 138', true],
    ['－5', true],
    ['＠SUM(1,1)', true],
    ['@SUM(1,1)', true],
    ['=HYPERLINK("http://x","y")', true],
    ['+86 138-0013-8000', true],
    ['-abc', true],
    ['\t=1', true],
    ['\r\n=1', true],
    ['\nx', true],
    ['=1+1\nsecond line', true],
    ['', false],
    ['Acme', false],
    ['张三', false],
    [' =1+1', false], // a leading space: no host reads this as a formula
    ["'=1", false],
    ['1=1', false],
    ['120.5', false],
  ])('%j -> %s', (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
  });

  test('a 40,000-character note is checked by its first characters only (fast)', () => {
    const note = `=${'x'.repeat(40_000)}`;
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) isFormulaLike(note);
    expect(isFormulaLike(note)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('property: agrees with the NFKC form of the whole text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 12 }), (text) => {
        const first = text.normalize('NFKC').charAt(0);
        expect(isFormulaLike(text)).toBe(['=', '+', '-', '@', '\t', '\r', '\n'].includes(first));
      }),
    );
  });
});
