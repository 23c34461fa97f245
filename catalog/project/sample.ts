// Prints a reproducible random sample of the project's translations beside the text each translates, for
// proof-reading: `npx ts-node --transpile-only catalog/project/sample.ts [count] [seed]`.
import type { Entry } from '../../miniprogram/core/types';
import { buildFullCatalog } from '../generate';

export interface SampleRow {
  id: string;
  lang: 'zh' | 'en';
  /** Source id of the text that was translated. */
  from: string;
  source: string;
  translation: string;
}

/** `count` distinct project translations chosen by a seeded generator (same seed, same sample). */
export function sampleTranslations(entries: readonly Entry[], count: number, seed: number): SampleRow[] {
  const pool: SampleRow[] = [];
  for (const e of entries) {
    if (e.zhSource === 'wxerr')
      pool.push({ id: e.id, lang: 'zh', from: e.enSource ?? '', source: e.en, translation: e.zh });
    if (e.enSource === 'wxerr')
      pool.push({ id: e.id, lang: 'en', from: e.zhSource ?? '', source: e.zh, translation: e.en });
  }
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const picked = new Set<number>();
  while (picked.size < Math.min(count, pool.length)) picked.add(Math.floor(next() * pool.length));
  return [...picked].map((i) => pool[i]);
}

if (require.main === module) {
  const [count = '40', seed = '20261121'] = process.argv.slice(2);
  const { data } = buildFullCatalog();
  for (const r of sampleTranslations(data.entries, Number(count), Number(seed)))
    console.log(`${r.id}\t${r.lang}\t[${r.from}] ${r.source}\t→ ${r.translation}`);
}
