// Query parsing, second half: the text a query leaves (search/query.ts takes the codes and the noise out) →
// terms. A term is one word or Chinese piece with the index keys that can match it, each with a quality:
// exact word 1, thesaurus word 0.9, typo 0.8/0.65, completion of the word being typed 0.7. Platform words
// ("小店", "cloud") become terms marked with their platform (see search/rank.ts and search/held.ts).
import { platformRank } from '../platforms';
import type { Dictionary } from './dictionary';
import { keysOfWord } from './analyze';
import { findPlatformWords } from './platformWords';
import { CONCEPTS, ZH_WORDS_BY_FIRST } from './synonyms';
import { COMPOUNDS, EN_STOP, SPLITS, ZH_STOP_CHARS, isHan, runs, stem } from './text';
import { boundedDistance, letterMask, maxEdits, popcount } from './typo';

export const Q_EXACT = 1;
export const Q_CONCEPT = 0.9;
const Q_TYPO1 = 0.8;
const Q_TYPO2 = 0.65;
const Q_PREFIX = 0.7;
export const MAX_TERMS = 40;

export interface Term {
  keys: number[];
  quality: number[];
  weight: number;
  /** The query's word or Chinese piece (search/evidence.ts reads which kind of word matched). */
  text?: string;
  /** For a platform word ("小店", "cloud"): its platform's bit. Entries of that platform match it as if their
   * text had it (entries never name their own platform). */
  platforms?: number;
}

export interface QueryTerms {
  terms: Term[];
  /** Platforms the query names, as bits 1 << place in PLATFORMS. */
  named: number;
  /** Words the catalog has no key for, not even through a typo. */
  unknown: number;
}

interface VocabWord {
  word: string;
  id: number;
  mask: number;
}

/** English words of the catalog for typo correction (built on the first query that needs it). */
interface Vocabulary {
  /** By length, so a typo scan only reads words of a possible length. */
  byLength: VocabWord[][];
}

export class TermParser {
  private vocabulary: Vocabulary | undefined;

  constructor(
    private readonly dict: Dictionary,
    private readonly entryCount: number,
  ) {}

  /** Terms of the query text: English words and Chinese words/bigrams, each with the keys that can match it. */
  parse(text: string, open: boolean): QueryTerms {
    const out: QueryTerms = { terms: [], named: 0, unknown: 0 };
    const seen = new Set<string>();
    const found = findPlatformWords(text);
    const rs = runs(found.text, ZH_STOP_CHARS);
    const words: string[] = [];
    const push = (term: Term | undefined, literal: string): void => {
      if (!term) {
        out.unknown++;
        return;
      }
      if (seen.has(literal) || out.terms.length >= MAX_TERMS) return;
      seen.add(literal);
      term.text = literal;
      out.terms.push(term);
    };
    for (let i = 0; i < rs.length; i++) {
      const run = rs[i];
      if (run.han) {
        for (const piece of segmentHan(run.text)) push(this.hanTerm(piece), piece);
        continue;
      }
      const next = rs[i + 1];
      const joined = next && !next.han ? COMPOUNDS.get(run.text + ' ' + next.text) : undefined;
      if (joined) {
        words.push(joined);
        i++;
        continue;
      }
      const word = stem(run.text);
      if (/^\d+$/.test(word) && this.dict.id(word) < 0) continue;
      const split = SPLITS.get(word);
      if (split) words.push(...split);
      else words.push(word);
    }
    const meaningful = words.filter((w) => !EN_STOP.has(w));
    const list = meaningful.length ? meaningful : words;
    const lastHan = rs[rs.length - 1]?.han;
    list.forEach((word, k) => push(this.wordTerm(word, open && k === list.length - 1 && !lastHan), word));
    // A word naming several platforms ("微信支付") gives one set of terms, marked with all of them.
    const named = new Map<string, number>();
    for (const { word, platform } of found.words)
      named.set(word, (named.get(word) ?? 0) | (1 << platformRank(platform)));
    named.forEach((bits, word) => {
      out.named |= bits;
      this.platformTerms(word, bits).forEach((term, k) => push(term, `${word}#${k}`));
    });
    return out;
  }

  /**
   * A platform word as the terms an ordinary word would give (its thesaurus word or bigrams, its English
   * words), each marked with the platform.
   */
  private platformTerms(word: string, platforms: number): Term[] {
    const out: Term[] = [];
    const han = isHan(word.charCodeAt(0));
    for (const piece of platformWordPieces(word, han)) {
      if (!piece) continue;
      const term: Term = { keys: [], quality: [], weight: 0, platforms };
      if (han) {
        this.addKey(term, piece, Q_EXACT);
        for (const concept of CONCEPTS.get(piece) ?? []) this.addKey(term, concept, Q_CONCEPT);
      } else {
        for (const key of keysOfWord(piece)) this.addKey(term, key, key === piece ? Q_EXACT : Q_CONCEPT);
      }
      const done = this.finishTerm(term);
      if (done) out.push(done);
    }
    return out;
  }

  private addKey(term: Term, key: string, quality: number): void {
    const id = this.dict.id(key);
    if (id < 0) return;
    const at = term.keys.indexOf(id);
    if (at >= 0) term.quality[at] = Math.max(term.quality[at], quality);
    else {
      term.keys.push(id);
      term.quality.push(quality);
    }
  }

