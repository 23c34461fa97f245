// The catalog at run time, indexed by code. Pure TypeScript (no wx), shared by pages, wrapper and CLI.
// The bundled catalog decodes its entries one at a time, on first use: a fresh process (iOS runs mini-program
// JS without a JIT) that answers one query decodes the few entries it shows, not all of them.
import { normalizeCode, payKey } from './code-key';
import { CatalogLines } from './catalog-text';
import { EntryDecoder, type PackedCatalog, type PackedEntry } from './codec';
import type { EntryTexts } from './search/passages';
import { CATALOG_JSON } from './generated/catalog-data';
import { explainFamily, type FamilyLabel } from './family';
import { entryId, PAY_PLATFORMS, PLATFORMS, platformRank } from './platforms';
import type { CatalogData, Entry, Platform, SourceInfo } from './types';

function isPacked(data: CatalogData | PackedCatalog | CatalogLines): data is PackedCatalog {
  return 'e' in data;
}

export class Catalog {
  /** Packed entry i: from a parsed PackedCatalog, or from the bundled text's lines (parsed on first use). */
  private readonly packedAt: ((i: number) => PackedEntry) | undefined;
  private readonly decoder: EntryDecoder | undefined;
  private readonly decoded: (Entry | undefined)[];
  private all: Entry[] | undefined;
  private readonly version: number;
  readonly sources: readonly SourceInfo[];
  /** Per entry: its code, its platform's place in PLATFORMS, whether the project wrote advice for it. */
  private readonly codes: string[];
  private readonly ranks: Int8Array;
  private readonly advised: Uint8Array;
  /** Entry indices by code, most commonly met first (see byCommonness). WeChat Pay entries are in bySpelling. */
  /** (A code of one entry, most codes, maps to that entry's index: no list made per entry at start-up.) */
  private readonly byCode = new Map<string, number | number[]>();
  /** Pay entries by payKey of their code and of every alias: any spelling finds the same entries. */
  private readonly bySpelling = new Map<string, number[]>();
  /** Pay entries by their own code (no alias): with byCode, the entries of exactly one code (sameCode). */
  private readonly payByCode = new Map<string, number[]>();
  private byIdMap: Map<string, number> | undefined;
  /** Codes such as "-40400x" that stand for a range of codes. */
  private readonly wildcards: number[] = [];

