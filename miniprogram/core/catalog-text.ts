// The bundled catalog's text (generated/catalog-data.ts): the JSON of a PackedCatalog, one entry per line.
// Any JSON parser reads it whole; a fresh process need not. JSON.parse of the whole text allocates ~1.7 MB of
// young objects (4,000 entries' arrays and strings) that each scavenge before the first answer copies again,
// while a first query reads a few dozen entries. So the bundled catalog parses the small head (sources, shared
// strings), splits the entries into lines with one native split, and parses a line when its entry is first
// read. The lines split exactly: JSON has no raw line break inside a string, so one stands only between entries.
import type { PackedCatalog, PackedEntry } from './codec';

/** What stands between the head and the first entry, between two entries, and after the last. */
const ENTRIES = ',"e":[\n';
const BETWEEN = ',\n';
const END = '\n]}';

/**
 * What a fresh process cannot read from the start of a line (`["40001",15,1,…`) and would otherwise scan every
 * line for, by entry number, in order: `n` the entries whose code is not a plain integer (normalised, maybe
 * escaped: their lines are parsed), `a` those with advice of the project's own (adviceEn), `k` those with aliases.
 */
export interface LineHints {
  n: number[];
  a: number[];
  k: number[];
}

export type CatalogHead = PackedCatalog & { i?: LineHints };

const PLAIN_INTEGER = /^-?[0-9]+$/;

/** The text of a packed catalog: JSON.parse(catalogText(p)) equals p, with the line hints in `i`. */
export function catalogText(packed: PackedCatalog): string {
  const { e, ...rest } = packed;
  const hints: LineHints = { n: [], a: [], k: [] };
  e.forEach((entry, index) => {
    if (!PLAIN_INTEGER.test(entry[0])) hints.n.push(index);
    if (entry[4]?.A !== undefined) hints.a.push(index);
    if (Array.isArray(entry[4]?.k)) hints.k.push(index);
  });
  const open = JSON.stringify({ ...rest, i: hints }).slice(0, -1);
  return open + ENTRIES + e.map((entry) => JSON.stringify(entry)).join(BETWEEN) + END;
}

/** A packed catalog read from its text: the head parsed, each entry one line of JSON, parsed on first use. */
export class CatalogLines {
  /** The head: sources and shared strings (`e` is empty: the entries are the lines). */
  readonly head: PackedCatalog;
  readonly hints: LineHints;
  readonly lines: readonly string[];
  private readonly parsed: (PackedEntry | undefined)[];

  /** The text of catalogText; undefined for JSON laid out otherwise (parse that whole). */
  static read(text: string): CatalogLines | undefined {
    const at = text.indexOf(ENTRIES);
    if (at < 0 || !text.endsWith(END)) return undefined;
    const head = JSON.parse(text.slice(0, at) + ',"e":[]}') as CatalogHead;
    if (!head.i) return undefined;
    const body = text.slice(at + ENTRIES.length, text.length - END.length);
    return new CatalogLines(head, head.i, body ? body.split(BETWEEN) : []);
  }

  private constructor(head: PackedCatalog, hints: LineHints, lines: string[]) {
    this.head = head;
    this.hints = hints;
    this.lines = lines;
    this.parsed = new Array<PackedEntry | undefined>(lines.length);
  }

  /** Entry i, parsed on first use. */
  entry(i: number): PackedEntry {
    let entry = this.parsed[i];
    if (entry === undefined) {
      entry = JSON.parse(this.lines[i]) as PackedEntry;
      this.parsed[i] = entry;
    }
    return entry;
  }
}
