/**
 * DuplicateKeys (src/domain/quality/duplicateKeys.ts), the probable-duplicate search's hash table, against
 * a naive grouping by the keys themselves: the same chains in customer order, with the same ranks, for
 * every way keys compare; colliding hashes never merge different keys.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { DuplicateKeys, newLinkScratch, foldedEquals, foldedTextHash, numberHash, pairHash, textHash, type KeyComparison } from '../../../src/domain/quality/duplicateKeys';

type Key = string | number | readonly [string, string] | null;

/** The naive answer: per customer, the first customer with an equal key (-1: none) and the position among those. */
function naive(keys: readonly Key[], equal: (a: Key, b: Key) => boolean): { first: number[]; rank: number[] } {
  const first: number[] = [];
  const rank: number[] = [];
  keys.forEach((key, i) => {
    if (key === null) {
      first.push(-1);
      rank.push(0);
      return;
    }
    const head = keys.findIndex((other) => other !== null && equal(other, key));
    first.push(head);
    rank.push(keys.slice(0, i).filter((other) => other !== null && equal(other, key)).length);
  });
  return { first, rank };
}

function linked(keys: readonly Key[], comparison: KeyComparison, hashOf: (key: Key) => number | null): DuplicateKeys {
  const table = new DuplicateKeys(keys.length, comparison);
  keys.forEach((key, i) => {
    if (key === null) return;
    if (comparison === 'number') table.setNumber(i, key as number);
    else if (comparison === 'pair') table.setPair(i, (key as [string, string])[0], (key as [string, string])[1], hashOf(key)!);
    else table.setText(i, key as string, hashOf(key)!);
  });
  table.link(newLinkScratch(keys.length));
  return table;
}

function expectChains(keys: readonly Key[], comparison: KeyComparison, equal: (a: Key, b: Key) => boolean, hashOf: (key: Key) => number | null): void {
  const table = linked(keys, comparison, hashOf);
  const expected = naive(keys, equal);
  expect([...table.first]).toEqual(expected.first);
  expect([...table.rank].map((r, i) => (expected.first[i] === -1 ? 0 : r))).toEqual(expected.rank);
  // Walking each chain from its head visits exactly the customers whose first is that head, in order.
  keys.forEach((_, head) => {
    if (table.first[head] !== head) return;
    const members: number[] = [];
    for (let i = head; i !== -1; i = table.next[i]!) members.push(i);
    expect(members).toEqual(expected.first.flatMap((f, i) => (f === head ? [i] : [])));
  });
}

const smallText = fc.array(fc.constantFrom('a', 'A', 'b', 'B', '张', 'K', 'k'), { maxLength: 3 }).map((c) => c.join(''));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

describe('DuplicateKeys', () => {
  test('text keys: chains of exactly equal texts', () => {
    fc.assert(fc.property(fc.array(maybe(smallText), { maxLength: 60 }), (keys) => expectChains(keys, 'text', (a, b) => a === b, (k) => textHash(k as string))), { numRuns: 300 });
  });
  test('folded keys: chains of texts equal with ASCII case folded', () => {
    fc.assert(
      fc.property(fc.array(maybe(smallText), { maxLength: 60 }), (keys) =>
        expectChains(keys, 'folded', (a, b) => (a as string).replace(/[A-Z]/g, (c) => c.toLowerCase()) === (b as string).replace(/[A-Z]/g, (c) => c.toLowerCase()), (k) => foldedTextHash(k as string)),
      ),
      { numRuns: 300 },
    );
  });
  test('pair keys: both parts equal', () => {
    const pair = fc.tuple(smallText, smallText);
    fc.assert(
      fc.property(fc.array(maybe(pair), { maxLength: 60 }), (keys) =>
        expectChains(keys, 'pair', (a, b) => (a as [string, string])[0] === (b as [string, string])[0] && (a as [string, string])[1] === (b as [string, string])[1], (k) => pairHash(...(k as [string, string]))),
      ),
      { numRuns: 300 },
    );
  });
  test('number keys: equal numbers, mobiles included', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(13812345678, 13812345679, 19999999999, 2 ** 40 + 1, 2 ** 40 + 2 ** 32 + 1));
    fc.assert(fc.property(fc.array(maybe(value), { maxLength: 60 }), (keys) => expectChains(keys, 'number', (a, b) => a === b, () => null)), { numRuns: 300 });
  });
  test('keys whose hashes collide stay apart (the text is compared on a hash match)', () => {
    // Every key gets the same hash: the table must still tell them apart by their text.
    const keys = ['x', 'y', 'x', 'z', 'y', 'x'];
    expectChains(keys, 'text', (a, b) => a === b, () => 7);
  });
  test('groupHeads: chains with two or more different IDs, ascending; one ID twice is not a group', () => {
    const table = linked(['a', 'b', 'a', 'b', 'c', 'c'], 'text', (k) => textHash(k as string));
    const ids = ['1', '2', '3', '2', '5', '6'];
    expect([...table.groupHeads((i) => ids[i]!)]).toEqual([0, 4]);
    expect(table.chainIds(0, (i) => ids[i]!)).toEqual(['1', '3']);
    expect(table.keyText(4)).toBe('c');
  });
  test('keyText of a number key is its digits; of a pair, both parts joined by U+0000', () => {
    const numbers = linked([13812345678, 13812345678], 'number', () => null);
    expect(numbers.keyText(0)).toBe('13812345678');
    const pairs = linked([['王伟', '上海'] as const], 'pair', (k) => pairHash(...(k as [string, string])));
    expect(pairs.keyText(0)).toBe('王伟\u0000上海');
  });
  test('foldedEquals and numberHash', () => {
    expect(foldedEquals('Li.Lei@Example.COM', 'li.lei@example.com')).toBe(true);
    expect(foldedEquals('li@example.com', 'li@example.con')).toBe(false);
    expect(foldedEquals('[', '{')).toBe(false);
    expect(numberHash(13812345678)).toBe(numberHash(13812345678));
    expect(numberHash(13812345678)).not.toBe(numberHash(13812345679));
  });
  test('linking twice, or recording a key after linking, is refused', () => {
    const table = linked(['a'], 'text', (k) => textHash(k as string));
    expect(() => table.link(newLinkScratch(1))).toThrow('linked twice');
    expect(() => table.setText(0, 'b', textHash('b'))).toThrow('after linking');
  });
});