  /**
   * A decoded catalog, or a packed one (its entries are then decoded on first use), or the lines of the bundled
   * text (catalog-text.ts: each entry parsed on first use too). The bundled catalog is built in every fresh
   * process before its first answer, without a JIT: one pass per entry, no function call per entry on the
   * common path (a numeric code of a WeChat platform), only lists of two or more sorted.
   */
  constructor(data: CatalogData | PackedCatalog | CatalogLines) {
    const n =
      data instanceof CatalogLines ? data.lines.length : isPacked(data) ? data.e.length : data.entries.length;
    const codes = (this.codes = new Array<string>(n));
    const ranks = (this.ranks = new Int8Array(n));
    const advised = (this.advised = new Uint8Array(n));
    const wildcards = this.wildcards;
    /** Per entry: its other spellings (WeChat Pay aliases). */
    const aliases = new Array<readonly string[] | undefined>(n);
    if (data instanceof CatalogLines) {
      this.packedAt = (i) => data.entry(i);
      this.decoder = new EntryDecoder(data.head);
      this.version = data.head.v;
      this.sources = data.head.sources;
      this.decoded = new Array<Entry | undefined>(n);
      const lines = data.lines;
      const hints = data.hints;
      for (let i = 0; i < n; i++) {
        // `["40001",15,…`: the code up to the next quote, then the platform's one or two digits. Lines whose
        // code is not a plain integer (where that may not hold) are read again below, parsed.
        const line = lines[i];
        const end = line.indexOf('"', 2);
        codes[i] = line.slice(2, end);
        const first = line.charCodeAt(end + 2) - ZERO;
        const next = line.charCodeAt(end + 3);
        ranks[i] = next === COMMA ? first : first * 10 + next - ZERO;
      }
      for (let k = 0; k < hints.n.length; k++) {
        const i = hints.n[k];
        const packed = data.entry(i);
        codes[i] = normalizeCode(packed[0]);
        ranks[i] = packed[1];
        if (isWildcard(codes[i])) wildcards.push(i);
      }
      for (let k = 0; k < hints.a.length; k++) advised[hints.a[k]] = 1;
      for (let k = 0; k < hints.k.length; k++)
        aliases[hints.k[k]] = data.entry(hints.k[k])[4]?.k as string[] | undefined;
    } else if (isPacked(data)) {
      const packedEntries = data.e;
      this.packedAt = (i) => packedEntries[i];
      this.decoder = new EntryDecoder(data);
      this.version = data.v;
      this.sources = data.sources;
      this.decoded = new Array<Entry | undefined>(n);
      for (let i = 0; i < n; i++) {
        const packed = packedEntries[i];
        // Numbers are stored normalised (test/core/search.test.ts checks): only other codes (wildcards
        // "-40400x", Pay and errMsg strings) pay for normalizeCode's regexes.
        const code = packed[0];
        if (INTEGER.test(code)) codes[i] = code;
        else {
          const normalized = normalizeCode(code);
          codes[i] = normalized;
          if (isWildcard(normalized)) wildcards.push(i);
        }
        ranks[i] = packed[1];
        const extra = packed[4];
        if (extra !== undefined) {
          // Short keys of codec.ts: A = adviceEn, k = aliases (a shared string's index may be 0: not a truthy test).
          if (extra.A !== undefined) advised[i] = 1;
          const k = extra.k;
          if (Array.isArray(k)) aliases[i] = k as string[];
        }
      }
    } else {
      this.packedAt = undefined;
      this.decoder = undefined;
      this.version = data.version;
      this.sources = data.sources;
      this.decoded = data.entries.slice();
      this.all = data.entries;
      data.entries.forEach((e, i) => {
        codes[i] = normalizeCode(e.code);
        if (isWildcard(codes[i])) wildcards.push(i);
        ranks[i] = platformRank(e.platform);
        advised[i] = e.adviceEn ? 1 : 0;
        aliases[i] = e.aliases;
      });
    }
    const { byCode, bySpelling, payByCode } = this;
    /** The lists of byCode that hold three entries or more: the only ones to sort. */
    const shared: number[][] = [];
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      if (PAY_RANK[ranks[i]]) {
        addPay(bySpelling, payByCode, code, aliases[i], i);
        continue;
      }
      // Each entry goes once into byCode: no test for a repeat there.
      const known = byCode.get(code);
      if (known === undefined) byCode.set(code, i);
      else if (typeof known === 'number') {
        // A code's second entry: a list of two in order (as the stable sort would put them), not a list
        // grown and sorted: most shared codes have two entries.
        byCode.set(code, this.byCommonness(known, i) <= 0 ? [known, i] : [i, known]);
      } else if (known.push(i) === 3) shared.push(known);
    }
    for (const list of shared) list.sort(this.byCommonness);
    for (const index of [bySpelling, payByCode])
      index.forEach((list) => {
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
      if (!this.packedAt || !this.decoder) throw new RangeError(`no entry ${i}`);
      entry = this.decoder.entry(this.packedAt(i));
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
    if (decoded || !this.packedAt || !this.decoder) return this.entryAt(i);
    return this.decoder.texts(this.packedAt(i));
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
      for (let i = 0; i < this.size; i++) map.set(this.idAt(i), i);
      this.byIdMap = map;
    }
    return this.byIdMap.get(id) ?? -1;
  }

