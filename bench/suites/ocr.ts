// Screenshot OCR: recall and precision of error codes found in the committed screenshots (bench/ocr/shots,
// rendered by bench/ocr/render.ts), for
//   pipeline: preprocessing + tesseract.js eng+chi_sim + English digit pass + extractCodes
//   baseline: plain tesseract.js English OCR of the raw image + /\b\d{5,7}\b/
// and the ceiling: extractCodes on the snippets' source text (what the extractor finds without OCR).
import { readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { OcrEngine } from '../../cli/ocr';
import { extractCodes } from '../../miniprogram/core/extract';
import type { Shot } from '../ocr/render';
import { SNIPPETS } from '../ocr/snippets';

const SHOTS = join(__dirname, '..', 'ocr', 'shots');

interface Tally {
  tp: number;
  found: number;
  expected: number;
  ms: number;
  images: number;
}

const tally = (): Tally => ({ tp: 0, found: 0, expected: 0, ms: 0, images: 0 });

function add(t: Tally, expected: string[], got: string[], ms: number): void {
  const unique = [...new Set(got)];
  t.tp += unique.filter((c) => expected.includes(c)).length;
  t.found += unique.length;
  t.expected += expected.length;
  t.ms += ms;
  t.images++;
}

function fmt(name: string, t: Tally): string {
  const p = t.found ? t.tp / t.found : 1;
  const r = t.expected ? t.tp / t.expected : 1;
  const ms = t.images ? t.ms / t.images : 0;
  return `${name.padEnd(22)} recall ${r.toFixed(3)}  precision ${p.toFixed(3)}  (${t.tp}/${t.expected} expected, ${t.found} found)  ${ms.toFixed(0)} ms/image`;
}

function groups(shot: Shot): string[] {
  return [
    shot.theme,
    shot.lang,
    shot.small ? 'small' : 'full-size',
    shot.file.endsWith('.jpg') ? 'jpeg' : 'png',
  ];
}

async function measure(
  name: string,
  shots: Shot[],
  read: (bytes: Uint8Array) => Promise<string[]>,
  verbose: boolean,
): Promise<void> {
  const all = tally();
  const by = new Map<string, Tally>();
  for (const shot of shots) {
    const bytes = readFileSync(join(SHOTS, shot.file));
    const t = performance.now();
    const got = await read(bytes);
    const ms = performance.now() - t;
    add(all, shot.codes, got, ms);
    for (const g of groups(shot)) {
      if (!by.has(g)) by.set(g, tally());
      add(by.get(g)!, shot.codes, got, ms);
    }
    const missed = shot.codes.filter((c) => !got.includes(c));
    const wrong = [...new Set(got)].filter((c) => !shot.codes.includes(c));
    if (verbose && (missed.length || wrong.length)) {
      console.log(`  ${name}: ${shot.file}: missed [${missed}] extra [${wrong}]`);
    }
  }
  console.log(fmt(name, all));
  for (const [g, t] of [...by].sort()) console.log(fmt(`  ${g}`, t));
}

export async function run(): Promise<void> {
  const shots = JSON.parse(readFileSync(join(SHOTS, 'manifest.json'), 'utf8')) as Shot[];
  const verbose = process.env.WXERR_BENCH_VERBOSE !== '0';
  console.log(`${shots.length} screenshots (bench/ocr/shots; regenerate with bench/ocr/render.ts)`);

  const ceiling = tally();
  for (const s of SNIPPETS)
    add(
      ceiling,
      s.codes,
      extractCodes(s.text).codes.map((c) => c.code),
      0,
    );
  console.log(fmt('ceiling (source text)', ceiling));

  const pipeline = new OcrEngine();
  try {
    await measure(
      'pipeline',
      shots,
      async (bytes) => extractCodes(await pipeline.recognize(bytes)).codes.map((c) => c.code),
      verbose,
    );
  } finally {
    await pipeline.terminate();
  }

  const baseline = new OcrEngine({ langs: ['eng'], raw: true });
  try {
    await measure(
      'baseline eng + regex',
      shots,
      async (bytes) => (await baseline.recognize(bytes)).match(/\b\d{5,7}\b/g) ?? [],
      false,
    );
  } finally {
    await baseline.terminate();
  }
  console.log(
    '(time per image includes decoding and preprocessing; the first image includes worker start-up)',
  );
}
