// Flat storage for the search index: growable int arrays and a hash table for Chinese bigram keys. The
// index holds ~50k units and ~70k unit keys; typed arrays keep them out of the garbage collector's way.

/** An Int32Array that doubles when full. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  /** The values, trimmed to length (a view: no copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}

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
