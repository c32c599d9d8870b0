import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_STEM_BYTES, safeFileStem, uniqueFileNames } from '../../../src/plan/copyFileNames';

describe('safeFileStem', () => {
  it.each([
    ['王芳', '王芳'],
    ['Li Lei', 'Li Lei'],
    ['A/B: Sales', 'A_B_ Sales'],
    ['a<b>c"d|e?f*g\\h', 'a_b_c_d_e_f_g_h'],
    ['tab\there', 'tab_here'],
    ['CON', '_CON'],
    ['nul', '_nul'],
    ['COM1', '_COM1'],
    ['lpt9.txt', '_lpt9.txt'],
    ['CONSOLE', 'CONSOLE'],
    ['name. . ', 'name'],
    ['   lead', 'lead'],
    ['...', '_'],
    ['', '_'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileStem(input)).toBe(expected);
  });

  it('cuts long names to the byte limit on a character boundary', () => {
    const stem = safeFileStem('销'.repeat(200));
    expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem).toBe('销'.repeat(40));
  });

  it('any text gives a stem with no forbidden character, no trailing dot or space, no device name, within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (name) => {
        const stem = safeFileStem(name);
        // eslint-disable-next-line no-control-regex -- control characters are what must not remain
        expect(stem).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
        expect(stem).not.toMatch(/[. ]$/);
        expect(stem.length).toBeGreaterThan(0);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(MAX_STEM_BYTES);
      }),
    );
  });
});

describe('uniqueFileNames', () => {
  it('names that collide after sanitising, or by case, are told apart in order', () => {
    expect(uniqueFileNames(['A/B: Sales', 'A?B: Sales', 'a_b_ sales', 'Li Lei', 'A_B_ Sales (2)'], '.xlsx')).toEqual([
      'A_B_ Sales.xlsx',
      'A_B_ Sales (2).xlsx',
      'a_b_ sales (3).xlsx',
      'Li Lei.xlsx',
      'A_B_ Sales (2) (2).xlsx',
    ]);
  });
  it('is deterministic: the same names give the same files', () => {
    const names = ['x', 'X', 'x.', 'x '];
    expect(uniqueFileNames(names, '.xlsx')).toEqual(uniqueFileNames(names, '.xlsx'));
    expect(new Set(uniqueFileNames(names, '.xlsx').map((n) => n.toLowerCase())).size).toBe(4);
  });
});
