/// <reference types="node" />
/**
 * The app icons (public/icon-192.png and public/icon-512.png), drawn from the brand mark in public/favicon.svg
 * without any image library: the rounded square and the stroked "S" are sampled per pixel (4×4 samples for smooth
 * edges) and written as a PNG with node:zlib. Run it again if the mark changes:
 * `node --import tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

// public/favicon.svg, on its 32×32 grid.
const MARK_PATH =
  'M9 21c2 2 4.5 3 7 3 3.5 0 6-1.8 6-4.6 0-5.6-12-3.6-12-8.6C10 8.8 12.4 7 15.6 7c2.3 0 4.4.8 6 2.3';
const CORNER = 7;
const STROKE = 2.6;
const BRAND = [0x1f, 0x4e, 0x5f] as const;
const PAPER = [0xf4, 0xf1, 0xea] as const;

type Point = readonly [number, number];

/** The path's curves as short straight pieces; it only uses M, c and C. */
function flatten(path: string): Point[] {
  const tokens = path.match(/[MCc]|-?\d*\.?\d+/g) ?? [];
  const points: Point[] = [];
  let command = 'M';
  let at: Point = [0, 0];
  for (let i = 0; i < tokens.length;) {
    if (/[MCc]/.test(tokens[i]!)) command = tokens[i++]!;
    const n = (k: number) => Number(tokens[i + k]);
    if (command === 'M') {
      at = [n(0), n(1)];
      points.push(at);
      i += 2;
      continue;
    }
    const base: Point = command === 'c' ? at : [0, 0];
    const [c1, c2, end] = [0, 2, 4].map((k) => [base[0] + n(k), base[1] + n(k + 1)] as Point) as [
      Point,
      Point,
      Point,
    ];
    for (let step = 1; step <= 24; step++) {
      const t = step / 24;
      const u = 1 - t;
      const mix = (a: number, b: number, c: number, d: number) =>
        u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
      points.push([mix(at[0], c1[0], c2[0], end[0]), mix(at[1], c1[1], c2[1], end[1])]);
    }
    at = end;
    i += 6;
  }
  return points;
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare([x, y]: Point): boolean {
  const cx = Math.min(Math.max(x, CORNER), 32 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 32 - CORNER);
  return x >= 0 && y >= 0 && x <= 32 && y <= 32 && Math.hypot(x - cx, y - cy) <= CORNER;
}

/** RGBA rows, each behind PNG's filter byte (0: none). */
function draw(size: number): Buffer {
  const line = flatten(MARK_PATH);
  const pixels = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let square = 0;
      let stroke = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const point: Point = [
            ((x + (sx + 0.5) / samples) * 32) / size,
            ((y + (sy + 0.5) / samples) * 32) / size,
          ];
          if (!insideRoundedSquare(point)) continue;
          square++;
          const near = line.some((p, k) => k > 0 && distanceToSegment(point, line[k - 1]!, p) <= STROKE / 2);
          if (near) stroke++;
        }
      }
      const share = stroke / (square || 1);
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++)
        pixels[offset + c] = Math.round(BRAND[c]! * (1 - share) + PAPER[c]! * share);
      pixels[offset + 3] = Math.round((square / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(draw(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) {
  writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), png(size));
  console.log(`public/icon-${size}.png`);
}
