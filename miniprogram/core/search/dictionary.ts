// The index's keys and postings (indexing). Every key (English word, concept "@expire", Han character,
// thesaurus word, Chinese bigram) has the postings entry · 8 + field of the (entry, field) pairs whose text
// has it. `npm run catalog` builds them for the bundled catalog and ships them packed (subpackages/search-index/
// search-index.ts): a fresh process reads only the blocks of keys and the postings a query needs, not every key
// (a split into 27 000 strings was a tenth of a cold first answer). Other catalogs build them from their texts.
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
   * are not spaces): "key0 postings0 key1 postings1 …". Key id = place in that order. Keys in ASCII (see
   * encodeKey). A key's postings: its df (distinct entries), then the postings ascending, each
   * (entry · 8 + field) · (SHARE_STEPS + 1) + share steps, as deltas; all varints of DIGITS.
   */
  keys: string;
  /** Number of keys. */
  k: number;
  /** Where every BLOCK-th key starts in `keys`: offsets as deltas in varints of DIGITS. */
  blocks: string;
}

export const INDEX_VERSION = 6;
/** Keys per block of the directory: a lookup reads one block of keys (and a few first keys to find it). */
const BLOCK = 32;

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
 * A key in ASCII: each code unit beyond ASCII (Han) as WIDE and three digits of DIGITS (base BASE, highest
 * first). Encoded keys sort as the keys do (every ASCII character of a key sorts below WIDE, the digits are
 * of fixed width and ascending) and a key's prefix encodes to a prefix of it. With no character beyond ASCII, the index
 * module is a one-byte string: a fresh process reads, scans and keeps its 400 KB in half the time and memory.
 */
const WIDE = '~';
const WIDE_CODE = 0x7e;
const NOT_ASCII = /[^\0-\x7f]/;

export function encodeKey(key: string): string {
  if (!NOT_ASCII.test(key)) return key;
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    out +=
      c < 0x80
        ? key[i]
        : WIDE + DIGITS[(c / (BASE * BASE)) | 0] + DIGITS[((c / BASE) | 0) % BASE] + DIGITS[c % BASE];
  }
  return out;
}

export function decodeKey(encoded: string): string {
  if (encoded.indexOf(WIDE) < 0) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i);
    if (c !== WIDE_CODE) out += encoded[i];
    else {
      const high = DIGIT_VALUE[encoded.charCodeAt(i + 1)] * BASE + DIGIT_VALUE[encoded.charCodeAt(i + 2)];
      out += String.fromCharCode(high * BASE + DIGIT_VALUE[encoded.charCodeAt(i + 3)]);
      i += 3;
    }
  }
  return out;
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
    if (/\s|~/.test(key)) throw new Error(`search key with a space or ${WIDE}: ${JSON.stringify(key)}`);
    const list = postings.get(key) ?? new Map<number, number>();
    const digits: string[] = [];
    const sorted = [...list.keys()].sort((a, b) => a - b);
    // The df first: a first keystroke ranks dozens of completions by df without decoding their postings.
    pushVarint(digits, new Set(sorted.map((posting) => posting >> 3)).size);
    let last = 0;
    for (const posting of sorted) {
      // Rounded up, so that the bound stays a bound (a tiny epsilon keeps exact thirds exact).
      const share = list.get(posting) ?? 0;
      const steps = share ? Math.min(SHARE_STEPS, Math.ceil(share * SHARE_STEPS - 1e-9)) : 0;
      const value = posting * (SHARE_STEPS + 1) + steps;
      pushVarint(digits, value - last);
      last = value;
    }
    parts.push(encodeKey(key), digits.join(''));
  }
  // Offsets of every BLOCK-th key: a key's start is the length of the parts before it and their spaces.
  const blocks: string[] = [];
  let offset = 0;
  let lastBlock = 0;
  for (let i = 0; i < parts.length; i += 2) {
    if ((i >> 1) % BLOCK === 0) {
      pushVarint(blocks, offset - lastBlock);
      lastBlock = offset;
    }
    offset += parts[i].length + parts[i + 1].length + 2;
  }
  return {
    v: INDEX_VERSION,
    n: catalog.size,
    keys: parts.join(' '),
    k: keys.length,
    blocks: blocks.join(''),
  };
}

