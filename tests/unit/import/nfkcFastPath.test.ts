/**
 * The fast paths that skip NFKC for ASCII and CJK unified ideographs (added
 * for the archive join's cost) give exactly what the full normalisation gives.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { nfkc } from '../../../src/domain/import/text';
import { isFormulaLike } from '../../../src/domain/import';

/** Characters from the sets that meet at the boundaries: ASCII, CJK, full-width forms, combining marks, compatibility ideographs. */
const CHARS = ['a', 'Z', '0', '=', '+', '-', '@', ' ', '\t', '王', '芳', '一', '\u9fff', '＝', '＋', 'Ａ', '１', '\u3000', '\u0301', '\u0308', '\uf900', '\u2f00', 'é', '㈱', 'ｶ', '\uff9e'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((chars) => chars.join(''));

/** The definition before the fast path. */
function isFormulaLikeReference(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0) < 128 ? value[0]! : value.slice(0, 2).normalize('NFKC')[0] ?? '';
  if (!['=', '+', '-', '@', '\t', '\r', '\n'].includes(first)) return false;
  return !(first === '-' || first === '+') || !/^[+-]\d+(?:\.\d+)?$/.test(value.length > 40 ? '' : value.trim());
}

describe('NFKC fast paths', () => {
  it('nfkc equals String.prototype.normalize("NFKC") on mixed text', () => {
    fc.assert(fc.property(text, (value) => nfkc(value) === value.normalize('NFKC')), { numRuns: 2000 });
  });

  it('isFormulaLike gives what it gave before the CJK fast path', () => {
    fc.assert(fc.property(text, (value) => isFormulaLike(value) === isFormulaLikeReference(value)), { numRuns: 2000 });
  });

  it.each(['王芳', '华东', '是', '客户Ａ'])('skips %s unchanged', (value) => {
    expect(nfkc(value)).toBe(value.normalize('NFKC'));
    expect(isFormulaLike(value)).toBe(false);
  });
});
