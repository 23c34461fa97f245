// Check set 8 (branch harvest8), the third held-out set: parse only. The committed files load with well-formed
// labels, unique ids and named sources; the loader refuses a malformed label and a reused id or source, check6's
// included. Nothing here runs the extractor or the search engine on the held text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CHECK8_FILES, loadCheck8 } from '../../bench/data/real/load';
import { bundledCatalog } from '../../miniprogram/core/catalog';

const LABEL = /^(?:-?\d+|[A-Z][A-Z0-9_]*)(?:@(?:wecom|pay|wxapi))?$/;
const SOURCE = /^(?:github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)(?:@[0-9a-f]{7,40})?|page:\S+)$/;

describe('check8 snippets (snippets-check8.txt)', () => {
  const check8 = loadCheck8();
  const labelled = check8.filter((s) => s.explicit.length + s.implied.length > 0);

  it('loads at least 80 snippets: at least 45 with codes, 25 negatives, at most 20 from pages', () => {
    expect(CHECK8_FILES).toEqual(['snippets-check8.txt']);
    expect(check8.length).toBeGreaterThanOrEqual(80);
    expect(labelled.length).toBeGreaterThanOrEqual(45);
    expect(check8.length - labelled.length).toBeGreaterThanOrEqual(25);
    expect(check8.filter((s) => s.source.startsWith('page:')).length).toBeLessThanOrEqual(20);
  });

  it('has well-formed labels, unique ids, named sources and non-empty texts', () => {
    expect(new Set(check8.map((s) => s.id)).size).toBe(check8.length);
    for (const s of check8) {
      for (const label of [...s.explicit, ...s.implied]) expect(label).toMatch(LABEL);
      expect(s.source).toMatch(SOURCE);
      expect(s.text.trim()).not.toBe('');
      expect(s.text).not.toMatch(/^# why:/m);
    }
  });

  it('repeats a source only for a file quoted in several excerpts, never a thread or a page', () => {
    const seen = new Map<string, number>();
    for (const s of check8) seen.set(s.source, (seen.get(s.source) ?? 0) + 1);
    const repeated = [...seen].filter(([, n]) => n > 1).map(([source]) => source);
    for (const source of repeated) expect(source).toMatch(/^github:[\w.-]+\/[\w.-]+:\S+$/);
  });
});

describe('check8 queries (search-queries-check8.json)', () => {
  const file = join(__dirname, '../../bench/data/search-queries-check8.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    about: string;
    queries: { kind: string; q: string; accept: string[]; source: string; written: string; note?: string }[];
  };

  it('holds at least 60 queries, at most a third of them `none`, each with the fields of the real sets', () => {
    const { queries } = data;
    const ids = new Set(bundledCatalog().entries.map((e) => e.id));
    expect(data.about).toMatch(/held-out/i);
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const none = queries.filter((q) => q.accept.length === 0);
    expect(none.length * 3).toBeLessThanOrEqual(queries.length);
    expect(none.every((q) => q.kind === 'none' && !!q.note)).toBe(true);
    expect(queries.filter((q) => q.kind === 'none').every((q) => q.accept.length === 0)).toBe(true);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
    for (const q of queries) {
      expect(q.q.trim()).not.toBe('');
      expect(q.source).toMatch(SOURCE);
      expect(q.written).toMatch(/^real: /);
      for (const id of q.accept) expect(ids.has(id) ? id : `${id} (not a catalog id)`).toBe(id);
    }
  });
});

describe('loadCheck8 refuses', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-check8-'));
    writeFileSync(join(dir, 'snippets.txt'), '=== old | 40001 | github:a/b#1\ntext\n');
    writeFileSync(join(dir, 'snippets-check6.txt'), '=== six | - | github:c/d#6\ntext\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = (text: string) => {
    writeFileSync(join(dir, 'snippets-check8.txt'), text);
    return () => loadCheck8(dir);
  };

  it('a malformed label', () => {
    expect(load('=== x | 40001@mp | github:e/f#2\ntext\n')).toThrow(/x has a label/);
  });
  it('an id snippets.txt or check6 holds', () => {
    expect(load('=== old | - | github:e/f#2\ntext\n')).toThrow(/id old is not unique/);
    expect(load('=== six | - | github:e/f#2\ntext\n')).toThrow(/id six is not unique/);
  });
  it('a source check6 holds', () => {
    expect(load('=== y | - | github:c/d#6\ntext\n')).toThrow(/y quotes github:c\/d#6/);
  });
  it('a source that names no thread, file or page', () => {
    expect(load('=== z | - | somewhere\ntext\n')).toThrow(/z has a source/);
  });
  it('and loads a good file, one file quoted twice', () => {
    const text =
      '=== w | 60011@wecom | github:g/h:errcodes/mod.go\na\n=== v | 600001@wecom | github:g/h:errcodes/mod.go\nb\n';
    expect(load(text)().map((s) => [s.id, s.explicit])).toEqual([
      ['w', ['60011@wecom']],
      ['v', ['600001@wecom']],
    ]);
  });
});
