// Text → units. A unit is one English word or one Chinese bigram, with the keys it can be found by: the
// word itself, the Chinese thesaurus words that cover it, and their concepts ("@expire"). Used to index
// entry texts; queries are cut into terms by the same rules (see search.ts). Units go to a sink, and the
// text is scanned by index, so that indexing 2,600 entries allocates no object per unit or per run.
import { CONCEPTS, ZH_WORDS_BY_FIRST } from './synonyms';
import { COMPOUNDS, EN_STOP, SPLITS, foldChars, isHan, stem } from './text';

export interface UnitSink {
  /** A new unit over [start, end) of the text; its keys follow. */
  unit(start: number, end: number): void;
  /** An English word: the word itself and its concepts are its keys. */
  word(word: string): void;
  /** One key (a lone Chinese character, a thesaurus word, a concept). */
  key(key: string): void;
  /** A Chinese bigram as a number (first char code << 16 | second): no string per bigram. */
  pair(code: number): void;
}

/** A sink that keeps nothing: for the phrase form of a text alone. */
export const NO_SINK: UnitSink = {
  unit: () => undefined,
  word: () => undefined,
  key: () => undefined,
  pair: () => undefined,
};

export function pairCode(bigram: string): number {
  return (bigram.charCodeAt(0) << 16) | bigram.charCodeAt(1);
}

/** A Chinese thesaurus word and the keys it adds to the bigrams it covers (a two-character word is its bigram). */
interface ZhWord {
  word: string;
  keys: readonly string[];
}

/**
 * Thesaurus words by first char code: ZH_FIRST[code] is 1 + the index of their list in ZH_LISTS, 0 if none.
 * A typed-array test per character instead of a one-character string and a map lookup.
 */
const ZH_FIRST = new Uint16Array(65536);
const ZH_LISTS: ZhWord[][] = [];
ZH_WORDS_BY_FIRST.forEach((words, first) => {
  ZH_LISTS.push(
    words.map((w) => {
      const concepts = CONCEPTS.get(w) ?? [];
      return { word: w, keys: w.length > 2 ? [w, ...concepts] : concepts };
    }),
  );
  ZH_FIRST[first.charCodeAt(0)] = ZH_LISTS.length;
});

/** Compound first words are short: a length and first-letter test before the set lookup. */
let compoundLetters = 0;
let compoundLength = 0;

/** First words of COMPOUNDS: two words are joined into a key only when the first one can start a compound. */
const COMPOUND_FIRST = new Set<string>();
COMPOUNDS.forEach((_, pair) => {
  const first = pair.slice(0, pair.indexOf(' '));
  COMPOUND_FIRST.add(first);
  compoundLetters |= 1 << (first.charCodeAt(0) - 97);
  compoundLength = Math.max(compoundLength, first.length);
});

// The run found by the last nextRun call (one scan state: the scanner is never re-entered).
let runEnd = 0;
let runHan = false;

/** Words ([a-z0-9] after folding) and Han runs: a native scan, far cheaper than a loop without a JIT. */
const RUN = /[a-z0-9]+|[\u3400-\u9fff\uf900-\ufaff]+/g;

/** Start of the first run (an [a-z0-9] word or a Han run) at or after i, or n; sets runEnd and runHan. */
function nextRun(s: string, i: number, n: number): number {
  RUN.lastIndex = i;
  const m = RUN.exec(s);
  if (!m) {
    runEnd = n;
    return n;
  }
  runEnd = m.index + m[0].length;
  runHan = isHan(s.charCodeAt(m.index));
  return m.index;
}

/**
 * Feeds the units of a text to the sink and returns its phrase form: meaningful words and Han runs,
 * space-separated and space-framed (" invalid ip not whitelist "), for phrase tests; '' when withPhrase is
 * false (texts that are never phrase-tested need not pay for it).
 */
export function analyze(text: string, sink: UnitSink, withPhrase = true): string {
  if (!text) return ' ';
  const s = foldChars(text);
  const n = s.length;
  let phrase = withPhrase ? ' ' : '';
  let start = nextRun(s, 0, n);
  let end = runEnd;
  let han = runHan;
  while (start < n) {
    const nextStart = nextRun(s, end, n);
    const nextEnd = runEnd;
    const nextHan = runHan;
    if (han) {
      hanUnits(s, start, end, sink);
      if (withPhrase) phrase += s.slice(start, end) + ' ';
    } else {
      const raw = s.slice(start, end);
      const joined =
        nextStart < n &&
        !nextHan &&
        end - start <= compoundLength &&
        compoundLetters & (1 << (s.charCodeAt(start) - 97)) &&
        COMPOUND_FIRST.has(raw)
          ? COMPOUNDS.get(raw + ' ' + s.slice(nextStart, nextEnd))
          : undefined;
      if (joined) {
        sink.unit(start, nextEnd);
        sink.word(joined);
        if (withPhrase) phrase += joined + ' ';
        start = nextRun(s, nextEnd, n);
        end = runEnd;
        han = runHan;
        continue;
      }
      const word = stem(raw);
      if (!EN_STOP.has(word)) {
        const split = SPLITS.get(word);
        if (split) {
          for (const part of split) {
            sink.unit(start, end);
            sink.word(part);
            if (withPhrase) phrase += part + ' ';
          }
        } else {
          sink.unit(start, end);
          sink.word(word);
          if (withPhrase) phrase += word + ' ';
        }
      }
    }
    start = nextStart;
    end = nextEnd;
    han = nextHan;
  }
  return phrase;
}

/** Keys a word can be found by: itself and its concepts. */
export function keysOfWord(word: string): readonly string[] {
  const concepts = CONCEPTS.get(word);
  return concepts ? [word, ...concepts] : [word];
}

/** Bigrams of the Han run s[from, to) (a lone character is its own unit), each also keyed by the thesaurus words over it. */
function hanUnits(s: string, from: number, to: number, sink: UnitSink): void {
  if (to - from === 1) {
    sink.unit(from, to);
    sink.key(s[from]);
    return;
  }
  // Thesaurus words found in the run, as extra keys of the bigrams they cover (rare: most runs have none).
  let extra: (readonly string[])[][] | undefined;
  for (let p = from; p + 1 < to; p++) {
    const list = ZH_FIRST[s.charCodeAt(p)];
    if (!list) continue;
    // Indexed loops: this runs per Han character of every text read, and an iterator step costs an object
    // without a JIT.
    const words = ZH_LISTS[list - 1];
    for (let w = 0; w < words.length; w++) {
      const { word, keys } = words[w];
      if (p + word.length > to || !s.startsWith(word, p)) continue;
      extra ??= [];
      for (let k = p - from; k <= p - from + word.length - 2; k++) (extra[k] ??= []).push(keys);
    }
  }
  let c = s.charCodeAt(from);
  for (let p = from; p + 1 < to; p++) {
    const d = s.charCodeAt(p + 1);
    sink.unit(p, p + 2);
    sink.pair((c << 16) | d);
    c = d;
    const more = extra?.[p - from];
    if (more)
      for (let m = 0; m < more.length; m++) for (let k = 0; k < more[m].length; k++) sink.key(more[m][k]);
  }
}

/** Counts the units of a text and keeps nothing else. */
export class UnitCounter implements UnitSink {
  units = 0;
  unit(): void {
    this.units++;
  }
  word(): void {}
  key(): void {}
  pair(): void {}
}
