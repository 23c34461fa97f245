// Text → units. A unit is one English word or one Chinese bigram, with the keys it can be found by: the
// word itself, the Chinese thesaurus words that cover it, and their concepts ("@expire"). Used to index
// entry texts and to find highlight ranges; queries are cut into terms by the same rules (see terms.ts).
import { CONCEPTS, ZH_WORDS_BY_FIRST } from './synonyms';
import { COMPOUNDS, EN_STOP, SPLITS, foldChars, runs, stem, type Run } from './text';

export interface Unit {
  keys: string[];
  start: number;
  end: number;
}

export function analyze(text: string): Unit[] {
  const units: Unit[] = [];
  if (!text) return units;
  const rs = runs(foldChars(text));
  for (let i = 0; i < rs.length; i++) {
    const run = rs[i];
    if (run.han) {
      hanUnits(run, units);
      continue;
    }
    const next = rs[i + 1];
    if (next && !next.han) {
      const joined = COMPOUNDS.get(run.text + ' ' + next.text);
      if (joined) {
        units.push({ keys: wordKeys(joined), start: run.start, end: next.end });
        i++;
        continue;
      }
    }
    const word = stem(run.text);
    if (EN_STOP.has(word)) continue;
    const split = SPLITS.get(word);
    if (split) for (const part of split) units.push({ keys: wordKeys(part), start: run.start, end: run.end });
    else units.push({ keys: wordKeys(word), start: run.start, end: run.end });
  }
  return units;
}

export function wordKeys(word: string): string[] {
  const concepts = CONCEPTS.get(word);
  return concepts ? [word, ...concepts] : [word];
}

/** Bigrams of a Han run (a lone character is its own unit), each also keyed by the thesaurus words over it. */
function hanUnits(run: Run, units: Unit[]): void {
  const t = run.text;
  if (t.length === 1) {
    units.push({ keys: [t], start: run.start, end: run.end });
    return;
  }
  const first = units.length;
  for (let k = 0; k + 1 < t.length; k++)
    units.push({ keys: [t.slice(k, k + 2)], start: run.start + k, end: run.start + k + 2 });
  for (let p = 0; p + 1 < t.length; p++) {
    const words = ZH_WORDS_BY_FIRST.get(t[p]);
    if (!words) continue;
    for (const w of words) {
      if (!t.startsWith(w, p)) continue;
      const extra = w.length > 2 ? [w, ...(CONCEPTS.get(w) ?? [])] : (CONCEPTS.get(w) ?? []);
      for (let k = p; k <= p + w.length - 2; k++) {
        const keys = units[first + k].keys;
        for (const key of extra) if (!keys.includes(key)) keys.push(key);
      }
    }
  }
}
