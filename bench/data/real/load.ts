// Loader for the real-snippet corpus (snippets.txt, split.json; see README.md here): plain file reads, so the
// bench scores exactly what is on disk. Labels are read as written, never edited.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

export interface RealSnippet {
  id: string;
  /** Explicit codes (a number or Pay code written in the text), as labelled: `40164`, `60020@wecom`. */
  explicit: string[];
  /** Codes implied only by wording (labelled with `~`), without the `~`. */
  implied: string[];
  source: string;
  text: string;
}

export interface RealCorpus {
  tune: RealSnippet[];
  held: RealSnippet[];
}

/** Where the snippet files are; tests point it at a temporary directory. */
const DATA_DIR = __dirname;

/** A header's expected field (`40164,~42001@wecom`, `-` for none) as explicit and implied (`~`) labels. */
export function labelsOf(expected: string): Pick<RealSnippet, 'explicit' | 'implied'> {
  const labels = expected.trim() === '-' ? [] : expected.split(',').map((l) => l.trim());
  return {
    explicit: labels.filter((l) => !l.startsWith('~')),
    implied: labels.filter((l) => l.startsWith('~')).map((l) => l.slice(1)),
  };
}

function parseSnippets(raw: string): RealSnippet[] {
  const snippets: RealSnippet[] = [];
  const blocks = raw.split(/^=== /m).slice(1);
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    const header = (newline === -1 ? block : block.slice(0, newline)).trim();
    const parts = header.split(' | ');
    if (parts.length < 3) throw new Error(`bad snippet header: ${header}`);
    const [id, expected, source] = [parts[0].trim(), parts[1].trim(), parts.slice(2).join(' | ').trim()];
    const body = newline === -1 ? '' : block.slice(newline + 1);
    const text = body
      .split('\n')
      .filter((line) => !line.startsWith('# why:'))
      .join('\n')
      .replace(/\s+$/, '');
    snippets.push({
      id,
      ...labelsOf(expected),
      source,
      text,
    });
  }
  return snippets;
}

/** The corpus split as split.json says (every id must be in exactly one part). */
export function loadRealCorpus(dir: string = DATA_DIR): RealCorpus {
  const snippets = parseSnippets(readFileSync(join(dir, 'snippets.txt'), 'utf8'));
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as {
    tune: string[];
    held: string[];
  };
  const byId = new Map(snippets.map((s) => [s.id, s]));
  const pick = (ids: string[]) =>
    ids.map((id) => {
      const s = byId.get(id);
      if (!s) throw new Error(`split.json names ${id}, which snippets.txt lacks`);
      return s;
    });
  const corpus = { tune: pick(split.tune), held: pick(split.held) };
  if (corpus.tune.length + corpus.held.length !== snippets.length)
    throw new Error(
      `split.json covers ${corpus.tune.length + corpus.held.length} of ${snippets.length} snippets`,
    );
  return corpus;
}

/** A label as the header of snippets.txt defines it: a number or a Pay code, then an optional platform. */
const LABEL = /^(?:-?\d+|[A-Z][A-Z0-9_]*)(?:@(?:wecom|pay|wxapi))?$/;

/** The second harvest's files: tune only, never split (b, c, d were harvested after changes it led to). */
export const TUNE2_FILES = [
  'snippets-tune2.txt',
  'snippets-tune2b.txt',
  'snippets-tune2c.txt',
  'snippets-tune2d.txt',
] as const;

/** The third harvest (branch scan3): tune only, never split, labelled before any code ran on it. */
export const TUNE3_FILES = ['snippets-tune3.txt'] as const;

/** The fourth harvest (branch scan4): tune only, never split, labelled before any code ran on it. */
export const TUNE4_FILES = ['snippets-tune4.txt'] as const;

/** The fifth harvest (branch scan5): tune only, never split, labelled before any code ran on it. */
export const TUNE5_FILES = ['snippets-tune5.txt'] as const;

