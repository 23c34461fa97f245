// Screenshot OCR on held-out real snippets (issue 10): a fixed subset of bench/data/real `held` rendered at phone
// width in three styles (bench/ocr/real-shots.ts), scored for explicit codes (the labels without `~`; platform
// suffix ignored) with
//   ours:     cli/ocr.ts OcrEngine (preprocessing, eng+chi_sim, English digit pass) + extractCodes
//   baseline: plain tesseract.js English OCR of the raw image + /-?\d{5,7}/g
// and the ceiling: extractCodes on the snippets' source text. Held data: scored only with WXERR_BENCH_HELD=1,
// numbers only (no per-snippet misses), as in the extract suite; nobody tunes on it.
// WXERR_OCR_REAL_SET=tune scores the same kind of subset from `tune`, printing what ours misses per image.
// Quick loops (a partial run, said so in its output; full runs are the figures): WXERR_OCR_REAL_STYLES=
// light-terminal,chat-bubble, WXERR_OCR_REAL_ONLY=3,12 (places in the subset, from 1), WXERR_OCR_REAL_BASELINE=0.
// WXERR_OCR_REAL_PAGE=2 scores the next snippets in the same order (a check on tune data not looked at yet).
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { OcrEngine } from '../../cli/ocr';
import { extractCodes } from '../../miniprogram/core/extract';
import { loadRealCorpus, type RealSnippet } from '../data/real/load';
import {
  PHONE_SCALE,
  PHONE_WIDTH,
  REAL_FONTS,
  REAL_STYLES,
  pickRealSnippets,
  renderRealShots,
  type RealShot,
  type RealStyle,
  type RenderFilter,
} from '../ocr/real-shots';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  ms: number;
  images: number;
}

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, ms: 0, images: 0 });

/** `60020@wecom` → `60020`: the suffix names the platform, which this suite does not score. */
const expectedOf = (s: RealSnippet) => [...new Set(s.explicit.map((l) => l.replace(/@\w+$/, '')))];

const ours = (text: string) =>
  extractCodes(text)
    .codes.filter((c) => !c.inferred)
    .map((c) => c.code);

const baselineRegex = (text: string) => text.match(/-?\d{5,7}/g) ?? [];

