// The index's keys and postings (indexing). Every key (English word, concept "@expire", Han character,
// thesaurus word, Chinese bigram) has the postings entry · 8 + field of the (entry, field) pairs whose text
// has it. `npm run catalog` builds them for the bundled catalog and ships them packed (generated/
// search-index.ts): a fresh process splits one string of keys and decodes only the postings a query reads.
// Other catalogs (tests, tools) build them from their texts.
import type { Catalog } from '../catalog';
import { FIX, NOTE, entryText, keyString } from './passages';

/** The packed form, as generated. */
export interface PackedIndex {
  /** Format version. */
  v: number;
  /** Entries indexed (a stale index for another catalog is refused). */
  n: number;
  /**
   * Each key in code-unit order followed by its postings, all space-separated (keys have no spaces, digits
   * are not spaces): "key0 postings0 key1 postings1 …". Key id = place in that order. Postings ascending, each
   * (entry · 8 + field) · (SHARE_STEPS + 1) + share steps, as deltas in a varint of DIGITS. One native split gives every key
   * and, unread, every key's postings.
   */
  keys: string;
}

export const INDEX_VERSION = 4;

// Digits that need no escape in a JS or JSON string: '#' (0x23) to '~' (0x7e) without '\'. A varint
// digit is the low BASE part of a value; TERMINAL digits end a number, the other half continue it.
const DIGITS = Array.from({ length: 0x7f - 0x23 }, (_, i) => String.fromCharCode(0x23 + i))
  .filter((c) => c !== '\\')
  .join('');
const BASE = 45;
const DIGIT_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;
function pushVarint(out: string[], value: number): void {
  let v = value;
  while (v >= BASE) {
    out.push(DIGITS[BASE + (v % BASE)]);
    v = Math.floor(v / BASE);
  }
  out.push(DIGITS[v]);
}

/**
 * Shares of a posting: how much of one of its field's passages the key covers at most, in steps of
 * 1 / SHARE_STEPS rounded up (1..SHARE_STEPS), or 0 for notes and fix lines (they never count for coverage).
 * Summed over a query's keys, an upper bound of an entry's coverage that costs no reading of its texts (see
 * search/top.ts). Fine steps keep the bound close: every hit whose bound reaches the page is read.
 */
const SHARE_BITS = 5;
export const SHARE_STEPS = (1 << SHARE_BITS) - 1;

/** Keys and postings from the texts of every entry of a catalog. */
export function buildIndex(catalog: Catalog): PackedIndex {
  // key → posting → the largest share of a passage (of the posting's field) the key covers.
  const postings = new Map<string, Map<number, number>>();
  for (let e = 0; e < catalog.size; e++) {
    const text = entryText(catalog.entryAt(e));
    for (let p = 0; p < text.field.length; p++) {
      const field = text.field[p];
      const posting = e * 8 + field;
      const covered = new Map<string, number>();
      for (let u = text.first[p]; u < text.first[p] + text.count[p]; u++) {
        const keys = new Set<string>();
        for (let k = text.start[u]; k < text.start[u + 1]; k++) keys.add(keyString(text.keys[k]));
        keys.forEach((key) => covered.set(key, (covered.get(key) ?? 0) + 1));
      }
      const counts = field === NOTE || field === FIX;
      covered.forEach((units, key) => {
        const share = counts ? 0 : units / text.count[p];
        let list = postings.get(key);
        if (!list) postings.set(key, (list = new Map()));
        list.set(posting, Math.max(list.get(posting) ?? 0, share));
      });
    }
  }
  const keys = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const key of keys) {
    if (/\s/.test(key)) throw new Error(`search key with a space: ${JSON.stringify(key)}`);
    const list = postings.get(key) ?? new Map<number, number>();
    const digits: string[] = [];
    let last = 0;
    for (const posting of [...list.keys()].sort((a, b) => a - b)) {
      // Rounded up, so that the bound stays a bound (a tiny epsilon keeps exact thirds exact).
      const share = list.get(posting) ?? 0;
      const steps = share ? Math.min(SHARE_STEPS, Math.ceil(share * SHARE_STEPS - 1e-9)) : 0;
      const value = posting * (SHARE_STEPS + 1) + steps;
      pushVarint(digits, value - last);
      last = value;
    }
    parts.push(key, digits.join(''));
  }
  return { v: INDEX_VERSION, n: catalog.size, keys: parts.join(' ') };
}

/** Keys by binary search, postings decoded per key on first use. */
export class Dictionary {
  /** Keys and their encoded postings, alternating (see PackedIndex). */
  private readonly parts: readonly string[];
  private readonly decoded: (Int32Array | undefined)[];
  private readonly decodedShares: (Uint8Array | undefined)[];
  private readonly dfs: Int32Array;
  private keyList: string[] | undefined;
  readonly size: number;

  constructor(packed: PackedIndex) {
    this.parts = packed.keys ? packed.keys.split(' ') : [];
    this.size = this.parts.length >> 1;
    this.decoded = new Array<Int32Array | undefined>(this.size);
    this.decodedShares = new Array<Uint8Array | undefined>(this.size);
    this.dfs = new Int32Array(this.size).fill(-1);
  }

  /** Every key, in id order (for the typo vocabulary: built once, on first need). */
  get keys(): readonly string[] {
    if (!this.keyList) {
      const list = new Array<string>(this.size);
      for (let i = 0; i < this.size; i++) list[i] = this.parts[2 * i];
      this.keyList = list;
    }
    return this.keyList;
  }

  keyAt(id: number): string {
    return this.parts[2 * id];
  }

  /** Id of a key, or -1. */
  id(key: string): number {
    const parts = this.parts;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = parts[2 * mid];
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Id of the first key at or after `key` in code-unit order (keys with a prefix are contiguous from there). */
  lowerBound(key: string): number {
    const parts = this.parts;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (parts[2 * mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Postings of key id: entry · 8 + field, ascending. */
  postings(id: number): Int32Array {
    return this.decoded[id] ?? this.decode(id);
  }

  /** Per posting of key id: its share in steps of 1 / SHARE_STEPS (see SHARE_STEPS). */
  shares(id: number): Uint8Array {
    if (!this.decodedShares[id]) this.decode(id);
    return this.decodedShares[id] as Uint8Array;
  }

  private decode(id: number): Int32Array {
    const digits = this.parts[2 * id + 1];
    const values: number[] = [];
    let value = 0;
    let last = 0;
    let scale = 1;
    for (let i = 0; i < digits.length; i++) {
      const d = DIGIT_VALUE[digits.charCodeAt(i)];
      if (d >= BASE) {
        value += (d - BASE) * scale;
        scale *= BASE;
      } else {
        last += value + d * scale;
        values.push(last);
        value = 0;
        scale = 1;
      }
    }
    const list = new Int32Array(values.length);
    const shares = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      list[i] = values[i] >> SHARE_BITS;
      shares[i] = values[i] & SHARE_STEPS;
    }
    this.decoded[id] = list;
    this.decodedShares[id] = shares;
    return list;
  }

  /** Distinct entries that have key id. */
  df(id: number): number {
    if (this.dfs[id] >= 0) return this.dfs[id];
    const list = this.postings(id);
    let df = 0;
    let prev = -1;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] >> 3;
      if (e !== prev) df++;
      prev = e;
    }
    this.dfs[id] = df;
    return df;
  }
}
