// Tab bar icons, drawn from simple shapes so they are reproducible and need no design tool:
// `npm run icons` writes miniprogram/images/tab/<name>-<light|dark>[-on].png (81×81, as WeChat asks);
// `npm run icons -- --check` fails when a committed icon differs from what this script draws (CI runs it).
// The colours are theme.json's tab colours, so an icon matches its label in each theme.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PNG } from 'pngjs';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'miniprogram', 'images', 'tab');
const SIZE = 81;

/** A signed distance (in px, negative inside) from a point to a shape drawn on a 24-unit grid. */
type Shape = (x: number, y: number) => number;

const segment =
  (ax: number, ay: number, bx: number, by: number, width: number): Shape =>
  (x, y) => {
    const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - t * dx, py - t * dy) - width / 2;
  };
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
const roundedBox =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    const [cx, cy, hx, hy] = [(x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r];
    const [qx, qy] = [Math.abs(x - cx) - hx, Math.abs(y - cy) - hy];
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

const STROKE = 2;
const ICONS: Record<string, Shape> = {
  // A magnifier.
  search: union(ring(10.5, 10.5, 6.5, STROKE), segment(15.5, 15.5, 20.5, 20.5, STROKE)),
  // Four tiles: categories.
  categories: union(
    roundedBox(3, 3, 10.5, 10.5, 1.5),
    roundedBox(13.5, 3, 21, 10.5, 1.5),
    roundedBox(3, 13.5, 10.5, 21, 1.5),
    roundedBox(13.5, 13.5, 21, 21, 1.5),
  ),
  // A viewfinder's corners and a scan line.
  scan: union(
    segment(3, 8, 3, 3, STROKE),
    segment(3, 3, 8, 3, STROKE),
    segment(16, 3, 21, 3, STROKE),
    segment(21, 3, 21, 8, STROKE),
    segment(3, 16, 3, 21, STROKE),
    segment(3, 21, 8, 21, STROKE),
    segment(16, 21, 21, 21, STROKE),
    segment(21, 21, 21, 16, STROKE),
    segment(6.5, 12, 17.5, 12, STROKE),
  ),
};

function hex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`theme.json: expected a #rrggbb colour, got ${color}`);
  const n = parseInt(m[1], 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** The shape in one colour on transparency, anti-aliased over one pixel. */
function draw(shape: Shape, color: string): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE });
  const [r, g, b] = hex(color);
  const scale = 24 / SIZE;
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const d = shape((x + 0.5) * scale, (y + 0.5) * scale) / scale;
      const alpha = Math.max(0, Math.min(1, 0.5 - d));
      const i = (y * SIZE + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  return PNG.sync.write(png, { colorType: 6 });
}

interface TabTheme {
  tabColor: string;
  tabSelected: string;
}

function main(): void {
  const check = process.argv.includes('--check');
  const themes = JSON.parse(readFileSync(join(ROOT, 'miniprogram', 'theme.json'), 'utf8')) as Record<
    'light' | 'dark',
    TabTheme
  >;
  const stale: string[] = [];
  if (!check) mkdirSync(OUT, { recursive: true });
  for (const [name, shape] of Object.entries(ICONS))
    for (const scheme of ['light', 'dark'] as const)
      for (const on of [false, true]) {
        const file = join(OUT, `${name}-${scheme}${on ? '-on' : ''}.png`);
        const png = draw(shape, on ? themes[scheme].tabSelected : themes[scheme].tabColor);
        if (!check) writeFileSync(file, png);
        else if (!existsSync(file) || !readFileSync(file).equals(png)) stale.push(file);
      }
  if (stale.length) {
    console.error(`tab icons are stale (run npm run icons): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(check ? 'tab icons are up to date' : `tab icons written to ${OUT}`);
}

main();
