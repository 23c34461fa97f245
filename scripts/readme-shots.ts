// README screenshots: `npm run preview:pages` first, then `npm run shots` copies a few states from
// build/preview/ into docs/screenshots/ at half size (375 px wide, averaged 2×2), small enough to commit.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PNG } from 'pngjs';

const ROOT = join(__dirname, '..');
const FROM = join(ROOT, 'build', 'preview');
const TO = join(ROOT, 'docs', 'screenshots');
/** Preview state → README name. */
const SHOTS: Record<string, string> = {
  'search-ip-whitelist-light': 'search-light',
  'detail-40001-light': 'detail-light',
  'scan-results-dark': 'scan-results-dark',
};

function half(src: PNG): PNG {
  const out = new PNG({ width: src.width >> 1, height: src.height >> 1, colorType: 2 });
  for (let y = 0; y < out.height; y++)
    for (let x = 0; x < out.width; x++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ])
          sum += src.data[((2 * y + dy) * src.width + 2 * x + dx) * 4 + c];
        out.data[(y * out.width + x) * 4 + c] = Math.round(sum / 4);
      }
  return out;
}

mkdirSync(TO, { recursive: true });
for (const [state, name] of Object.entries(SHOTS)) {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(join(FROM, `${state}.png`)));
  } catch {
    console.error(`no ${state}.png in build/preview: run npm run preview:pages first`);
    process.exit(1);
  }
  writeFileSync(join(TO, `${name}.png`), PNG.sync.write(half(png), { colorType: 2 }));
}
console.log(`${Object.keys(SHOTS).length} screenshots → ${TO}`);
