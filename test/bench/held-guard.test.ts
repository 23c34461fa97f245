// Held-out data stays held out: nothing the project ships may come from a public thread that a held snippet or
// a held query was copied from (a seen-errmsg row citing one would put held wording into the catalog), and the
// search bench sets aside tune queries taken from a held query's thread. Only thread names are printed.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  heldQueryTexts,
  heldQueryThreads,
  heldSnippetThreads,
  fileThreads,
  threadKey,
  tuneSideThreads,
  usedThreads,
  withoutHeldThreads,
} from '../../bench/data/held-threads';

const sourcesDir = join(__dirname, '..', '..', 'catalog', 'sources');
const heldThreads = new Set([...heldSnippetThreads(), ...heldQueryThreads()]);

/** Every `github:` citation in the catalog's tab-separated "seen" sources (the column is named `seen`). */
function seenCitations(): { file: string; thread: string }[] {
  const out: { file: string; thread: string }[] = [];
  for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith('.tsv'))) {
    const [header, ...rows] = readFileSync(join(sourcesDir, file), 'utf8').split('\n');
    const column = header.split('\t').indexOf('seen');
    if (column < 0) continue;
    for (const row of rows)
      for (const token of (row.split('\t')[column] ?? '').split(/\s+/))
        if (token.startsWith('github:')) out.push({ file, thread: threadKey(token) });
  }
  return out;
}

describe('held-out threads stay out of what is tuned on or shipped', () => {
  it('finds the held threads and the tune-side ones (the checks are not vacuous)', () => {
    expect(heldSnippetThreads().size).toBeGreaterThan(50);
    expect(heldQueryThreads().size).toBeGreaterThan(20);
    expect(tuneSideThreads().size).toBeGreaterThan(300);
  });

  it('no seen-errmsg row of the catalog cites a held thread', () => {
    const citations = seenCitations();
    expect(citations.length).toBeGreaterThan(20);
    expect(citations.filter((c) => heldThreads.has(c.thread)).map((c) => `${c.file}: ${c.thread}`)).toEqual(
      [],
    );
  });

  it('sets aside a tune query from a held query thread or repeating a held query, and keeps the rest', () => {
    const [thread] = [...heldQueryThreads()];
    const [text] = [...heldQueryTexts()];
    const queries = [
      { q: 'a query from a held thread', source: `github:${thread}` },
      { q: text, source: 'github:nobody/nothing#1' },
      { q: 'a query from elsewhere', source: 'github:nobody/nothing#2' },
    ];
    expect(withoutHeldThreads(queries)).toEqual({ kept: [queries[2]], aside: 2 });
  });

  it('a new harvest is checked against every thread earlier data holds, held and tune alike', () => {
    const used = usedThreads();
    for (const thread of [...heldSnippetThreads(), ...heldQueryThreads(), ...tuneSideThreads()])
      expect(used.has(thread.replace(/@[0-9a-f]{7,40}$/, ''))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-new-'));
    const [old] = [...heldSnippetThreads()];
    const snippets = join(dir, 'snippets-new.txt');
    writeFileSync(
      snippets,
      `=== a | 40001 | github:${old}\ntext\n=== b | - | github:nobody/nothing#3\ntext\n`,
    );
    const queries = join(dir, 'queries-new.json');
    writeFileSync(
      queries,
      JSON.stringify({ queries: [{ q: 'x', source: 'github:Nobody/Nothing#4@abcdef1' }] }),
    );
    expect(
      fileThreads(snippets)
        .filter((e) => used.has(e.thread))
        .map((e) => e.id),
    ).toEqual(['a']);
    expect(fileThreads(queries)).toEqual([{ id: 'x', thread: 'nobody/nothing#4' }]);
  });
});