/** The sixth harvest (branch scan6): tune only, never split, labelled before any code ran on it. */
export const TUNE6_FILES = ['snippets-tune6.txt'] as const;

/** The seventh harvest (branch harvest7): tune only, never split, labelled before any code ran on it. */
export const TUNE7_FILES = ['snippets-tune7.txt'] as const;

/** Every tune-only file in harvest order: each is checked against snippets.txt and the files before it. */
const EXTRA_TUNE_FILES: readonly string[] = [
  ...TUNE2_FILES,
  ...TUNE3_FILES,
  ...TUNE4_FILES,
  ...TUNE5_FILES,
  ...TUNE6_FILES,
  ...TUNE7_FILES,
];

/**
 * The tune-only harvests (the files named, all of them by default): never split. None may share an id or a
 * source thread with snippets.txt or with an earlier file: a thread in two files could carry held-out text into
 * what is tuned on.
 */
export function loadTuneFiles(
  dir: string = DATA_DIR,
  files: readonly string[] = EXTRA_TUNE_FILES,
): RealSnippet[] {
  const first = parseSnippets(readFileSync(join(dir, 'snippets.txt'), 'utf8'));
  const ids = new Set(first.map((s) => s.id));
  const sources = new Set(first.map((s) => s.source));
  const all: RealSnippet[] = [];
  for (const file of EXTRA_TUNE_FILES.filter((f) => existsSync(join(dir, f)))) {
    const checked = checkedFile(dir, file, ids, sources);
    if (files.includes(file)) all.push(...checked);
  }
  return all;
}

/**
 * One later file's snippets, each checked against the files read before it: labels well-formed, ids unique,
 * no thread an earlier file holds (a file may quote one thread several times); `sourceOk` checks the source's
 * form where a file requires one. Adds the file's ids and sources to the sets.
 */
function checkedFile(
  dir: string,
  file: string,
  ids: Set<string>,
  sources: Set<string>,
  sourceOk?: RegExp,
): RealSnippet[] {
  const seenSources = new Set<string>();
  const snippets = parseSnippets(readFileSync(join(dir, file), 'utf8'));
  for (const s of snippets) {
    const bad = [...s.explicit, ...s.implied].find((l) => !LABEL.test(l));
    if (bad) throw new Error(`${file}: ${s.id} has a label not of the form CODE[@wecom|@pay|@wxapi]: ${bad}`);
    if (ids.has(s.id)) throw new Error(`${file}: id ${s.id} is not unique`);
    if (sourceOk && !sourceOk.test(s.source))
      throw new Error(`${file}: ${s.id} has a source not github:… or page:…`);
    if (sources.has(s.source))
      throw new Error(`${file}: ${s.id} quotes ${s.source}, a thread an earlier file already holds`);
    ids.add(s.id);
    seenSources.add(s.source);
  }
  for (const source of seenSources) sources.add(source);
  return snippets;
}

/**
 * Every real snippet harvested before the first of `files` (snippets.txt's tune and held parts, then each
 * earlier tune file): what a new harvest's test checks it repeats no id or source of.
 */
export function harvestsBefore(files: readonly string[], dir: string = DATA_DIR): RealSnippet[] {
  const { tune, held } = loadRealCorpus(dir);
  const at = EXTRA_TUNE_FILES.indexOf(files[0]);
  const earlier = EXTRA_TUNE_FILES.slice(0, at < 0 ? EXTRA_TUNE_FILES.length : at);
  return [...tune, ...held, ...(earlier.length ? loadTuneFiles(dir, earlier) : [])];
}

/** The second harvest (TUNE2_FILES, or the ones named). */
export function loadTune2(dir: string = DATA_DIR, files: readonly string[] = TUNE2_FILES): RealSnippet[] {
  return loadTuneFiles(dir, files);
}

/** The third harvest (TUNE3_FILES). */
export function loadTune3(dir: string = DATA_DIR): RealSnippet[] {
  return loadTuneFiles(dir, TUNE3_FILES);
}