function add(t: Tally, want: string[], got: string[], ms: number): void {
  const found = new Set(got);
  const tp = want.filter((c) => found.has(c)).length;
  t.tp += tp;
  t.fp += found.size - tp;
  t.fn += want.length - tp;
  t.ms += ms;
  t.images++;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function fmt(name: string, t: Tally): string {
  const ms = t.images ? `  ${(t.ms / t.images).toFixed(0)} ms/image` : '';
  return `${name.padEnd(40)} recall ${ratio(t.tp, t.tp + t.fn).toFixed(3)}  precision ${ratio(t.tp, t.tp + t.fp).toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${ms}`;
}

async function measure(
  name: string,
  dir: string,
  shots: RealShot[],
  engine: OcrEngine,
  find: (text: string) => string[],
  showMisses: boolean,
): Promise<void> {
  const all = tally();
  const byStyle = new Map<string, Tally>();
  const byFont = new Map<string, Tally>();
  const of = (m: Map<string, Tally>, key: string) => m.get(key) ?? m.set(key, tally()).get(key)!;
  try {
    for (const shot of shots) {
      const bytes = readFileSync(join(dir, shot.file));
      const t = performance.now();
      const got = find(await engine.recognize(bytes));
      const ms = performance.now() - t;
      add(all, expectedOf(shot.snippet), got, ms);
      add(of(byStyle, shot.style), expectedOf(shot.snippet), got, ms);
      add(of(byFont, `${shot.style}, ${shot.font}`), expectedOf(shot.snippet), got, ms);
      const want = expectedOf(shot.snippet);
      const miss = want.filter((c) => !got.includes(c));
      const extra = [...new Set(got)].filter((c) => !want.includes(c));
      if (showMisses && (miss.length || extra.length))
        console.log(`  ${name}: ${shot.snippet.id} ${shot.style}: -[${miss}] +[${extra}]`);
    }
  } finally {
    await engine.terminate();
  }
  console.log(fmt(name, all));
  for (const [style, t] of byStyle) console.log(fmt(`  ${style}`, t));
  for (const [font, t] of byFont) console.log(fmt(`    ${font}`, t));
}

/** The env filters for quick loops; undefined when none is set. A bad value is one clear line. */
function filterFromEnv(count: number): RenderFilter | undefined {
  const styles = process.env.WXERR_OCR_REAL_STYLES;
  const only = process.env.WXERR_OCR_REAL_ONLY;
  if (!styles && !only) return undefined;
  const filter: RenderFilter = {};
  if (styles) {
    const names = styles.split(',').map((s) => s.trim());
    const bad = names.filter((n) => !(REAL_STYLES as readonly string[]).includes(n));
    if (bad.length) throw new Error(`WXERR_OCR_REAL_STYLES: unknown ${bad}; styles are ${REAL_STYLES}`);
    filter.styles = names as RealStyle[];
  }
  if (only) {
    const places = new Set(only.split(',').map((n) => Number(n.trim())));
    const bad = [...places].filter((n) => !Number.isInteger(n) || n < 1 || n > count);
    if (bad.length) throw new Error(`WXERR_OCR_REAL_ONLY: ${bad} not a place from 1 to ${count}`);
    filter.include = (i) => places.has(i + 1);
  }
  return filter;
}

export async function run(): Promise<void> {
  // WXERR_OCR_REAL_SET=tune renders the same kind of subset from the tuning part, with its misses, to look at.
  const set = process.env.WXERR_OCR_REAL_SET === 'tune' ? 'tune' : 'held';
  if (set === 'held' && process.env.WXERR_BENCH_HELD !== '1') {
    console.log('ocr-real: held-out screenshots not scored on this run (WXERR_BENCH_HELD=1 scores them)');
    return;
  }
  const started = performance.now();
  const page = Number(process.env.WXERR_OCR_REAL_PAGE ?? '1');
  if (!Number.isInteger(page) || page < 1) {
    console.error(`ocr-real: WXERR_OCR_REAL_PAGE=${process.env.WXERR_OCR_REAL_PAGE}: a page number from 1`);
    process.exitCode = 2;
    return;
  }
  const snippets = pickRealSnippets(loadRealCorpus()[set], 16, 4, 12, page);
  const negatives = snippets.filter((s) => s.explicit.length === 0).length;
  const codes = snippets.reduce((n, s) => n + expectedOf(s).length, 0);
  console.log(
    `${set} subset${page > 1 ? `, page ${page}` : ''}: ${snippets.length} snippets (${negatives} negatives), ${codes} explicit codes; ` +
      `${REAL_STYLES.length} styles at ${PHONE_WIDTH}px × ${PHONE_SCALE}`,
  );
  const ceiling = tally();
  for (const s of snippets) add(ceiling, expectedOf(s), ours(s.text), 0);
  console.log(fmt('ceiling (source text)', ceiling));

  console.log(`fonts in turn: ${REAL_STYLES.map((s) => `${s} ${REAL_FONTS[s].join(' / ')}`).join('; ')}`);
  let filter: RenderFilter | undefined;
  try {
    filter = filterFromEnv(snippets.length);
  } catch (error) {
    console.error(`ocr-real: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  if (filter) console.log('PARTIAL RUN (WXERR_OCR_REAL_STYLES / _ONLY set): not comparable to a full run');
  const { dir, shots } = await renderRealShots(snippets, filter);
  try {
    console.log(
      `rendered ${shots.length} screenshots in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await measure('ours: pipeline + extractor', dir, shots, new OcrEngine(), ours, set === 'tune');
    if (process.env.WXERR_OCR_REAL_BASELINE !== '0')
      await measure(
        'plain tesseract eng + regex',
        dir,
        shots,
        new OcrEngine({ langs: ['eng'], raw: true }),
        baselineRegex,
        false,
      );
  } finally {
    if (process.env.WXERR_OCR_REAL_KEEP === '1') console.log(`screenshots kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `ocr-real total ${((performance.now() - started) / 1000).toFixed(0)} s ` +
      '(time per image includes decoding and preprocessing; the first image includes worker start-up)',
  );
}
