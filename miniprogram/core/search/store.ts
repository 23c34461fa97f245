// Flat storage for the search index: the units and keys of analysed texts, and a hash table for Chinese
// bigram keys. The
// index holds ~50k units and ~70k unit keys; typed arrays keep them out of the garbage collector's way.

/**
 * Int keys → int values by open addressing (linear probing). Keys are non-zero int32 (a bigram code is
 * first char << 16 | second, and both are Han); 0 marks an empty slot. A Map would box the bigger codes.
 */
export class IntTable {
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  size = 0;

  constructor(bits = 14) {
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** The value of key, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k === 0) return -1;
    }
  }

  /** Sets a key that is not in the table yet. */
  add(key: number, value: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    this.insert(key, value);
    this.size++;
  }

  private insert(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.keys[i] !== 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.shift--;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.insert(keys[i], values[i]);
  }
}

/** What a build leaves: the keys, and the units trimmed to what was written. */
export interface BuiltUnits {
  keyIds: Map<string, number>;
  pairIds: IntTable;
  keyCount: number;
  keys: Int32Array;
  starts: Int32Array;
  spans: Int32Array;
}

/**
 * Units and keys of the analysed texts, written by analyze during the build (a UnitSink). One class with
 * methods on its prototype, sized up front from the text length: every build runs the same optimised code,
 * with no closures or growth that would send the compiler back.
 */
export class UnitStore {
  /** Keys other than Chinese bigrams: English words, lone Han characters, long thesaurus words, concepts. */
  keyIds = new Map<string, number>();
  /** Chinese bigrams by pair code. */
  pairIds = new IntTable();
  keyCount = 0;
  /** Unit u has key ids keys[starts[u] .. starts[u + 1]) and covers [spans[2u], spans[2u + 1]) of its text. */
  private keys = new Int32Array(0);
  private starts = new Int32Array(0);
  private spans = new Int32Array(0);
  keyLength = 0;
  unitCount = 0;
  /** Concept key ids of a key (the concepts of an English word), by key id. */
  private conceptIds: (number[] | undefined)[] = [];

  constructor(private readonly concepts: ReadonlyMap<string, readonly string[]>) {}

  /** Empties the store for a new build, with room for `chars` units (one per character at most). */
  reset(chars: number): void {
    this.keyIds = new Map();
    this.pairIds = new IntTable();
    this.conceptIds = [];
    this.keyCount = 0;
    this.keyLength = 0;
    this.unitCount = 0;
    this.starts = new Int32Array(chars + 1);
    this.spans = new Int32Array(2 * chars);
    // Units have one or two keys as a rule (a word, its concept): room for three each, rarely grown.
    this.keys = new Int32Array(3 * chars);
  }

  unit(start: number, end: number): void {
    const u = this.unitCount++;
    this.starts[u] = this.keyLength;
    this.spans[2 * u] = start;
    this.spans[2 * u + 1] = end;
  }

  word(word: string): void {
    const id = this.keyId(word);
    this.pushKey(id);
    const concepts = this.conceptIds[id];
    if (concepts) for (let i = 0; i < concepts.length; i++) this.pushKey(concepts[i]);
  }

  key(key: string): void {
    this.pushKey(this.keyId(key));
  }

  pair(code: number): void {
    let id = this.pairIds.get(code);
    if (id < 0) {
      id = this.keyCount++;
      this.pairIds.add(code, id);
    }
    this.pushKey(id);
  }

  keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyCount++;
      this.keyIds.set(key, id);
      const concepts = this.concepts.get(key);
      if (concepts) this.conceptIds[id] = concepts.map((c) => this.keyId(c));
    }
    return id;
  }

  /** Closes the last unit; copies of the arrays trimmed to what was written (the store's own stay as they are). */
  finish(): BuiltUnits {
    this.starts[this.unitCount] = this.keyLength;
    const units: BuiltUnits = {
      keyIds: this.keyIds,
      pairIds: this.pairIds,
      keyCount: this.keyCount,
      starts: this.starts.slice(0, this.unitCount + 1),
      spans: this.spans.slice(0, 2 * this.unitCount),
      keys: this.keys.slice(0, this.keyLength),
    };
    // Nothing of the build stays in the store.
    this.keys = this.starts = this.spans = new Int32Array(0);
    this.keyIds = new Map();
    this.pairIds = new IntTable(1);
    this.conceptIds = [];
    return units;
  }

  private pushKey(id: number): void {
    if (this.keyLength === this.keys.length) {
      const bigger = new Int32Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.keyLength++] = id;
  }
}
