// Text → units. A unit is one English word or one Chinese bigram, with the keys it can be found by: the
// word itself, the Chinese thesaurus words that cover it, and their concepts ("@expire"). Used to index
// entry texts; queries are cut into terms by the same rules (see search.ts). Units go to a sink, so that
// indexing 2,600 entries allocates no object per unit.
import { CONCEPTS, ZH_WORDS_BY_FIRST } from './synonyms';
import { COMPOUNDS, EN_STOP, SPLITS, foldChars, runs, stem } from './text';

export interface UnitSink {
  /** A new unit over [start, end) of the text; its keys follow. */
  unit(start: number, end: number): void;
  key(key: string): void;
  /** A Chinese bigram as a number (first char code · 65536 + second): no string per bigram. */
  pair(code: number): void;
}

export function pairCode(bigram: string): number {
  return bigram.charCodeAt(0) * 65536 + bigram.charCodeAt(1);
}

/**
 * Feeds the units of a text to the sink and returns its phrase form: meaningful words and Han runs,
 * space-separated and space-framed (" invalid ip not whitelist "), for phrase tests.
 */
export function analyze(text: string, sink: UnitSink): string {
  if (!text) return ' ';
  const rs = runs(foldChars(text));
  let phrase = ' ';
  for (let i = 0; i < rs.length; i++) {
    const run = rs[i];
    if (run.han) {
      hanUnits(run.text, run.start, sink);
      phrase += run.text + ' ';
      continue;
    }
    const next = rs[i + 1];
    if (next && !next.han) {
      const joined = COMPOUNDS.get(run.text + ' ' + next.text);
      if (joined) {
        sink.unit(run.start, next.end);
        wordKeys(joined, sink);
        phrase += joined + ' ';
        i++;
        continue;
      }
    }
    const word = stem(run.text);
    if (EN_STOP.has(word)) continue;
    const split = SPLITS.get(word);
    for (const part of split ?? [word]) {
      sink.unit(run.start, run.end);
      wordKeys(part, sink);
      phrase += part + ' ';
    }
  }
  return phrase;
}

function wordKeys(word: string, sink: UnitSink): void {
  sink.key(word);
  const concepts = CONCEPTS.get(word);
  if (concepts) for (const c of concepts) sink.key(c);
}

/** Keys a word can be found by: itself and its concepts. */
export function keysOfWord(word: string): readonly string[] {
  const concepts = CONCEPTS.get(word);
  return concepts ? [word, ...concepts] : [word];
}

/** Bigrams of a Han run (a lone character is its own unit), each also keyed by the thesaurus words over it. */
function hanUnits(t: string, offset: number, sink: UnitSink): void {
  if (t.length === 1) {
    sink.unit(offset, offset + 1);
    sink.key(t);
    return;
  }
  // Thesaurus words found in the run, as extra keys of the bigrams they cover (rare: most runs have none).
  let extra: string[][] | undefined;
  for (let p = 0; p + 1 < t.length; p++) {
    const words = ZH_WORDS_BY_FIRST.get(t[p]);
    if (!words) continue;
    for (const w of words) {
      if (!t.startsWith(w, p)) continue;
      extra ??= [];
      const keys = w.length > 2 ? [w, ...(CONCEPTS.get(w) ?? [])] : (CONCEPTS.get(w) ?? []);
      for (let k = p; k <= p + w.length - 2; k++) (extra[k] ??= []).push(...keys);
    }
  }
  for (let k = 0; k + 1 < t.length; k++) {
    sink.unit(offset + k, offset + k + 2);
    sink.pair(t.charCodeAt(k) * 65536 + t.charCodeAt(k + 1));
    const more = extra?.[k];
    if (more) for (const key of more) sink.key(key);
  }
}