  private finishTerm(term: Term): Term | undefined {
    if (!term.keys.length) return undefined;
    // Rarity of the term, from the entries any of its strong keys reaches.
    let df = 0;
    term.keys.forEach((id, k) => {
      if (term.quality[k] >= Q_CONCEPT) df = Math.max(df, this.dict.df(id));
    });
    if (!df) df = Math.max(...term.keys.map((id) => this.dict.df(id)));
    term.weight = Math.log(1 + this.entryCount / (1 + df));
    return term;
  }

  private hanTerm(piece: string): Term | undefined {
    const term: Term = { keys: [], quality: [], weight: 0 };
    this.addKey(term, piece, Q_EXACT);
    for (const concept of CONCEPTS.get(piece) ?? []) this.addKey(term, concept, Q_CONCEPT);
    return this.finishTerm(term);
  }

  private wordTerm(word: string, typing: boolean): Term | undefined {
    const term: Term = { keys: [], quality: [], weight: 0 };
    for (const key of keysOfWord(word)) this.addKey(term, key, key === word ? Q_EXACT : Q_CONCEPT);
    const id = isVocabWord(word) ? this.dict.id(word) : -1;
    const ownDf = id >= 0 ? this.dict.df(id) : 0;
    if (id < 0 || ownDf <= 3) {
      for (const fix of this.corrections(word, ownDf)) {
        const q = fix.distance === 1 ? Q_TYPO1 : Q_TYPO2;
        for (const key of keysOfWord(fix.word)) this.addKey(term, key, key === fix.word ? q : q * Q_CONCEPT);
      }
    }
    if (typing && id < 0 && word.length >= 2) {
      for (const w of this.completions(word))
        for (const key of keysOfWord(w)) this.addKey(term, key, key === w ? Q_PREFIX : Q_PREFIX * Q_CONCEPT);
    }
    return this.finishTerm(term);
  }

  /** Catalog words within the allowed edits of a word, the closest ones, most frequent first. */
  private corrections(word: string, ownDf: number): { word: string; distance: number }[] {
    const max = maxEdits(word.length);
    if (!max || /^\d+$/.test(word)) return [];
    const mask = letterMask(word);
    let bestDistance = max + 1;
    let found: { word: string; distance: number; df: number }[] = [];
    const byLength = this.vocab().byLength;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const v of byLength[len] ?? []) {
        if (v.word === word || popcount(v.mask ^ mask) > 2 * max) continue;
        const df = this.dict.df(v.id);
        if (df < Math.max(1, ownDf * 5)) continue;
        const d = boundedDistance(word, v.word, Math.min(max, bestDistance));
        if (d > max || d > bestDistance) continue;
        if (d < bestDistance) {
          bestDistance = d;
          found = [];
        }
        found.push({ word: v.word, distance: d, df });
      }
    }
    return found.sort((a, b) => b.df - a.df).slice(0, 4);
  }

  /**
   * Catalog words that start with what the user is still typing, most frequent first (of the first 300). Read
   * straight from the dictionary's sorted keys: a first keystroke never pays for the typo vocabulary.
   */
  private completions(prefix: string): string[] {
    const dict = this.dict;
    const found: { word: string; df: number }[] = [];
    for (let id = dict.lowerBound(prefix); id < dict.size && found.length < 300; id++) {
      const key = dict.keyAt(id);
      if (!key.startsWith(prefix)) break;
      if (isVocabWord(key)) found.push({ word: key, df: dict.dfOnly(id) });
    }
    return found
      .sort((a, b) => b.df - a.df)
      .slice(0, 6)
      .map((v) => v.word);
  }

  /** English words of the dictionary by length, for the typo scan: built on first use. */
  private vocab(): Vocabulary {
    if (this.vocabulary) return this.vocabulary;
    const byLength: VocabWord[][] = [];
    this.dict.asciiKeys.forEach((key, id) => {
      if (key === undefined || !isVocabWord(key)) return;
      (byLength[key.length] ??= []).push({ word: key, id, mask: letterMask(key) });
    });
    return (this.vocabulary = { byLength });
  }
}

/** An English word of the vocabulary: letters and digits, starting with a letter. */
function isVocabWord(key: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(key);
}

/**
 * Bigrams of a Chinese platform word, or the words of an English one. A function, not a conditional after
 * `of`: miniprogram-ci's babel infers a union with `any` for that conditional and fails the compile.
 */
function platformWordPieces(word: string, han: boolean): string[] {
  if (han) return segmentHan(word);
  return word.split(/[^a-z0-9]+/);
}

/** Chinese query run → thesaurus words (longest first, left to right) and bigrams of what lies between. */
export function segmentHan(run: string): string[] {
  const out: string[] = [];
  let rest = '';
  const flush = (): void => {
    if (rest.length === 1 && !out.length && run.length === 1) out.push(rest);
    for (let k = 0; k + 1 < rest.length; k++) out.push(rest.slice(k, k + 2));
    rest = '';
  };
  for (let p = 0; p < run.length;) {
    const word = (ZH_WORDS_BY_FIRST.get(run[p]) ?? []).find((w) => run.startsWith(w, p));
    if (word) {
      flush();
      out.push(word);
      p += word.length;
    } else rest += run[p++];
  }
  flush();
  return out;
}

/** True when the terms share nothing meaningful with the catalog: only typo corrections or completions. */
export function onlyWeakTerms(terms: readonly Term[]): boolean {
  return !terms.some((t) => t.platforms || t.quality.some((q) => q >= Q_CONCEPT));
}