  /** The id of entry i (see entryId), without decoding it. */
  private idAt(i: number): string {
    const decoded = this.decoded[i];
    if (decoded || !this.packedAt || !this.decoder) return this.entryAt(i).id;
    const packed = this.packedAt(i);
    return entryId(PLATFORMS[packed[1]].name, packed[0], this.decoder.scope(packed[4]));
  }

  get(id: string): Entry | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.entryAt(i);
  }

  /** True when some entry has exactly this (normalised) code, or a WeChat Pay entry has it as a spelling. */
  has(code: string): boolean {
    return this.byCode.has(code) || (!isDigits(code) && this.bySpelling.has(payKey(code)));
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
    const exact = this.byCode.get(key) ?? NONE;
    const pay = isDigits(key) ? [] : (this.bySpelling.get(payKey(key)) ?? []);
    const covering = this.wildcards.filter(
      (w) => this.codes[w] !== key && matchesWildcard(this.codes[w], key),
    );
    if (!pay.length && !covering.length) return typeof exact === 'number' ? [exact] : exact.slice();
    return (typeof exact === 'number' ? [exact, ...pay, ...covering] : [...exact, ...pay, ...covering]).sort(
      this.byCommonness,
    );
  }

  /**
   * The entries whose own code is exactly this normalised one (no wildcard row, no other spelling), in
   * lookup order: the same list as lookupNormalized filtered by codeAt, without copying it for a number.
   */
  sameCode(key: string): readonly number[] {
    const known = this.byCode.get(key) ?? NONE;
    const exact = typeof known === 'number' ? [known] : known;
    const pay = this.payByCode.get(key);
    return pay ? [...exact, ...pay].sort(this.byCommonness) : exact;
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

export { normalizeCode, payKey };

const INTEGER = /^-?[0-9]+$/;
const ZERO = 48;
const COMMA = 44;

/** An integer as catalogs store it ("-1", "40001"). One native regex test: without a JIT, a loop over the
 * characters costs three to five times as much, for each of the entries at start-up. */
function isDigits(code: string): boolean {
  return INTEGER.test(code);
}

/** A code that stands for a range ("-40400x"): normalised codes are upper case, an x may still be typed. */
function isWildcard(code: string): boolean {
  const last = code.charCodeAt(code.length - 1);
  return last === 120 || last === 88;
}

/** Puts a WeChat Pay entry under its code and under the payKey of its code and of every alias. */
function addPay(
  bySpelling: Map<string, number[]>,
  payByCode: Map<string, number[]>,
  code: string,
  aliases: readonly string[] | undefined,
  i: number,
): void {
  const add = (index: Map<string, number[]>, key: string): void => {
    const list = index.get(key);
    if (!list) index.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  add(bySpelling, payKey(code));
  add(payByCode, code);
  for (const spelling of aliases ?? []) add(bySpelling, payKey(spelling));
}

function matchesWildcard(pattern: string, code: string): boolean {
  const stem = pattern.replace(/x+$/i, '');
  return code.length === pattern.length && code.startsWith(stem) && /^-?\d+$/.test(code);
}

const NONE: readonly number[] = [];
/** Per place in PLATFORMS: a WeChat Pay platform (an array read per entry at start-up, not a set lookup). */
const PAY_RANK: readonly boolean[] = PLATFORMS.map((p) => PAY_PLATFORMS.has(p.name));

let shared: Catalog | undefined;

/**
 * The bundled catalog, read on first use (not at module load: pages that never look anything up pay nothing),
 * its entries parsed one by one as they are read (catalog-text.ts).
 */
export function bundledCatalog(): Catalog {
  if (!shared)
    shared = new Catalog(CatalogLines.read(CATALOG_JSON) ?? (JSON.parse(CATALOG_JSON) as PackedCatalog));
  return shared;
}

/** True for the bundled catalog (the one the prebuilt search index was made for). */
export function isBundled(catalog: Catalog): boolean {
  return catalog === shared;
}
