// The second, blind labels of the held-out sets (bench/data/real/second-labels): parse only. Every held snippet
// and query has exactly one second label, well-formed, and every accepted entry id is in the catalog; the loader
// refuses a snippet without one. Nothing here runs the extractor or the search engine on the held text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { loadCheck6, loadRealCorpus } from '../../bench/data/real/load';
import { secondAccepts, withSecondLabels } from '../../bench/data/real/second-labels';

const LABEL = /^(?:-?\d+|[A-Z][A-Z0-9_]*)(?:@(?:wecom|pay|wxapi))?$/;
const DATA = join(__dirname, '../../bench/data');

describe('second labels of the held snippets', () => {
  it.each([
    ['snippets-held.json', () => loadRealCorpus().held],
    ['snippets-check6.json', () => loadCheck6()],
  ])('%s labels every snippet of its set, and only those, with well-formed labels', (file, load) => {
    const set = load();
    const second = withSecondLabels(set, file);
    const raw = JSON.parse(readFileSync(join(DATA, 'real/second-labels', file), 'utf8')) as {
      labels: Record<string, unknown>;
    };
    expect(Object.keys(raw.labels).sort()).toEqual(set.map((s) => s.id).sort());
    for (const [i, s] of second.entries()) {
      expect(s.text).toBe(set[i].text);
      for (const label of [...s.explicit, ...s.implied]) expect(label).toMatch(LABEL);
    }
  });

  it('refuses a set with a snippet the file does not label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-second-'));
    try {
      writeFileSync(join(dir, 'x.json'), JSON.stringify({ about: '', labels: { a: { expected: '-' } } }));
      const snippet = { id: 'b', explicit: [], implied: [], source: 'github:o/r#1', text: 't' };
      expect(() => withSecondLabels([snippet], 'x.json', dir)).toThrow('no second label for b');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('second labels of the held queries', () => {
  const catalog = bundledCatalog();
  const real = JSON.parse(readFileSync(join(DATA, 'search-queries-real.json'), 'utf8')) as {
    split: { held: string[] };
  };
  const check6 = (
    JSON.parse(readFileSync(join(DATA, 'search-queries-check6.json'), 'utf8')) as {
      queries: { q: string }[];
    }
  ).queries.map((q) => q.q);
  it.each([
    ['queries-held.json', real.split.held],
    ['queries-check6.json', check6],
  ])('%s gives every query of its set an accept list of catalog ids', (file, texts) => {
    const accepts = secondAccepts(file);
    expect([...accepts.keys()].sort()).toEqual([...texts].sort());
    for (const ids of accepts.values()) for (const id of ids) expect(catalog.get(id)).toBeDefined();
  });
});
