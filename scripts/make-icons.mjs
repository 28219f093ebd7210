// Draws the add-in's icons (a white balance scale on a teal tile) into assets/icon-{16,32,64,80}.png.
// `node scripts/make-icons.mjs`; the PNGs are committed, so the build does not run this.
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";

const SIZES = [16, 32, 64, 80];
const TILE = [0x0b, 0x6e, 0x69]; // teal
const INK = [0xff, 0xff, 0xff];

// Shapes in a 0..1 square, y downwards. Each returns true when the point is inside.
const box = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const segment = (ax, ay, bx, by, r) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) <= r;
};
// lower half of a disc: a pan
const pan = (cx, cy, r) => (x, y) => y >= cy && Math.hypot(x - cx, y - cy) <= r;
const roundedTile = (r) => (x, y) => {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return Math.hypot(qx, qy) <= r;
};

const tile = roundedTile(0.18);
const scale = [
  box(0.47, 0.2, 0.53, 0.8), // pillar
  box(0.3, 0.76, 0.7, 0.82), // base
  box(0.16, 0.24, 0.84, 0.29), // beam
  segment(0.2, 0.27, 0.13, 0.55, 0.018),
  segment(0.2, 0.27, 0.27, 0.55, 0.018),
  segment(0.8, 0.27, 0.73, 0.55, 0.018),
  segment(0.8, 0.27, 0.87, 0.55, 0.018),
  pan(0.2, 0.54, 0.1),
  pan(0.8, 0.54, 0.1),
];

function draw(size) {
  const n = 4; // 4×4 samples per pixel for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inTile = 0;
      let inInk = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!tile(x, y)) continue;
          inTile++;
          if (scale.some((shape) => shape(x, y))) inInk++;
        }
      }
      const i = (py * size + px) * 4;
      const cover = inTile / (n * n);
      const ink = inTile ? inInk / inTile : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(TILE[c] * (1 - ink) + INK[c] * ink);
      rgba[i + 3] = Math.round(cover * 255);
    }
  }
  return png(size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("assets", { recursive: true });
for (const size of SIZES) writeFileSync(`assets/icon-${size}.png`, draw(size));
console.log(`assets/icon-{${SIZES.join(",")}}.png`);
