// The public threads held-out data was copied from, so that nothing tuned on comes from them: a tune query or
// a catalog wording from the thread of a held query can carry its wording. Only thread names leave here, never
// held text or labels. Used by the search bench (tune sets set such queries aside; held is also scored on the
// part no tune-side set touches) and by test/bench/held-guard.test.ts.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { loadRealCorpus } from './real/load';

const DATA_DIR = __dirname;

interface QueryFile {
  split?: { tune: string[]; held: string[] };
  queries: { q: string; source: string }[];
}

/** A source as a thread key: `github:owner/repo#12` and `owner/repo#12` alike, case folded. */
export function threadKey(source: string): string {
  return source
    .trim()
    .replace(/^github:/, '')
    .toLowerCase();
}

let realQueries: QueryFile | undefined;
/** search-queries-real.json, read once per process. */
function realQueryFile(): QueryFile {
  if (realQueries) return realQueries;
  const data = JSON.parse(readFileSync(join(DATA_DIR, 'search-queries-real.json'), 'utf8')) as QueryFile;
  if (!data.split) throw new Error('search-queries-real.json has no split');
  return (realQueries = data);
}

/** Threads of the held part of search-queries-real.json. */
export function heldQueryThreads(): Set<string> {
  const data = realQueryFile();
  const held = new Set(data.split?.held);
  return new Set(data.queries.filter((q) => held.has(q.q)).map((q) => threadKey(q.source)));
}

/** The held queries' own texts (to refuse an exact repeat in a tune set). */
export function heldQueryTexts(): Set<string> {
  return new Set(realQueryFile().split?.held);
}

/** Threads of the held part of snippets.txt. */
export function heldSnippetThreads(): Set<string> {
  return new Set(loadRealCorpus().held.map((s) => threadKey(s.source)));
}

/**
 * Threads every tune-side query or snippet came from: the tune part of both split files, every tune-only query
 * file (search-queries-real-N.json) and every tune-only snippet file (real/snippets-tune*.txt).
 */
export function tuneSideThreads(): Set<string> {
  const threads = new Set<string>();
  const data = realQueryFile();
  const tune = new Set(data.split?.tune);
  for (const q of data.queries) if (tune.has(q.q)) threads.add(threadKey(q.source));
  for (const name of readdirSync(DATA_DIR).filter((f) => /^search-queries-real-\d+\.json$/.test(f))) {
    const file = JSON.parse(readFileSync(join(DATA_DIR, name), 'utf8')) as QueryFile;
    for (const q of file.queries) threads.add(threadKey(q.source));
  }
  for (const s of loadRealCorpus().tune) threads.add(threadKey(s.source));
  for (const name of readdirSync(join(DATA_DIR, 'real')).filter((f) => /^snippets-tune.*\.txt$/.test(f))) {
    const raw = readFileSync(join(DATA_DIR, 'real', name), 'utf8');
    for (const m of raw.matchAll(/^=== [^|]+\|[^|]*\| (.+)$/gm)) threads.add(threadKey(m[1]));
  }
  return threads;
}

/** A tune-only query set with the queries from held-query threads (or repeating a held query) set aside. */
export function withoutHeldThreads<Q extends { q: string; source?: string }>(
  queries: Q[],
): { kept: Q[]; aside: number } {
  const threads = heldQueryThreads();
  const texts = heldQueryTexts();
  const kept = queries.filter((q) => !threads.has(threadKey(q.source ?? '')) && !texts.has(q.q));
  return { kept, aside: queries.length - kept.length };
}

/** A source as its thread or file, a pinned commit (`…:README.md@05ac2d6…`) dropped. */
function threadOf(source: string): string {
  return threadKey(source).replace(/@[0-9a-f]{7,40}$/, '');
}

/** The thread of every entry of one data file: a snippet file's headers or a query file's `source` fields. */
export function fileThreads(path: string): { id: string; thread: string }[] {
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.json'))
    return (JSON.parse(raw) as QueryFile).queries.map((q) => ({ id: q.q, thread: threadOf(q.source) }));
  return [...raw.matchAll(/^=== ([^|]+)\|[^|]*\| (.+)$/gm)].map((m) => ({
    id: m[1].trim(),
    thread: threadOf(m[2]),
  }));
}

/**
 * Every thread any real data file already holds, held and tune parts alike (so a new harvest can be checked
 * without anyone learning which part a thread is in). `except` names files (base names) to leave out: the new
 * file being checked.
 */
export function usedThreads(except: readonly string[] = []): Set<string> {
  const files = [
    ...readdirSync(DATA_DIR)
      .filter((f) => /^search-queries-(?:real(?:-\d+)?|check\d+)\.json$/.test(f))
      .map((f) => join(DATA_DIR, f)),
    ...readdirSync(join(DATA_DIR, 'real'))
      .filter((f) => /^snippets.*\.txt$/.test(f))
      .map((f) => join(DATA_DIR, 'real', f)),
  ].filter((path) => !except.some((name) => path.endsWith(`/${name}`)));
  return new Set(files.flatMap((path) => fileThreads(path).map((e) => e.thread)));
}
