/**
 * Bytes -> text with encoding detection. Runs in Node and in the browser
 * bundle: UTF-8 and UTF-16 use the standard TextDecoder; GB18030 (Chinese
 * Excel's default "CSV (逗号分隔)" encoding, a superset of GBK) uses
 * iconv-lite, which needs a `buffer` polyfill in a browser bundle
 * (webpack `resolve.fallback: { buffer: require.resolve('buffer/') }`).
 */
import iconv from 'iconv-lite';

/** What the user may choose; 'auto' detects. */
export type EncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'utf-16';

/** What was actually used. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: DetectedEncoding;
  /** True when no BOM or user choice settled it and the bytes were not plainly UTF-8 (or ASCII). */
  readonly guessed: boolean;
  /** True when the bytes started with a byte-order mark (removed from `text`). */
  readonly hadBom: boolean;
}

export const ENCODING_CHOICES: readonly EncodingChoice[] = ['auto', 'utf-8', 'gb18030', 'utf-16'];

/** Thrown for a choice outside ENCODING_CHOICES (a misuse, e.g. a mistyped `--encoding`). */
export class DecodeError extends Error {
  readonly code = 'unknown-encoding' as const;
  constructor(readonly choice: string) {
    super(`Unknown encoding '${choice}'. Use one of: ${ENCODING_CHOICES.join(', ')}.`);
    this.name = 'DecodeError';
  }
}

type Bom = 'utf-8' | 'utf-16le' | 'utf-16be' | null;

function bomOf(bytes: Uint8Array): Bom {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function bomLength(bom: Bom): number {
  return bom === 'utf-8' ? 3 : bom === null ? 0 : 2;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * True when the bytes are well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF). A sequence cut by the end of the
 * bytes counts as invalid. Checked by hand rather than with a fatal
 * TextDecoder, whose exception type differs between realms.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number; // lowest allowed second byte
    let max: number; // highest allowed second byte
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, min, max] = [1, 0x80, 0xbf];
    else if (b0 === 0xe0) [need, min, max] = [2, 0xa0, 0xbf];
    else if (b0 === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b0 >= 0xe1 && b0 <= 0xef) [need, min, max] = [2, 0x80, 0xbf];
    else if (b0 === 0xf0) [need, min, max] = [3, 0x90, 0xbf];
    else if (b0 >= 0xf1 && b0 <= 0xf3) [need, min, max] = [3, 0x80, 0xbf];
    else if (b0 === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else return false;
    if (i + need >= n) return false; // truncated sequence
    const b1 = bytes[i + 1]!;
    if (b1 < min || b1 > max) return false;
    for (let k = 2; k <= need; k++) {
      const b = bytes[i + k]!;
      if (b < 0x80 || b > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * UTF-16 without a BOM: text files of mostly Latin or CJK characters show
 * zero bytes in one of the two byte positions. Looks at the first 4 KiB.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, endian: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(endian, { ignoreBOM: true }).decode(bytes);
}

function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(bytes, 'gb18030', { stripBOM: false });
}

/**
 * Decodes file bytes to text.
 * - 'auto': a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8;
 *   else zero-byte patterns mean BOM-less UTF-16; else GB18030 (guessed).
 * - 'utf-8' / 'gb18030': forced (a UTF-8 BOM is still removed).
 * - 'utf-16': the BOM decides the byte order, little-endian without one.
 * @throws DecodeError for an unknown choice
 */
export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (!ENCODING_CHOICES.includes(choice)) throw new DecodeError(String(choice));
  const bom = bomOf(bytes);
  const hadBom = bom !== null;
  const body = bytes.subarray(bomLength(bom));
  switch (choice) {
    case 'utf-8':
      return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom === 'utf-8' ? 3 : 0)), encoding: 'utf-8', guessed: false, hadBom: bom === 'utf-8' };
    case 'gb18030':
      return { text: decodeGb18030(bytes.subarray(bom === 'utf-8' ? 3 : 0)), encoding: 'gb18030', guessed: false, hadBom: bom === 'utf-8' };
    case 'utf-16': {
      const endian = bom === 'utf-16be' ? 'utf-16be' : 'utf-16le';
      const start = bom === 'utf-16le' || bom === 'utf-16be' ? 2 : 0;
      return { text: decodeUtf16(bytes.subarray(start), endian), encoding: endian, guessed: false, hadBom: start > 0 };
    }
    case 'auto':
      break;
  }
  if (bom === 'utf-8') return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8', guessed: false, hadBom };
  if (bom === 'utf-16le' || bom === 'utf-16be') return { text: decodeUtf16(body, bom), encoding: bom, guessed: false, hadBom };
  if (isAscii(bytes)) {
    const utf16 = sniffUtf16WithoutBom(bytes);
    if (utf16) return { text: decodeUtf16(bytes, utf16), encoding: utf16, guessed: true, hadBom };
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', guessed: false, hadBom };
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', guessed: false, hadBom };
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16), encoding: utf16, guessed: true, hadBom };
  return { text: decodeGb18030(bytes), encoding: 'gb18030', guessed: true, hadBom };
}
