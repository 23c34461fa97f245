// Speed work must not change answers. This dumps what the extractor and `wxerr scan` give on the texts the
// benches use and compares it with bench/data/results-baseline.jsonl (committed):
//   - extractCodes() on every extract fixture (tuned and blind sets), every tune snippet of the real corpus
//     (bench/data/real, tune ids only: the held part is never read here) and the extract bench's 1 MB paste;
//   - the `wxerr scan --json` summary (codes, counts, first and last places, evidence, rids) of the
//     scan-stream bench's generated log, run in-process through the CLI's own scanSources().
// npx ts-node --transpile-only bench/results-check.ts           compare (exit 1 and a diff per item when any differs)
// npx ts-node --transpile-only bench/results-check.ts --write   regenerate the baseline (after a rule change)
// WXERR_CHECK_MB=50 checks a smaller stream log (the baseline keeps one summary per size).
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { scanSources, toJson } from '../cli/commands/scan';
import type { CliIO } from '../cli/io';
import { extractCodes } from '../miniprogram/core/extract';
import { loadExtractFixtures } from './data/extract-fixtures';
import { loadRealCorpus } from './data/real/load';
import { buildLog } from './suites/extract';
import { generate } from './suites/scan-stream';

const BASELINE = join(__dirname, 'data', 'results-baseline.jsonl');
const STREAM_MB = Number(process.env.WXERR_CHECK_MB ?? 200);

interface Item {
  set: string;
  id: string;
  result: unknown;
}

/** Same format as extract-fixtures.txt (the extract bench's own loader for it is private to the suite). */
function blindFixtures(): { name: string; text: string }[] {
  return readFileSync(join(__dirname, 'data', 'extract-fixtures-blind.txt'), 'utf8')
    .split(/^=== /m)
    .slice(1)
    .map((part) => {
      const newline = part.indexOf('\n');
      return {
        name: part.slice(0, newline).split(' | ')[0].trim(),
        text: part.slice(newline + 1).replace(/\n+$/, ''),
      };
    });
}

function extractItems(): Item[] {
  const items: Item[] = [];
  const fixtures = loadExtractFixtures();
  for (const f of fixtures) items.push({ set: 'fixtures', id: f.name, result: extractCodes(f.text) });
  for (const f of blindFixtures()) items.push({ set: 'blind', id: f.name, result: extractCodes(f.text) });
  for (const s of loadRealCorpus().tune)
    items.push({ set: 'real-tune', id: s.id, result: extractCodes(s.text) });
  items.push({ set: 'paste', id: '1mb', result: extractCodes(buildLog(fixtures, 1024 * 1024)) });
  return items;
}

/** What a scan prints to stderr is counted; stdout is not used (toJson reads the run). */
function quietIO(stderr: string[]): CliIO {
  return {
    out: () => undefined,
    err: (t) => stderr.push(t),
    readStdin: async () => '',
    stdin: () => Readable.from([]),
    color: false,
    width: 80,
    lang: 'en',
  };
}

async function streamItem(): Promise<Item> {
  const dir = mkdtempSync(join(tmpdir(), 'wxerr-results-check-'));
  try {
    const log = generate(join(dir, 'app.log'), STREAM_MB * 1024 * 1024);
    const stderr: string[] = [];
    const json = toJson(await scanSources([log.file], quietIO(stderr)));
    const rids = json.rids.join('\n');
    return {
      set: 'stream',
      id: `${STREAM_MB}mb`,
      result: {
        // Catalog entries by id only; the place's file is the temp path, so only its line counts.
        codes: json.codes.map(({ entries, first, last, ...rest }) => ({
          ...rest,
          entries: entries.map((e) => e.id),
          first: first.line,
          last: last.line,
        })),
        rids: { count: json.rids.length, sha1: createHash('sha1').update(rids).digest('hex') },
        // `extracted` (lines the prefilter passed) is a speed figure, not an answer: left out.
        lines: json.summary.lines,
        bytes: json.summary.bytes,
        occurrences: json.summary.occurrences,
        problems: json.problems.length,
        stderr: stderr.length,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyOf = (i: Item) => `${i.set}|${i.id}`;

function readBaseline(): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(BASELINE)) return map;
  for (const line of readFileSync(BASELINE, 'utf8').split('\n')) {
    if (!line) continue;
    map.set(keyOf(JSON.parse(line) as Item), line);
  }
  return map;
}

/** The first differing stretch of two JSON lines, enough to see what changed. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `    baseline …${a.slice(from, i + 160)}…\n    now      …${b.slice(from, i + 160)}…`;
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const items = [...extractItems(), await streamItem()];
  const baseline = readBaseline();
  const now = new Map(items.map((i) => [keyOf(i), JSON.stringify(i)]));
  if (write) {
    // Other stream sizes already in the baseline are kept.
    for (const [key, line] of baseline) if (!now.has(key) && key.startsWith('stream|')) now.set(key, line);
    writeFileSync(BASELINE, [...now.values()].join('\n') + '\n');
    console.log(`results-check: wrote ${now.size} items to ${BASELINE}`);
    return;
  }
  let differing = 0;
  for (const [key, line] of now) {
    const before = baseline.get(key);
    if (before === line) continue;
    differing++;
    console.log(
      before === undefined ? `  new      ${key}` : `  differs  ${key}\n${firstDifference(before, line)}`,
    );
  }
  const missing = [...baseline.keys()].filter((k) => !now.has(k) && !k.startsWith('stream|'));
  for (const key of missing) console.log(`  missing  ${key}`);
  const total = differing + missing.length;
  console.log(
    `results-check: ${now.size - differing} of ${now.size} items identical to the baseline${total ? `, ${total} not` : ''} (stream log ${STREAM_MB} MB)`,
  );
  process.exitCode = total ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
