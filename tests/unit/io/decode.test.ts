import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { DecodeError, decodeBytes, isValidUtf8 } from '../../../src/io/decode';
import type { EncodingChoice } from '../../../src/io/decode';

const CHINESE = '客户编号,客户名称,消费总额\r\n000123,张三,"￥1,234.50"\r\n';
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBytes = (prefix: number[], body: Uint8Array) => new Uint8Array([...prefix, ...body]);
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  }
  return out;
}

describe('decodeBytes, auto-detection', () => {
  it.each<[string, Uint8Array, string, boolean, boolean]>([
    ['UTF-8 without BOM', utf8(CHINESE), 'utf-8', false, false],
    ['UTF-8 with BOM', withBytes([0xef, 0xbb, 0xbf], utf8(CHINESE)), 'utf-8', false, true],
    ['UTF-16LE with BOM', withBytes([0xff, 0xfe], utf16(CHINESE, 'le')), 'utf-16le', false, true],
    ['UTF-16BE with BOM', withBytes([0xfe, 0xff], utf16(CHINESE, 'be')), 'utf-16be', false, true],
    ['GBK (Chinese Excel CSV) without BOM', new Uint8Array(iconv.encode(CHINESE, 'gbk')), 'gb18030', true, false],
    ['GB18030 four-byte characters', new Uint8Array(iconv.encode(`${CHINESE}𠀀€`, 'gb18030')), 'gb18030', true, false],
    ['UTF-16LE without BOM (ASCII text)', utf16('id,name\r\n1,Ann\r\n', 'le'), 'utf-16le', true, false],
  ])('%s', (_name, bytes, encoding, guessed, hadBom) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.guessed).toBe(guessed);
    expect(decoded.hadBom).toBe(hadBom);
    expect(decoded.text.startsWith('\ufeff')).toBe(false);
  });

  it('decodes the text exactly', () => {
    expect(decodeBytes(new Uint8Array(iconv.encode(CHINESE, 'gbk'))).text).toBe(CHINESE);
    expect(decodeBytes(withBytes([0xff, 0xfe], utf16(CHINESE, 'le'))).text).toBe(CHINESE);
    expect(decodeBytes(withBytes([0xef, 0xbb, 0xbf], utf8(CHINESE))).text).toBe(CHINESE);
    expect(decodeBytes(new Uint8Array(iconv.encode(`${CHINESE}𠀀€`, 'gb18030'))).text).toBe(`${CHINESE}𠀀€`);
  });

  it('ASCII is UTF-8, not a guess; an empty file is empty UTF-8', () => {
    expect(decodeBytes(utf8('id,amount\n1,2\n'))).toEqual({ text: 'id,amount\n1,2\n', encoding: 'utf-8', guessed: false, hadBom: false });
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', guessed: false, hadBom: false });
  });
});

describe('decodeBytes, user override', () => {
  it.each<[EncodingChoice, Uint8Array, string]>([
    ['gb18030', new Uint8Array(iconv.encode(CHINESE, 'gbk')), CHINESE],
    ['utf-8', withBytes([0xef, 0xbb, 0xbf], utf8(CHINESE)), CHINESE],
    ['utf-16', utf16(CHINESE, 'le'), CHINESE],
    ['utf-16', withBytes([0xfe, 0xff], utf16(CHINESE, 'be')), CHINESE],
  ])('%s', (choice, bytes, text) => {
    const decoded = decodeBytes(bytes, choice);
    expect(decoded.text).toBe(text);
    expect(decoded.guessed).toBe(false);
  });

  it('forcing UTF-8 on GBK bytes gives replacement characters, not an exception (the user sees garbling and can switch)', () => {
    expect(decodeBytes(new Uint8Array(iconv.encode('张三', 'gbk')), 'utf-8').text).toContain('\ufffd');
  });

  it('an unknown choice is a typed error', () => {
    expect(() => decodeBytes(utf8('x'), 'latin1' as EncodingChoice)).toThrow(DecodeError);
  });
});

describe('isValidUtf8', () => {
  it.each<[string, number[], boolean]>([
    ['ASCII', [0x41, 0x42], true],
    ['two-byte é', [0xc3, 0xa9], true],
    ['three-byte 客', [0xe5, 0xae, 0xa2], true],
    ['four-byte 😀', [0xf0, 0x9f, 0x98, 0x80], true],
    ['overlong slash', [0xc0, 0xaf], false],
    ['overlong three-byte', [0xe0, 0x80, 0xaf], false],
    ['surrogate half', [0xed, 0xa0, 0x80], false],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], false],
    ['truncated at the end', [0xe5, 0xae], false],
    ['stray continuation byte', [0x80], false],
    ['GBK 客户', [0xbf, 0xcd, 0xbb, 0xa7], false],
  ])('%s', (_name, bytes, valid) => {
    expect(isValidUtf8(new Uint8Array(bytes))).toBe(valid);
  });

  it('property: anything TextEncoder produces is valid', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => expect(isValidUtf8(new TextEncoder().encode(text))).toBe(true)));
  });
});
