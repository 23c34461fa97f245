// Concept leads (search/common.ts, CONCEPT_LEADS): which of them a query has, and which entries they lead.
// Pure TypeScript. Used by rank.ts: a lead entry gets CONCEPT_LEAD more prior, counts as a phrase hit and is
// never dropped as noise.
import type { Catalog } from '../catalog';
import { PLATFORMS } from '../platforms';
import { CONCEPT_LEADS } from './common';
import type { Dictionary } from './dictionary';
import type { Term } from './terms';

/** Prior of a concept's most met code when the query has the concept: most of a tier's spread. */
export const CONCEPT_LEAD = 30;

export class ConceptLeads {
  /** Entry → bits of the CONCEPT_LEADS it leads, built on first use. */
  private byEntry: Map<number, number> | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly dict: Dictionary,
  ) {}

  /** Bits of the CONCEPT_LEADS entry e leads. */
  of(e: number): number {
    return this.entries().get(e) ?? 0;
  }

  /** True when one of these leads is met on a platform the query need not name (lift). */
  lifts(bits: number): boolean {
    return CONCEPT_LEADS.some((lead, k) => lead.lift && bits & (1 << k));
  }

  /**
   * Bits of the CONCEPT_LEADS whose concepts are all among the terms' keys. None when the query spells out
   * another entry (`typed`: "refresh token expired", even misspelt, is 42002), and a lead only on the
   * platforms the query names, if it names any ("小微签名错误").
   */
  active(
    terms: readonly Term[],
    candidates: Iterable<number>,
    typed: (e: number) => boolean,
    named: number,
    platformBit: (e: number) => number,
  ): number {
    const keys = new Set<string>();
    for (const term of terms) for (const id of term.keys) keys.add(this.dict.keyAt(id));
    let bits = 0;
    CONCEPT_LEADS.forEach((lead, k) => {
      if (lead.concepts.every((c) => keys.has(c)) && !lead.unless?.some((c) => keys.has(c))) bits |= 1 << k;
    });
    if (!bits) return 0;
    for (const e of candidates) if (!(this.of(e) & bits) && typed(e)) return 0;
    if (named) {
      let onNamed = 0;
      this.entries().forEach((b, e) => {
        if (named & platformBit(e)) onNamed |= b;
      });
      bits &= onNamed;
    }
    return bits;
  }

  private entries(): Map<number, number> {
    if (this.byEntry) return this.byEntry;
    const map = new Map<number, number>();
    CONCEPT_LEADS.forEach((lead, k) => {
      for (const id of lead.ids) {
        const colon = id.indexOf(':');
        for (const i of this.catalog.lookupIndices(id.slice(colon + 1)))
          if (PLATFORMS[this.catalog.platformRankAt(i)].key === id.slice(0, colon))
            map.set(i, (map.get(i) ?? 0) | (1 << k));
      }
    });
    return (this.byEntry = map);
  }
}
