// The catalog at run time, indexed by code. Pure TypeScript (no wx), shared by pages, wrapper and CLI.
// The bundled catalog decodes its entries one at a time, on first use: a fresh process (iOS runs mini-program
// JS without a JIT) that answers one query decodes the few entries it shows, not all of them.
import { decodeEntry, type PackedCatalog, type PackedEntry } from './codec';
import type { EntryTexts } from './search/passages';
import { CATALOG_JSON } from './generated/catalog-data';
import { explainFamily, type FamilyLabel } from './family';
import { PLATFORMS, platformRank } from './platforms';
import type { CatalogData, Entry, Platform, SourceInfo } from './types';

function isPacked(data: CatalogData | PackedCatalog): data is PackedCatalog {
  return 'e' in data;
}

export class Catalog {
  private readonly packed: PackedCatalog | undefined;
  private readonly decoded: (Entry | undefined)[];
  private all: Entry[] | undefined;
  private readonly version: number;
  readonly sources: readonly SourceInfo[];
  /** Per entry: its code, its platform's place in PLATFORMS, whether the project wrote advice for it. */
  private readonly codes: string[];
  private readonly ranks: Int8Array;
  private readonly advised: Uint8Array;
  /** Entry indices by code, most commonly met first (see byCommonness). */
  private readonly byCode = new Map<string, number[]>();
  private byIdMap: Map<string, number> | undefined;
  /** Codes such as "-40400x" that stand for a range of codes. */
  private readonly wildcards: number[] = [];

  /** A decoded catalog, or a packed one (its entries are then decoded on first use). */
  constructor(data: CatalogData | PackedCatalog) {
    const n = isPacked(data) ? data.e.length : data.entries.length;
    this.codes = new Array<string>(n);
    this.ranks = new Int8Array(n);
    this.advised = new Uint8Array(n);
    if (isPacked(data)) {
      this.packed = data;
      this.version = data.v;
      this.sources = data.sources;
      this.decoded = new Array<Entry | undefined>(n);
      for (let i = 0; i < n; i++) {
        const packed = data.e[i];
        // Catalog codes are stored normalised (test/core/search.test.ts checks), but for wildcard rows
        // ("-40400x"), whose x lookups upper-case: no normalizeCode (a few regexes) per entry.
        const code = packed[0];
        const last = code.charCodeAt(code.length - 1);
        this.codes[i] = last === 120 ? normalizeCode(code) : code;
        this.ranks[i] = packed[1];
        this.advised[i] = packed[4]?.adviceEn ? 1 : 0;
      }
    } else {
      this.packed = undefined;
      this.version = data.version;
      this.sources = data.sources;
      this.decoded = data.entries.slice();
      this.all = data.entries;
      data.entries.forEach((e, i) => {
        this.codes[i] = normalizeCode(e.code);
        this.ranks[i] = platformRank(e.platform);
        this.advised[i] = e.adviceEn ? 1 : 0;
      });
    }
    for (let i = 0; i < n; i++) {
      const code = this.codes[i];
      const list = this.byCode.get(code);
      if (list) list.push(i);
      else this.byCode.set(code, [i]);
      const last = code.charCodeAt(code.length - 1);
      if (last === 120 || last === 88) this.wildcards.push(i);
    }
    this.byCode.forEach((list) => {
      if (list.length > 1) list.sort(this.byCommonness);
    });
  }

  /** Every entry, decoded (all at once on first use). */
  get entries(): readonly Entry[] {
    if (!this.all) {
      const all = new Array<Entry>(this.size);
      for (let i = 0; i < all.length; i++) all[i] = this.entryAt(i);
      this.all = all;
    }
    return this.all;
  }

  get data(): CatalogData {
    return { version: this.version, sources: this.sources.slice(), entries: this.entries.slice() };
  }

  get size(): number {
    return this.codes.length;
  }

  /** Entry number i (catalog order), decoded on first use. */
  entryAt(i: number): Entry {
    let entry = this.decoded[i];
    if (!entry) {
      if (!this.packed) throw new RangeError(`no entry ${i}`);
      entry = decodeEntry(this.packed.e[i]);
      this.decoded[i] = entry;
    }
    return entry;
  }

  /**
   * The texts of entry i as the search index reads them, without decoding its sources (a broad query reads
   * hundreds of entries it never shows). Same values as entryAt(i) has.
   */
  textsAt(i: number): EntryTexts {
    const decoded = this.decoded[i];
    if (decoded || !this.packed) return this.entryAt(i);
    return packedTexts(this.packed.e[i]);
  }

  /** The code of entry i, normalised (see normalizeCode), without decoding it. */
  codeAt(i: number): string {
    return this.codes[i];
  }

