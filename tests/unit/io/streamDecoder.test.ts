/**
 * The streamed read's decoder (src/io/streamCsv.ts decoderFor) copies the
 * leading all-ASCII chunks of a UTF-8 file as Latin-1 instead of decoding
 * them: however the bytes are cut into chunks, and whatever follows (Chinese
 * text, a character split across chunks, invalid bytes, a lone lead byte at
 * a chunk's end), the text must be exactly what TextDecoder gives for the
 * whole file.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decoderFor } from '../../../src/io/streamCsv';

/** Byte pieces a file is made of: ASCII, UTF-8 of 2-4 bytes, its parts, and bytes UTF-8 never uses. */
const piece = fc.constantFrom(
  [0x61],
  [0x31, 0x2c, 0x32, 0x0a],
  [0x0d, 0x0a],
  [0xe4, 0xb8, 0xad], // 中
  [0xe4],
  [0xb8, 0xad],
  [0xc3, 0xa9], // é
  [0xf0, 0x9f, 0x98, 0x80], // an emoji
  [0xff],
  [0x80],
  [0xef, 0xbb, 0xbf], // a BOM in the middle
);

function decodeInChunks(encoding: 'utf-8' | 'utf-16le', bytes: Uint8Array, cuts: readonly number[]): string {
  const decoder = decoderFor(encoding);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let from = 0;
  for (const to of [...at, bytes.length]) {
    text += decoder.write(Buffer.from(bytes.subarray(from, to)));
    from = to;
  }
  return text + decoder.end();
}

describe('decoderFor', () => {
  it('UTF-8 in any chunks, ASCII first or not, decodes as TextDecoder on the whole file', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(30), fc.array(fc.nat(400), { maxLength: 8 }), (pieces, asciiLead, cuts) => {
        const bytes = Uint8Array.from([...Array.from({ length: asciiLead }, () => 0x78), ...pieces.flat()]);
        expect(decodeInChunks('utf-8', bytes, cuts)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      }),
      { numRuns: 5_000 },
    );
  });

  it('an ASCII chunk after a lead byte left pending still gets its replacement character', () => {
    const bytes = Uint8Array.from([0x61, 0x62, 0xe4, 0x63, 0x64]);
    expect(decodeInChunks('utf-8', bytes, [2, 3])).toBe('ab\ufffdcd');
  });

  it('UTF-16 is never copied as Latin-1, even when its bytes are all below 0x80', () => {
    const bytes = Uint8Array.from([0x61, 0x00, 0x62, 0x00]);
    expect(decodeInChunks('utf-16le', bytes, [2])).toBe('ab');
  });
});