/**
 * Varints of DIGITS (see pushVarint) → numbers, each added to the one before (deltas), into `out` (as many
 * as fit); returns how many. A value takes one digit at least: digits.length bounds the count.
 */
function readDeltas(digits: string, out: Int32Array, from = 0): number {
  let n = 0;
  let value = 0;
  let last = 0;
  let scale = 1;
  for (let i = from; i < digits.length && n < out.length; i++) {
    const d = DIGIT_VALUE[digits.charCodeAt(i)];
    if (d >= BASE) {
      value += (d - BASE) * scale;
      scale *= BASE;
    } else {
      last += value + d * scale;
      out[n++] = last;
      value = 0;
      scale = 1;
    }
  }
  return n;
}

/** Decoded values of one key's postings, reused (no array grown per posting). */
let scratch = new Int32Array(1024);

/** The posting values of one key's encoded text (after its df), in the shared scratch array; returns how many. */
function readPostings(digits: string): number {
  if (scratch.length < digits.length) scratch = new Int32Array(digits.length * 2);
  let i = 0;
  while (DIGIT_VALUE[digits.charCodeAt(i)] >= BASE) i++;
  return readDeltas(digits, scratch, i + 1);
}

/** The varint at `at` in text: a key's df at the start of its postings. */
function readVarint(text: string, at: number): number {
  let value = 0;
  let scale = 1;
  for (let i = at; ; i++) {
    const d = DIGIT_VALUE[text.charCodeAt(i)];
    if (d < BASE) return value + d * scale;
    value += (d - BASE) * scale;
    scale *= BASE;
  }
}

/**
 * Keys by binary search, postings decoded per key on first use. The packed string is read in place: a block
 * of BLOCK keys is scanned (their starts noted) when a lookup first needs it, and a key string is made once.
 */
export class Dictionary {
  /** Keys and their encoded postings, alternating, space-separated (see PackedIndex). */
  private readonly packed: string;
  /** Start of every BLOCK-th key in `packed`. */
  private readonly blockStart: Int32Array;
  /** Per block: its first key, once read. */
  private readonly blockFirst: (string | undefined)[];
  /** Per key: where its key and its postings start in `packed` (-1 while its block is unread). */
  private readonly keyStart: Int32Array;
  private readonly postingsStart: Int32Array;
  /** By key id: as stored (encodeKey), once read; as itself, once asked for; its postings, once decoded. Maps,
   * not arrays of every key: a first answer reads a few hundred of the 14,000 keys, and four key-sized arrays
   * were 0.5 MB of young objects that the scavenges before it copied. */
  private readonly encodedKeys = new Map<number, string>();
  private readonly keyStrings = new Map<number, string>();
  private readonly decoded = new Map<number, Int32Array>();
  private readonly decodedShares = new Map<number, Uint8Array>();
  private readonly dfs: Int32Array;
  private keyList: (string | undefined)[] | undefined;
  readonly size: number;

  constructor(packed: PackedIndex) {
    this.packed = packed.keys;
    this.size = packed.keys ? packed.k : 0;
    const blocks = Math.ceil(this.size / BLOCK);
    this.blockStart = new Int32Array(blocks);
    readDeltas(packed.blocks, this.blockStart);
    this.blockFirst = new Array<string | undefined>(blocks);
    this.keyStart = new Int32Array(this.size).fill(-1);
    this.postingsStart = new Int32Array(this.size);
    this.dfs = new Int32Array(this.size).fill(-1);
  }

  /**
   * Every ASCII key (the typo vocabulary's words are among them), in id order: built once, on first need,
   * with one native split. Keys beyond ASCII (Han) are left out, not decoded.
   */
  get asciiKeys(): readonly (string | undefined)[] {
    if (!this.keyList) {
      const parts = this.packed ? this.packed.split(' ') : [];
      const list = new Array<string | undefined>(this.size);
      for (let i = 0; i < this.size; i++) {
        const key = parts[2 * i];
        if (key.indexOf(WIDE) < 0) list[i] = key;
      }
      this.keyList = list;
    }
    return this.keyList;
  }

