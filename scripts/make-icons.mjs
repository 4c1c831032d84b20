// Draws the add-in's icons (a rising bar chart on league red) as PNG files in assets/.
// Written with zlib alone so that no image tool is needed to rebuild them:
//   node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80];
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const GOLD = [255, 205, 0];

/** CRC-32 as the PNG chunk trailer needs it. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixel of the icon at (x, y) for an icon of the given size. */
function pixel(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  // Rounded square: transparent outside a corner radius of 18%.
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  // Three bars of rising height: the ranking the add-in produces.
  const bars = [
    { left: 0.2, right: 0.36, top: 0.56, colour: WHITE },
    { left: 0.42, right: 0.58, top: 0.4, colour: WHITE },
    { left: 0.64, right: 0.8, top: 0.22, colour: GOLD },
  ];
  for (const bar of bars) {
    if (u >= bar.left && u < bar.right && v >= bar.top && v < 0.8) return [...bar.colour, 255];
  }
  return [...RED, 255];
}

export function iconPng(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0: filter type "none"
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL("../assets/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) writeFileSync(`${dir}icon-${size}.png`, iconPng(size));
  console.log(`icons written: ${SIZES.map((s) => `assets/icon-${s}.png`).join(", ")}`);
}
