// What a developer would pick instead of wxerr's engine: fuse.js and minisearch on the same catalog, set up
// the usual way (Chinese as bigrams). Shared by the search suite and the cold-start children.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Catalog } from '../../miniprogram/core/catalog';
import type { Entry } from '../../miniprogram/core/types';

export interface Engine {
  name: string;
  build(catalog: Catalog): void;
  /** Ids of the first `limit` hits. */
  search(q: string, limit: number): string[];
}

/** Chinese as overlapping bigrams, other text as words: the usual way to give these libraries Chinese. */
function tokenizeMixed(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[a-z0-9]+|[\u3400-\u9fff]+/g) ?? []) {
    if (/^[a-z0-9]/.test(run)) out.push(run);
    else if (run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

interface Doc {
  id: string;
  code: string;
  en: string;
  zh: string;
  fix: string;
  other: string;
}

function docs(catalog: Catalog): Doc[] {
  return catalog.entries.map((e: Entry) => ({
    id: e.id,
    code: e.code,
    en: e.en,
    zh: e.zh,
    fix: e.fix ?? '',
    other: e.texts
      .slice(1)
      .map((t) => `${t.en} ${t.zh}`)
      .join(' '),
  }));
}

export const fuse = (): Engine => {
  let engine: Fuse<Doc> | undefined;
  return {
    name: 'fuse.js',
    build: (catalog) =>
      (engine = new Fuse(docs(catalog), {
        keys: [
          { name: 'code', weight: 3 },
          { name: 'en', weight: 2 },
          { name: 'zh', weight: 2 },
          { name: 'fix', weight: 1 },
          { name: 'other', weight: 1 },
        ],
        threshold: 0.4,
        ignoreLocation: true,
        includeScore: true,
      })),
    search: (q, limit) => engine!.search(q, { limit }).map((r) => r.item.id),
  };
};

export const minisearch = (): Engine => {
  let engine: MiniSearch<Doc> | undefined;
  return {
    name: 'minisearch',
    build: (catalog) => {
      engine = new MiniSearch<Doc>({
        fields: ['code', 'en', 'zh', 'fix', 'other'],
        storeFields: ['id'],
        tokenize: tokenizeMixed,
        searchOptions: {
          boost: { code: 5, en: 2, zh: 2, fix: 1, other: 1 },
          fuzzy: 0.2,
          prefix: true,
          combineWith: 'OR',
          tokenize: tokenizeMixed,
        },
      });
      engine.addAll(docs(catalog));
    },
    search: (q, limit) =>
      engine!
        .search(q)
        .slice(0, limit)
        .map((r) => String(r.id)),
  };
};