/** The fourth harvest (TUNE4_FILES). */
export function loadTune4(dir: string = DATA_DIR): RealSnippet[] {
  return loadTuneFiles(dir, TUNE4_FILES);
}

/** The fifth harvest (TUNE5_FILES). */
export function loadTune5(dir: string = DATA_DIR): RealSnippet[] {
  return loadTuneFiles(dir, TUNE5_FILES);
}

/** The sixth harvest (TUNE6_FILES). */
export function loadTune6(dir: string = DATA_DIR): RealSnippet[] {
  return loadTuneFiles(dir, TUNE6_FILES);
}

/** The seventh harvest (TUNE7_FILES). */
export function loadTune7(dir: string = DATA_DIR): RealSnippet[] {
  return loadTuneFiles(dir, TUNE7_FILES);
}

/**
 * Every tune batch in harvest order, named as the benches print them: tune (the tune split of snippets.txt), then
 * tune2 (its four files together) … tune7. A new tune harvest joins here and every suite and test that reads
 * the batches picks it up.
 */
export function tuneBatches(dir: string = DATA_DIR): [string, RealSnippet[]][] {
  return [
    ['tune', loadRealCorpus(dir).tune],
    ['tune2', loadTune2(dir)],
    ['tune3', loadTune3(dir)],
    ['tune4', loadTune4(dir)],
    ['tune5', loadTune5(dir)],
    ['tune6', loadTune6(dir)],
    ['tune7', loadTune7(dir)],
  ];
}

/**
 * Check set 6 (branch harvest6): a SECOND held-out set, never tuned on and never split, labelled before any code
 * ran on it; scored only with WXERR_BENCH_HELD=1, numbers only.
 */
export const CHECK6_FILES = ['snippets-check6.txt'] as const;

/** A source as the snippet headers write it: a GitHub thread or file (`github:…`) or a stored page (`page:…`). */
const SOURCE = /^(?:github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)(?:@[0-9a-f]{7,40})?|page:\S+)$/;

/**
 * Check set 8 (branch harvest8): a THIRD held-out set, never tuned on and never split, labelled before any code
 * ran on it; scored only with WXERR_BENCH_HELD=1, numbers only. Checked against check6 too.
 */
export const CHECK8_FILES = ['snippets-check8.txt'] as const;

/**
 * The held check files (CHECK6_FILES, or the ones named). Each label must be well formed, each id unique across
 * snippets.txt, every tune-only file and the check files, each source well formed and held by no earlier file (a
 * thread in two files could carry held-out text into what is tuned on; `npm run data:check` checks threads).
 * `before`: earlier check files, read and checked first but not returned (a later check set repeats none of them).
 */
export function loadCheck6(
  dir: string = DATA_DIR,
  files: readonly string[] = CHECK6_FILES,
  before: readonly string[] = [],
): RealSnippet[] {
  const earlier = [
    ...parseSnippets(readFileSync(join(dir, 'snippets.txt'), 'utf8')),
    ...EXTRA_TUNE_FILES.filter((f) => existsSync(join(dir, f))).flatMap((f) =>
      parseSnippets(readFileSync(join(dir, f), 'utf8')),
    ),
  ];
  const ids = new Set(earlier.map((s) => s.id));
  const sources = new Set(earlier.map((s) => s.source));
  for (const file of before.filter((f) => existsSync(join(dir, f))))
    checkedFile(dir, file, ids, sources, SOURCE);
  const all: RealSnippet[] = [];
  for (const file of files) all.push(...checkedFile(dir, file, ids, sources, SOURCE));
  return all;
}

/** Check set 8 (CHECK8_FILES): loaded like check6, and refused where it repeats an id or a source of check6. */
export function loadCheck8(dir: string = DATA_DIR): RealSnippet[] {
  return loadCheck6(dir, CHECK8_FILES, CHECK6_FILES);
}
