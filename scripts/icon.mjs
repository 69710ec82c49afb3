// Draws the Marketplace icon, media/icon.png (128×128): a gold five-pointed star on a rounded
// navy square. Pure Node (zlib for the PNG's deflate), so no image library is needed to redraw it.
// Usage: node scripts/icon.mjs [out.png]
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges
const BACKGROUND = [0x1b, 0x2a, 0x4a];
const STAR = [0xf5, 0xb7, 0x00];

/** The star's ten corners: outer points at radius R, inner ones at r, the top point straight up. */
function starPolygon(cx, cy, R, r) {
  return Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? R : r;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

function inPolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedSquare(x, y, margin, radius) {
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= margin && x <= SIZE - margin && y >= margin && y <= SIZE - margin && dx * dx + dy * dy <= radius * radius;
}

/** RGBA pixels, each the average of its samples (premultiplied, then divided back). */
export function drawIcon() {
  // The star's optical centre sits a little below the square's: its points reach higher than its base.
  const star = starPolygon(64, 68, 50, 20);
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < SAMPLES * SAMPLES; s++) {
        const x = px + ((s % SAMPLES) + 0.5) / SAMPLES;
        const y = py + (Math.floor(s / SAMPLES) + 0.5) / SAMPLES;
        if (!inRoundedSquare(x, y, 2, 22)) continue;
        const color = inPolygon(x, y, star) ? STAR : BACKGROUND;
        for (let c = 0; c < 3; c++) sum[c] += color[c];
        sum[3] += 1;
      }
      const o = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[o + 3] = Math.round((255 * sum[3]) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit RGBA PNG: each row prefixed with filter type 0 (none), then deflated. */
export function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter set, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? new URL('../media/icon.png', import.meta.url);
  writeFileSync(out, encodePng(drawIcon(), SIZE, SIZE));
}