  keyAt(id: number): string {
    const known = this.keyStrings.get(id);
    if (known !== undefined) return known;
    const key = decodeKey(this.encodedAt(id));
    this.keyStrings.set(id, key);
    return key;
  }

  /** Key id as stored (encodeKey): what lookups compare. */
  private encodedAt(id: number): string {
    const known = this.encodedKeys.get(id);
    if (known !== undefined) return known;
    if (this.keyStart[id] < 0) this.readBlock((id / BLOCK) | 0);
    const key = this.packed.slice(this.keyStart[id], this.postingsStart[id] - 1);
    this.encodedKeys.set(id, key);
    return key;
  }

  /** Id of a key, or -1. */
  id(key: string): number {
    const encoded = encodeKey(key);
    const id = this.lowerBoundEncoded(encoded);
    return id < this.size && this.encodedAt(id) === encoded ? id : -1;
  }

  /** Id of the first key at or after `key` in code-unit order (keys with a prefix are contiguous from there). */
  lowerBound(key: string): number {
    return this.lowerBoundEncoded(encodeKey(key));
  }

  private lowerBoundEncoded(key: string): number {
    // The last block whose first key is below `key`, then the first key of that block at or after it.
    let lo = 0;
    let hi = this.blockStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.firstOfBlock(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    let id = (lo - 1) * BLOCK;
    const end = Math.min(this.size, lo * BLOCK);
    while (id < end && this.encodedAt(id) < key) id++;
    return id;
  }

  private firstOfBlock(block: number): string {
    let first = this.blockFirst[block];
    if (first === undefined) {
      const start = this.blockStart[block];
      first = this.packed.slice(start, this.packed.indexOf(' ', start));
      this.blockFirst[block] = first;
    }
    return first;
  }

  /** Notes where each key of a block and its postings start. */
  private readBlock(block: number): void {
    const packed = this.packed;
    let at = this.blockStart[block];
    const end = Math.min(this.size, (block + 1) * BLOCK);
    for (let id = block * BLOCK; id < end; id++) {
      this.keyStart[id] = at;
      const space = packed.indexOf(' ', at);
      this.postingsStart[id] = space + 1;
      const next = packed.indexOf(' ', space + 1);
      at = next < 0 ? packed.length + 1 : next + 1;
    }
  }

  /** The encoded postings of key id. */
  private postingsText(id: number): string {
    if (this.keyStart[id] < 0) this.readBlock((id / BLOCK) | 0);
    const start = this.postingsStart[id];
    const next = id + 1 < this.size ? this.keyStartOf(id + 1) - 1 : this.packed.length;
    return this.packed.slice(start, next);
  }

  private keyStartOf(id: number): number {
    if (this.keyStart[id] < 0) this.readBlock((id / BLOCK) | 0);
    return this.keyStart[id];
  }

  /** Postings of key id: entry · 8 + field, ascending. */
  postings(id: number): Int32Array {
    return this.decoded.get(id) ?? this.decode(id);
  }

  /** Per posting of key id: its share in steps of 1 / SHARE_STEPS (see SHARE_STEPS). */
  shares(id: number): Uint8Array {
    return this.decodedShares.get(id) ?? (this.decode(id), this.decodedShares.get(id) as Uint8Array);
  }

  private decode(id: number): Int32Array {
    const n = readPostings(this.postingsText(id));
    const list = new Int32Array(n);
    const shares = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      list[i] = scratch[i] >> SHARE_BITS;
      shares[i] = scratch[i] & SHARE_STEPS;
    }
    this.decoded.set(id, list);
    this.decodedShares.set(id, shares);
    this.dfs[id] = this.dfOnly(id);
    return list;
  }

  /** Distinct entries that have key id (its postings decoded: a query's own keys are read next). */
  df(id: number): number {
    if (this.dfs[id] < 0) this.decode(id);
    return this.dfs[id];
  }

  /** df without decoding the postings (the completions of a first keystroke ask for the df of dozens of
   * words and read the postings of six): the index stores it first. */
  dfOnly(id: number): number {
    if (this.dfs[id] < 0) {
      if (this.keyStart[id] < 0) this.readBlock((id / BLOCK) | 0);
      this.dfs[id] = readVarint(this.packed, this.postingsStart[id]);
    }
    return this.dfs[id];
  }
}
