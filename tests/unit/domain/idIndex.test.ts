/**
 * IdIndex (src/domain/idIndex.ts), the ID -> index table of the aggregation, the archive's duplicate
 * check and the join, against a Map<string, number>: the same answers for every mix of canonical
 * decimals and other IDs, through growth, with replaced values; `007` and `7` stay two IDs.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { IdIndex, canonicalDecimalKey } from '../../../src/domain/idIndex';

describe('canonicalDecimalKey', () => {
  test.each([
    ['0', 0],
    ['7', 7],
    ['17850', 17850],
    ['536365', 536365],
    ['999999999999999', 999_999_999_999_999],
    ['100000000000000', 100_000_000_000_000],
  ])('%s is canonical: %d', (id, key) => {
    expect(canonicalDecimalKey(id)).toBe(key);
  });

  test.each([
    ['', 'empty'],
    ['007', 'a leading zero'],
    ['00', 'a leading zero'],
    ['1000000000000000', '16 digits'],
    ['C536379', 'a letter'],
    ['17850.0', 'a dot'],
    [' 17850', 'a space'],
    ['-5', 'a sign'],
    ['+5', 'a sign'],
    ['１２', 'full-width digits'],
    ['1e5', 'an exponent'],
    ['12/', 'a character just below 0'],
    ['12:', 'a character just above 9'],
  ])('%j is not canonical (%s)', (id) => {
    expect(canonicalDecimalKey(id)).toBe(-1);
  });

  test('a canonical key is exactly the number the text names, and names it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = String(n);
        expect(canonicalDecimalKey(text)).toBe(text.length <= 15 ? n : -1);
      }),
    );
  });
});

/** IDs that hit both sides of the table: small decimals (collide often), leading zeros, letters, long digit runs. */
const idArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map(String),
  fc.integer({ min: 0, max: 300 }).map((n) => `0${n}`),
  fc.integer({ min: 0, max: 300 }).map((n) => `C${n}`),
  fc.bigInt({ min: 10n ** 14n, max: 10n ** 17n }).map(String),
  fc.string({ maxLength: 4 }),
);

describe('IdIndex', () => {
  test('agrees with a Map through any sequence of sets and gets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), idArbitrary, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { maxLength: 400 }),
        fc.integer({ min: 0, max: 64 }),
        (operations, expected) => {
          const index = new IdIndex(expected);
          const reference = new Map<string, number>();
          for (const [isSet, id, value] of operations) {
            if (isSet) {
              index.set(id, value);
              reference.set(id, value);
            } else {
              expect(index.get(id)).toBe(reference.get(id));
            }
            expect(index.size).toBe(reference.size);
          }
          for (const id of reference.keys()) expect(index.get(id)).toBe(reference.get(id));
        },
      ),
    );
  });

  test('keeps 007 and 7, 0 and 00, apart', () => {
    const index = new IdIndex();
    index.set('7', 1);
    index.set('007', 2);
    index.set('0', 3);
    index.set('00', 4);
    expect([index.get('7'), index.get('007'), index.get('0'), index.get('00'), index.get('07')]).toEqual([1, 2, 3, 4, undefined]);
    expect(index.size).toBe(4);
  });

  test('holds 200,000 sequential and scattered IDs through growth from the smallest table', () => {
    const index = new IdIndex();
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) ids.push(String(10_000 + i), String(Math.floor(i * 2_654_435_761) % 1e15));
    const unique = [...new Set(ids)];
    unique.forEach((id, i) => index.set(id, i));
    expect(index.size).toBe(unique.length);
    unique.forEach((id, i) => expect(index.get(id)).toBe(i));
    expect(index.get('9')).toBeUndefined();
  });
});
