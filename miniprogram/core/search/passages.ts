// The wordings of one entry as passages of units (indexing). A passage is one distinct text of the entry in
// the first field it comes in; a unit is one English word or Chinese bigram with the keys it is found by
// (search/analyze.ts). The index builder reads every entry this way once (npm run catalog prebuilds it); at
// query time only the entries a query reaches are read, for coverage, phrases and highlights.
import type { Entry, TextVariant } from '../types';
import { analyze, type UnitSink } from './analyze';
import { CONCEPTS } from './synonyms';

// Fields of an entry, by how much a match in them says about the entry.
export const EN = 0;
export const ZH = 1;
export const FIX = 2;
export const ALT = 3;
export const PROJ = 4;
export const NOTE = 5;
export const FIELD_WEIGHT = [1, 1, 0.6, 0.85, 0.8, 0.35];

/** Bits of a passage's origins: the entry fields that hold exactly its text, in highlight order. */
export const ORIGINS: readonly ('en' | 'zh' | 'fix')[] = ['en', 'zh', 'fix'];
const ORIGIN_EN = 1;
const ORIGIN_ZH = 2;
const ORIGIN_FIX = 4;

/** What the index reads of an entry: its texts, not its sources (the lazy catalog gives them undecoded). */
export type EntryTexts = Pick<
  Entry,
  | 'en'
  | 'zh'
  | 'fix'
  | 'enSource'
  | 'zhSource'
  | 'fixSource'
  | 'noteEn'
  | 'noteZh'
  | 'adviceEn'
  | 'adviceZh'
  | 'aliases'
> & { texts: readonly Pick<TextVariant, 'en' | 'zh' | 'fix' | 'note'>[] };

/** A unit's key: a string, or for a Chinese bigram its pair code (first << 16 | second): no string each. */
export type UnitKey = string | number;

/** The key string of a unit key. */
export function keyString(key: UnitKey): string {
  return typeof key === 'number' ? String.fromCharCode(key >>> 16, key & 0xffff) : key;
}

/** One entry's passages, flat. Passage p: field[p], origins[p], phrase[p] ('' for notes), units
 * [first[p], first[p] + count[p]). Unit u: keys keys[start[u] .. start[u + 1]), span [span[2u], span[2u + 1]). */
export interface EntryText {
  field: number[];
  origins: number[];
  phrase: string[];
  first: number[];
  count: number[];
  start: number[];
  keys: UnitKey[];
  span: number[];
}

/** Collects units with their keys. */
class KeySink implements UnitSink {
  constructor(private readonly out: EntryText) {}

  unit(start: number, end: number): void {
    this.out.start.push(this.out.keys.length);
    this.out.span.push(start, end);
  }

  word(word: string): void {
    this.out.keys.push(word);
    const concepts = CONCEPTS.get(word);
    if (concepts) for (let k = 0; k < concepts.length; k++) this.out.keys.push(concepts[k]);
  }

  key(key: string): void {
    this.out.keys.push(key);
  }

  pair(code: number): void {
    this.out.keys.push(code);
  }
}

/**
 * The passages of an entry, in the order the index has always read them. Without `notes`, notes and advice
 * are left unread: a query never reads their units (they count through the postings only), and they are
 * the longest texts. They still take their place, so a later copy of one stays merged as before.
 */
export function entryText(entry: EntryTexts, notes = true): EntryText {
  const out: EntryText = {
    field: [],
    origins: [],
    phrase: [],
    first: [],
    count: [],
    start: [],
    keys: [],
    span: [],
  };
  const sink = new KeySink(out);
  const seen = new Map<string, number>();
  const add = (field: number, text: string | undefined, origin: number): void => {
    if (!text) return;
    const known = seen.get(text);
    if (known !== undefined) {
      // Already a passage of this entry: one more entry field that holds it.
      if (known >= 0) out.origins[known] |= origin;
      return;
    }
    if (field === NOTE && !notes) {
      seen.set(text, -1);
      return;
    }
    seen.set(text, out.field.length);
    const first = out.span.length / 2;
    const phrase = analyze(text, sink, field !== NOTE);
    out.field.push(field);
    out.origins.push(origin);
    out.phrase.push(field === NOTE ? '' : phrase);
    out.first.push(first);
    out.count.push(out.span.length / 2 - first);
  };
  add(entry.enSource === 'wxerr' ? PROJ : EN, entry.en, ORIGIN_EN);
  add(entry.zhSource === 'wxerr' ? PROJ : ZH, entry.zh, ORIGIN_ZH);
  add(FIX, entry.fix, ORIGIN_FIX);
  for (const t of entry.texts) {
    add(ALT, t.en, 0);
    add(ALT, t.zh, 0);
    add(FIX, t.fix, 0);
    add(NOTE, t.note, 0);
  }
  add(NOTE, entry.noteEn, 0);
  add(NOTE, entry.noteZh, 0);
  add(NOTE, entry.adviceEn, 0);
  add(NOTE, entry.adviceZh, 0);
  // Other spellings of the code (WeChat Pay: NOTENOUGH for NOT_ENOUGH), found as another wording would be.
  for (const alias of entry.aliases ?? []) add(ALT, alias, 0);
  out.start.push(out.keys.length);
  return out;
}
