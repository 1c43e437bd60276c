// Draws resources/icons/icon.png (1024×1024), the app icon electron-builder turns into each
// platform's format: a counter (a desk and a person) on pagoPA blue. No image libraries needed:
// shapes are signed distance functions, written as an RGBA PNG with node:zlib.
// Run: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 1024;
const BLUE = [0x00, 0x73, 0xe6];
const WHITE = [0xff, 0xff, 0xff];

/** distance from (x, y) to a rounded rectangle (negative inside) */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}

/** coverage of a pixel by a shape, with one pixel of anti-aliasing */
const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

function pixel(x, y) {
  const background = coverage(roundedRect(x, y, 48, 48, 976, 976, 208));
  const person = coverage(circle(x, y, 512, 414, 148));
  const desk = coverage(roundedRect(x, y, 224, 622, 800, 758, 44));
  const figure = Math.max(person, desk);
  const color = BLUE.map((c, i) => Math.round(c * (1 - figure) + WHITE[i] * figure));
  return [...color, Math.round(255 * background)];
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  let offset = 0;
  for (let y = 0; y < SIZE; y++) {
    rows[offset++] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      // sample at the pixel centre
      for (const value of pixel(x + 0.5, y + 0.5)) rows[offset++] = value;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons', 'icon.png');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, png());
console.log(`scritto ${path.relative(process.cwd(), target)}`);
