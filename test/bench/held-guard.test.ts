// Held-out data stays held out: nothing the project tunes on or ships may come from a public thread that a
// held snippet or a held query was copied from. A seen-errmsg row citing such a thread would put held wording
// into the catalog; a tune query from such a thread would let tuning see a held query's neighbour.
// On failure only thread names are printed, never held text or labels.
import { readdirSync, readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { loadRealCorpus } from '../../bench/data/real/load';

const root = join(__dirname, '..', '..');
const sourcesDir = join(root, 'catalog', 'sources');

/** A source as a thread key: `github:owner/repo#12` and `owner/repo#12` alike, case folded. */
function threadKey(source: string): string {
  return source.trim().replace(/^github:/, '').toLowerCase();
}

interface QueryFile {
  split?: { held: string[] };
  queries: { q: string; source: string }[];
}

function readQueries(name: string): QueryFile | undefined {
  const path = join(root, 'bench', 'data', name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as QueryFile) : undefined;
}

const heldSnippetThreads = new Set(loadRealCorpus().held.map((s) => threadKey(s.source)));
const realQueries = readQueries('search-queries-real.json');
if (!realQueries?.split) throw new Error('search-queries-real.json has no split');
const heldQueryText = new Set(realQueries.split.held);
const heldQueryThreads = new Set(
  realQueries.queries.filter((q) => heldQueryText.has(q.q)).map((q) => threadKey(q.source)),
);
const heldThreads = new Set([...heldSnippetThreads, ...heldQueryThreads]);

/** Every `github:` citation in the catalog's tab-separated "seen" sources (the column is named `seen`). */
function seenCitations(): { file: string; thread: string }[] {
  const out: { file: string; thread: string }[] = [];
  for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith('.tsv'))) {
    const [header, ...rows] = readFileSync(join(sourcesDir, file), 'utf8').split('\n');
    const column = header.split('\t').indexOf('seen');
    if (column < 0) continue;
    for (const row of rows) {
      for (const token of (row.split('\t')[column] ?? '').split(/\s+/)) {
        if (token.startsWith('github:')) out.push({ file, thread: threadKey(token) });
      }
    }
  }
  return out;
}

describe('held-out threads stay out of what is tuned on or shipped', () => {
  it('finds the held threads (the check is not vacuous)', () => {
    expect(heldSnippetThreads.size).toBeGreaterThan(50);
    expect(heldQueryThreads.size).toBeGreaterThan(20);
  });

  it('no seen-errmsg row of the catalog cites a held thread', () => {
    const citations = seenCitations();
    expect(citations.length).toBeGreaterThan(20);
    const bad = citations.filter((c) => heldThreads.has(c.thread)).map((c) => `${c.file}: ${c.thread}`);
    expect(bad).toEqual([]);
  });

  it('no tune-only query file takes a query from a held thread or repeats a held query', () => {
    for (const name of ['search-queries-real-2.json', 'search-queries-real-3.json']) {
      const file = readQueries(name);
      if (!file) continue;
      const fromHeld = file.queries.filter((q) => heldThreads.has(threadKey(q.source)) || heldQueryText.has(q.q));
      expect(fromHeld.map((q) => `${name}: ${threadKey(q.source)}`)).toEqual([]);
    }
  });
});
