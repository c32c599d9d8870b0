/**
 * A real PNG encoder, small enough for the fake Excel's `Chart.getImage`
 * (charts.ts): 8-bit RGB, filter 0 on every row, the image data in stored
 * (uncompressed) deflate blocks inside a zlib stream. Every chunk carries
 * its CRC-32 and the stream its Adler-32, so any PNG decoder reads it
 * (PNG spec, https://www.w3.org/TR/png/; zlib RFC 1950, deflate RFC 1951 §3.2.4).
 *
 * It draws no chart: the image is vertical stripes in the colours it is
 * given, so a test (and the preview) can see that a recolour reached the
 * chart, and nobody can take it for Excel's rendering.
 */

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function chunk(type: string, data: Uint8Array): number[] {
  const typed = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) typed[i] = type.charCodeAt(i);
  typed.set(data, 4);
  return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

/** Largest stored deflate block (its length field is 16 bits). */
const STORED_BLOCK_MAX = 65_535;

function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  // Callers never pass an empty image (width and height are at least 1), so there is always a block.
  for (let at = 0; at < raw.length; at += STORED_BLOCK_MAX) {
    const block = raw.subarray(at, at + STORED_BLOCK_MAX);
    const last = at + STORED_BLOCK_MAX >= raw.length ? 1 : 0;
    out.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff);
    for (const b of block) out.push(b);
  }
  out.push(...u32(adler32(raw)));
  return Uint8Array.from(out);
}

function rgbOf(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  const v = m ? parseInt(m[1] ?? '808080', 16) : 0x808080;
  return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
}

/** A `width` x `height` PNG (pixels) of vertical stripes, one per colour (`#RRGGBB`), left to right. */
export function encodeStripesPng(width: number, height: number, colours: readonly string[]): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new RangeError(`PNG size must be positive integers: ${width} x ${height}.`);
  const palette = (colours.length > 0 ? colours : ['#808080']).map(rgbOf);
  const stride = 1 + width * 3;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = palette[Math.min(palette.length - 1, Math.floor((x * palette.length) / width))] ?? [128, 128, 128];
      const at = y * stride + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Uint8Array.from([...u32(width), ...u32(height), 8, 2, 0, 0, 0]);
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', zlibStored(raw)), ...chunk('IEND', new Uint8Array(0))]);
}

/** Base64 of bytes, as Office.js returns images (no `data:` prefix). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
