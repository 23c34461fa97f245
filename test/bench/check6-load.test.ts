// Check set 6 (branch harvest6), the second held-out set: parse only. The committed files load with well-formed
// labels, unique ids and named sources; the loader refuses a malformed label, a reused id or source and an
// unnamed source. Nothing here runs the extractor or the search engine on the held text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CHECK6_FILES, loadCheck6 } from '../../bench/data/real/load';

const LABEL = /^(?:-?\d+|[A-Z][A-Z0-9_]*)(?:@(?:wecom|pay|wxapi))?$/;
const SOURCE = /^(?:github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)|page:\S+)$/;

describe('check6 snippets (snippets-check6.txt)', () => {
  const check6 = loadCheck6();

  it('loads at least 100 snippets, at least 35 negatives, at most 25 from pages', () => {
    expect(CHECK6_FILES).toEqual(['snippets-check6.txt']);
    expect(check6.length).toBeGreaterThanOrEqual(100);
    const negatives = check6.filter((s) => s.explicit.length + s.implied.length === 0).length;
    expect(negatives).toBeGreaterThanOrEqual(35);
    expect(check6.filter((s) => s.source.startsWith('page:')).length).toBeLessThanOrEqual(25);
  });

  it('has well-formed labels, unique ids and sources, named sources and non-empty texts', () => {
    expect(new Set(check6.map((s) => s.id)).size).toBe(check6.length);
    expect(new Set(check6.map((s) => s.source)).size).toBe(check6.length);
    for (const s of check6) {
      for (const label of [...s.explicit, ...s.implied]) expect(label).toMatch(LABEL);
      expect(s.source).toMatch(SOURCE);
      expect(s.text.trim()).not.toBe('');
      expect(s.text).not.toMatch(/^# why:/m);
    }
  });
});

describe('check6 queries (search-queries-check6.json)', () => {
  const file = join(__dirname, '../../bench/data/search-queries-check6.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    about: string;
    queries: { kind: string; q: string; accept: string[]; source: string; written: string; note?: string }[];
  };

  it('holds at least 90 queries, at most a third of them `none`, each with the fields of the real sets', () => {
    const { queries } = data;
    expect(data.about).toMatch(/held-out/i);
    expect(queries.length).toBeGreaterThanOrEqual(90);
    const none = queries.filter((q) => q.accept.length === 0);
    expect(none.length * 3).toBeLessThanOrEqual(queries.length);
    expect(none.every((q) => q.kind === 'none' && !!q.note)).toBe(true);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
    for (const q of queries) {
      expect(q.q.trim()).not.toBe('');
      expect(q.source).toMatch(SOURCE);
      expect(q.written).toMatch(/^real: /);
      for (const id of q.accept) expect(id).toMatch(/^[a-z0-9]+:(?:[A-Za-z]+:)?-?[\w]+$/);
    }
  });
});

describe('loadCheck6 refuses', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-check6-'));
    writeFileSync(join(dir, 'snippets.txt'), '=== old | 40001 | github:a/b#1\ntext\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = (text: string) => {
    writeFileSync(join(dir, 'snippets-check6.txt'), text);
    return () => loadCheck6(dir);
  };

  it('a malformed label', () => {
    expect(load('=== x | 40001@mp | github:c/d#2\ntext\n')).toThrow(/x has a label/);
  });
  it('an id an earlier file holds', () => {
    expect(load('=== old | - | github:c/d#2\ntext\n')).toThrow(/id old is not unique/);
  });
  it('a source an earlier file holds', () => {
    expect(load('=== y | - | github:a/b#1\ntext\n')).toThrow(/y quotes github:a\/b#1/);
  });
  it('a source that names no thread, file or page', () => {
    expect(load('=== z | - | somewhere\ntext\n')).toThrow(/z has a source/);
  });
  it('and loads a good file', () => {
    expect(load('=== w | ~40008@wecom | page:https://example.org/x\ntext\n')()).toEqual([
      { id: 'w', explicit: [], implied: ['40008@wecom'], source: 'page:https://example.org/x', text: 'text' },
    ]);
  });
});
