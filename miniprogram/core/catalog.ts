// The catalog at run time: decoded once, indexed by code. Pure TypeScript (no wx), shared by pages, wrapper and CLI.
import { normalizeCode, payKey } from './code-key';
import { decodeCatalog, type PackedCatalog } from './codec';
import { CATALOG_JSON } from './generated/catalog-data';
import { explainFamily, type FamilyLabel } from './family';
import { PAY_PLATFORMS, platformRank } from './platforms';
import type { CatalogData, Entry, Platform } from './types';

export class Catalog {
  readonly entries: readonly Entry[];
  readonly data: CatalogData;
  private readonly byCode = new Map<string, Entry[]>();
  /** Pay entries by payKey of their code and of every alias: any spelling finds the same entries. */
  private readonly bySpelling = new Map<string, Entry[]>();
  private readonly byId = new Map<string, Entry>();
  /** Codes such as "-40400x" that stand for a range of codes. */
  private readonly wildcards: Entry[] = [];

  constructor(data: CatalogData) {
    this.data = data;
    this.entries = data.entries;
    const add = (index: Map<string, Entry[]>, key: string, entry: Entry): void => {
      const list = index.get(key);
      if (!list) index.set(key, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    };
    for (const entry of data.entries) {
      this.byId.set(entry.id, entry);
      if (PAY_PLATFORMS.has(entry.platform))
        for (const spelling of [entry.code, ...(entry.aliases ?? [])])
          add(this.bySpelling, payKey(spelling), entry);
      else add(this.byCode, normalizeCode(entry.code), entry);
      if (/x$/i.test(entry.code)) this.wildcards.push(entry);
    }
    for (const list of this.byCode.values()) list.sort(byCommonness);
    for (const list of this.bySpelling.values()) list.sort(byCommonness);
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /**
   * Every entry for a code, across platforms, most commonly met first (see byCommonness). A code covered by a wildcard row
   * ("-40400x") also gets that row.
   */
  lookup(code: string): Entry[] {
    const key = normalizeCode(code);
    const exact = this.byCode.get(key) ?? [];
    const pay = /^\d+$/.test(key) ? [] : (this.bySpelling.get(payKey(key)) ?? []);
    const covering = this.wildcards.filter((w) => w.code !== key && matchesWildcard(w.code, key));
    if (!pay.length && !covering.length) return exact.slice();
    return [...exact, ...pay, ...covering].sort(byCommonness);
  }

  /** Family explanation for a code that has no entry (or to show beside one). */
  family(code: string, platform?: Platform): FamilyLabel {
    return explainFamily(normalizeCode(code), platform);
  }

  /** Entries per platform, in platform order. */
  countByPlatform(): Map<Platform, number> {
    const counts = new Map<Platform, number>();
    for (const e of this.entries) counts.set(e.platform, (counts.get(e.platform) ?? 0) + 1);
    return new Map([...counts].sort((a, b) => platformRank(a[0]) - platformRank(b[0])));
  }
}

export { normalizeCode, payKey };

function matchesWildcard(pattern: string, code: string): boolean {
  const stem = pattern.replace(/x+$/i, '');
  return code.length === pattern.length && code.startsWith(stem) && /^-?\d+$/.test(code);
}

/**
 * The meaning a developer most likely met first: a code the project wrote specific advice for on that
 * platform (the commonly met ones: 600002 as a wx.request errno, not as the upload error of the official
 * table), then the usual platform order.
 */
function byCommonness(a: Entry, b: Entry): number {
  return Number(!a.adviceEn) - Number(!b.adviceEn) || platformRank(a.platform) - platformRank(b.platform);
}

let shared: Catalog | undefined;

/** The bundled catalog, decoded on first use. */
export function bundledCatalog(): Catalog {
  if (!shared) {
    // Parsed on first use, not at module load: pages that never look anything up pay nothing.
    shared = new Catalog(decodeCatalog(JSON.parse(CATALOG_JSON) as PackedCatalog));
  }
  return shared;
}