  /** The platform of entry i, without decoding it. */
  platformAt(i: number): Platform {
    return PLATFORMS[this.ranks[i]].name;
  }

  /** The place of entry i's platform in PLATFORMS (lower = more common). */
  platformRankAt(i: number): number {
    return this.ranks[i];
  }

  /** True when the project wrote specific advice for entry i (the commonly met codes). */
  advisedAt(i: number): boolean {
    return this.advised[i] === 1;
  }

  /** Place of an entry by id, or -1. */
  indexOf(id: string): number {
    if (!this.byIdMap) {
      const map = new Map<string, number>();
      for (let i = 0; i < this.size; i++) map.set(`${PLATFORMS[this.ranks[i]].key}:${this.codes[i]}`, i);
      this.byIdMap = map;
    }
    return this.byIdMap.get(id) ?? -1;
  }

  get(id: string): Entry | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.entryAt(i);
  }

  /** True when some entry has exactly this (normalised) code. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /**
   * Every entry for a code, across platforms, most commonly met first (see byCommonness). A code covered by a wildcard row
   * ("-40400x") also gets that row.
   */
  lookup(code: string): Entry[] {
    return this.lookupIndices(code).map((i) => this.entryAt(i));
  }

  /** lookup, as entry indices. */
  lookupIndices(code: string): number[] {
    return this.lookupNormalized(normalizeCode(code));
  }

  /** lookupIndices for a code already normalised (a codeAt value): no regexes. */
  lookupNormalized(key: string): number[] {
    const exact = this.byCode.get(key) ?? [];
    const covering = this.wildcards.filter(
      (w) => this.codes[w] !== key && matchesWildcard(this.codes[w], key),
    );
    return covering.length ? [...exact, ...covering].sort(this.byCommonness) : exact.slice();
  }

  /** Family explanation for a code that has no entry (or to show beside one). */
  family(code: string, platform?: Platform): FamilyLabel {
    return explainFamily(normalizeCode(code), platform);
  }

  /** Entries per platform, in platform order. */
  countByPlatform(): Map<Platform, number> {
    const counts = new Array<number>(PLATFORMS.length).fill(0);
    for (let i = 0; i < this.size; i++) counts[this.ranks[i]]++;
    const out = new Map<Platform, number>();
    counts.forEach((count, rank) => {
      if (count) out.set(PLATFORMS[rank].name, count);
    });
    return out;
  }

  /**
   * The meaning a developer most likely met first: a code the project wrote specific advice for on that
   * platform (the commonly met ones: 600002 as a wx.request errno, not as the upload error of the official
   * table), then the usual platform order.
   */
  private readonly byCommonness = (a: number, b: number): number =>
    this.advised[b] - this.advised[a] || this.ranks[a] - this.ranks[b];
}

/** "40001", " 40001 ", "+40001", "０４０００１" (full-width) all mean 40001; string codes are upper-cased. */
export function normalizeCode(code: string): string {
  const s = code
    .trim()
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[－—–]/, '-')
    .replace(/^\+/, '');
  return /^-?\d+$/.test(s) ? s.replace(/^(-?)0+(?=\d)/, '$1') : s.toUpperCase();
}

function matchesWildcard(pattern: string, code: string): boolean {
  const stem = pattern.replace(/x+$/i, '');
  return code.length === pattern.length && code.startsWith(stem) && /^-?\d+$/.test(code);
}

/** A packed entry's texts with its primary en/zh/fix and their sources, as decodeEntry derives them. */
function packedTexts([, , , texts, extra]: PackedEntry): EntryTexts {
  const out: EntryTexts = {
    en: '',
    zh: '',
    texts: texts.map(([en, zh, fix, note]) => ({ en, zh, fix, note })),
  };
  for (const [k, field] of [
    [0, 'en'],
    [1, 'zh'],
    [2, 'fix'],
  ] as const) {
    const variant = texts.find((t) => t[k]);
    if (!variant) continue;
    out[field] = variant[k];
    if (field !== 'fix') out[`${field}Source`] = variant[4].slice(0, variant[4].indexOf(':'));
  }
  return extra ? Object.assign(out, extra) : out;
}

let shared: Catalog | undefined;

/** The bundled catalog, parsed on first use (not at module load: pages that never look anything up pay nothing). */
export function bundledCatalog(): Catalog {
  if (!shared) shared = new Catalog(JSON.parse(CATALOG_JSON) as PackedCatalog);
  return shared;
}

/** True for the bundled catalog (the one the prebuilt search index was made for). */
export function isBundled(catalog: Catalog): boolean {
  return catalog === shared;
}
