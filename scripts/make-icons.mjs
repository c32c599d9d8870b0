// Draws the Tierwise icon (a rounded tile with three tier bars: gold,
// silver, regular) at the sizes the manifest needs and writes PNGs to
// assets/. Pure Node: a tiny PNG encoder over zlib, so no image tool is
// needed. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 64, 80, 128];

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** Coverage of a pixel by a rounded rectangle, 4x4 supersampled for smooth edges. */
function cover(px, py, x0, y0, x1, y1, r) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = px + (sx + 0.5) / 4;
      const y = py + (sy + 0.5) / 4;
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;
      const cx = Math.min(Math.max(x, x0 + r), x1 - r);
      const cy = Math.min(Math.max(y, y0 + r), y1 - r);
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) hits++;
    }
  }
  return hits / 16;
}

function draw(size) {
  const img = Buffer.alloc(size * size * 4);
  const s = size / 32; // design grid is 32x32
  const shapes = [
    { rect: [1, 1, 31, 31], r: 6, color: hex('#1F4E79') },
    { rect: [7, 7, 25, 11.5], r: 1.5, color: hex('#FFD966') }, // gold
    { rect: [7, 14, 21, 18.5], r: 1.5, color: hex('#D9D9D9') }, // silver
    { rect: [7, 21, 17, 25.5], r: 1.5, color: hex('#9DC3E6') }, // regular
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { rect, r: rad, color } of shapes) {
        const c = cover(x, y, rect[0] * s, rect[1] * s, rect[2] * s, rect[3] * s, rad * s);
        if (c === 0) continue;
        // "over" compositing, straight alpha
        const na = c + a * (1 - c);
        r = (color[0] * c + r * a * (1 - c)) / na;
        g = (color[1] * c + g * a * (1 - c)) / na;
        b = (color[2] * c + b * a * (1 - c)) / na;
        a = na;
      }
      const i = (y * size + x) * 4;
      img[i] = Math.round(r);
      img[i + 1] = Math.round(g);
      img[i + 2] = Math.round(b);
      img[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, img);
}

mkdirSync('assets', { recursive: true });
for (const size of SIZES) writeFileSync(`assets/icon-${size}.png`, draw(size));
console.log(`wrote ${SIZES.map((s) => `assets/icon-${s}.png`).join(', ')}`);
