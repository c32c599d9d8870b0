/**
 * The CLI's report is written in pieces (src/io/jsonChunks.ts): the pieces
 * joined are exactly JSON.stringify(value, null, 2) + '\n'.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { jsonChunks } from '../../../src/io/jsonChunks';

const joined = (value: unknown, options?: Parameters<typeof jsonChunks>[1]): string => [...jsonChunks(value, options)].join('');
const expected = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe('jsonChunks', () => {
  test.each<[string, unknown]>([
    ['a number', 42],
    ['a string with quotes, newlines and CJK', 'a "b"\n客户\u2028\ud800'],
    ['null', null],
    ['an empty array and object', { a: [], b: {} }],
    ['undefined members and holes', { a: undefined, b: [undefined, () => 1, Symbol('s')], c: 1 }],
    ['NaN and Infinity', [NaN, Infinity, -0]],
    ['a Date (toJSON)', { at: new Date(Date.UTC(2024, 0, 2)) }],
    ['nested arrays', [[1, [2, [3, []]]], { x: { y: { z: [] } } }]],
  ])('%s, inline and walked', (_label, value) => {
    expect(joined(value)).toBe(expected(value));
    expect(joined(value, { inlineNodes: 0, chunkChars: 1 })).toBe(expected(value));
  });

  test('any JSON value, any chunk size and inline threshold: the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 20 }), (value, chunkChars, inlineNodes) => {
        expect(joined(value, { chunkChars, inlineNodes })).toBe(expected(value));
      }),
      { numRuns: 500 },
    );
  });

  test('values with undefined members (left out of objects, null in arrays), walked element by element', () => {
    const withUndefined = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), fc.integer(), fc.string(), fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), withUndefined), fc.integer({ min: 0, max: 8 }), (value, inlineNodes) => {
        expect(joined(value, { chunkChars: 7, inlineNodes })).toBe(expected(value));
      }),
      { numRuns: 300 },
    );
  });

  test('pieces are about the chunk size, not one string', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ id: `C${i}`, check: 'mobile-invalid', value: `138${i}` }));
    const pieces = [...jsonChunks({ quality: { findings } }, { chunkChars: 64 * 1024 })];
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(64 * 1024 + 4096);
    expect(pieces.join('')).toBe(expected({ quality: { findings } }));
  });

  test('a cycle is refused as JSON.stringify refuses it', () => {
    const a: Record<string, unknown> = { b: [] };
    (a.b as unknown[]).push(a);
    expect(() => JSON.stringify(a)).toThrow(TypeError);
    expect(() => joined(a, { inlineNodes: 0 })).toThrow(TypeError);
    expect(() => joined(a)).toThrow(TypeError);
  });

  test('a BigInt and a top-level undefined are refused', () => {
    expect(() => joined({ n: 1n }, { inlineNodes: 0 })).toThrow(TypeError);
    expect(() => joined(undefined)).toThrow(TypeError);
  });
});
