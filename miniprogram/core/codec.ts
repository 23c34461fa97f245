// The bundled catalog is stored compactly to keep the main package small; decodeCatalog turns it back into
// full entries. Family, id and primary texts are derived, not stored. Compact forms:
// - entries and texts are arrays; the fields decodeCatalog cannot derive go in a small object with short keys;
// - a string used more than once (advice shared by a code's platforms, texts repeated across platforms) is
//   stored once in `s` and referred to by its index (a number where a string would stand);
// - refs are "sourceIndex:row[:line]", the line omitted when it is row + 1 (a table with one header line);
//   a source missing from `sources` (a hand-made catalog in tests) is written "~id";
// - a project translation's "wxerr" label is implied by a text no source gives in that language.
import { familyOf } from './family';
import { entryId, PLATFORMS } from './platforms';
import type { EntryTexts } from './search/passages';
import type { Action, CatalogData, Entry, SourceInfo, SourceRef, TextVariant } from './types';

/** A string, or the index of a string shared in PackedCatalog.s. */
export type Str = string | number;
/** [en, zh, refs, fix?, note?, api?, spelling?]: the tail is cut after its last non-empty field. */
type PackedText = [Str, Str, string, Str?, Str?, Str?, Str?];
/** Places in a PackedText (the refs are never empty, so the optional fields follow them). */
const EN = 0;
const ZH = 1;
const REFS = 2;
const FIX = 3;
const NOTE = 4;
const API = 5;
const SPELLING = 6;
/** Fields decodeCatalog cannot derive (translations, notes, advice, scope, doc, aliases, http), short keys. */
export type Extra = Record<string, Str | string[] | number[]>;
/** [code, platform index, action index in ACTIONS, texts, extra] */
export type PackedEntry = [string, number, number, PackedText[], Extra?];

/** Action classes by their index in a PackedEntry: a digit instead of a name in each of 4,000 entries (~45 KB). */
const ACTIONS: readonly Action[] = [
  'unknown',
  'fix-request',
  'fix-config',
  'retry-later',
  'account-state',
  'user-choice',
  'quota',
  'refresh-token',
  're-login',
  'none',
];
const ACTION_INDEX = new Map(ACTIONS.map((a, i) => [a, i]));

export interface PackedCatalog {
  v: number;
  sources: SourceInfo[];
  /** Strings used more than once, most used first. */
  s?: string[];
  e: PackedEntry[];
}

/** Entry field → key in Extra. Fields not listed keep their name. */
const SHORT: Record<string, string> = {
  en: 'e',
  zh: 'z',
  fix: 'f',
  enSource: 'E',
  zhSource: 'Z',
  fixSource: 'F',
  fixEn: 'x',
  noteZh: 'n',
  noteEn: 'N',
  adviceZh: 'a',
  adviceEn: 'A',
  doc: 'd',
  scope: 's',
  aliases: 'k',
  http: 'h',
};
const LONG: Record<string, string> = Object.fromEntries(Object.entries(SHORT).map(([k, v]) => [v, k]));
const PROJECT_LABEL = 'wxerr';
/** The primary text fields, by their place in PackedText, and the fields naming their sources. */
const PRIMARY = ['en', 'zh', 'fix'] as const;
const PRIMARY_AT = [EN, ZH, FIX] as const;
const PRIMARY_SOURCE = ['enSource', 'zhSource', 'fixSource'] as const;

/** Fields the decoder cannot derive from the texts, under their short keys. */
function extraFields(entry: Entry): Extra {
  // Only what decodeCatalog rebuilds counts as derived; every other string field (notes, advice) is extra.
  const derived: Entry = { ...entry, en: '', zh: '' };
  for (const k of Object.keys(derived) as (keyof Entry)[])
    if (
      typeof derived[k] === 'string' &&
      !['id', 'code', 'platform', 'family', 'action', 'en', 'zh'].includes(k)
    )
      delete derived[k];
  applyPrimaryTexts(derived);
  const extra: Extra = {};
  if (entry.aliases?.length) extra[SHORT.aliases] = entry.aliases;
  if (entry.http?.length) extra[SHORT.http] = entry.http;
  for (const [k, v] of Object.entries(entry)) {
    if (typeof v !== 'string' || ['id', 'code', 'platform', 'family', 'action'].includes(k)) continue;
    if ((derived as unknown as Record<string, unknown>)[k] === v) continue;
    if (isImpliedLabel(entry, k, v)) continue;
    extra[SHORT[k] ?? k] = v;
  }
  return extra;
}

/** enSource/zhSource "wxerr" on an entry whose texts have no such language: a project translation. */
function isImpliedLabel(entry: Entry, key: string, value: string): boolean {
  const lang = key === 'enSource' ? 'en' : key === 'zhSource' ? 'zh' : undefined;
  return !!lang && value === PROJECT_LABEL && !!entry[lang] && !entry.texts.some((t) => t[lang]);
}

/** Sources of an entry in a stable order: by source id, then row. */
export function sortRefs(refs: SourceRef[]): SourceRef[] {
  // Source ids are ASCII ("001", "errno", "wecom_errcodes_go-workwx"): a plain comparison is far faster than
  // localeCompare in a JIT-less process that decodes entries on demand (build and decode share this order).
  if (refs.length < 2) return refs;
  return refs.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row));
}

export function packCatalog(data: CatalogData): PackedCatalog {
  const platformIndex = new Map(PLATFORMS.map((p, i) => [p.name as string, i]));
  const sourceIndex = new Map(data.sources.map((s, i) => [s.id, i]));
  const packRefs = (refs: SourceRef[]): string =>
    refs
      .map((r) => {
        const source = sourceIndex.get(r.source) ?? `~${r.source}`;
        return `${source}:${r.row}${r.line === r.row + 1 ? '' : `:${r.line}`}`;
      })
      .join(' ');
  const e = data.entries.map((entry): PackedEntry => {
    const texts = entry.texts.map((t): PackedText => {
      const packed: PackedText = [t.en, t.zh, packRefs(t.sources), t.fix ?? '', t.note ?? '', t.api ?? ''];
      if (t.spelling) packed.push(t.spelling);
      while (packed.length > FIX && packed[packed.length - 1] === '') packed.pop();
      return packed;
    });
    const extra = extraFields(entry);
    const action = ACTION_INDEX.get(entry.action) ?? 0;
    const packed: PackedEntry = [entry.code, platformIndex.get(entry.platform) ?? -1, action, texts];
    if (Object.keys(extra).length) packed.push(extra);
    return packed;
  });
  const s = shareStrings(e);
  return { v: data.version, sources: data.sources, ...(s.length ? { s } : {}), e };
}

/** Replaces, in place, every text or extra string used more than once by its index in the returned table. */
function shareStrings(entries: PackedEntry[]): string[] {
  const uses = new Map<string, number>();
  const visit = (each: (get: () => Str, set: (v: Str) => void) => void): void => {
    for (const entry of entries) {
      for (const t of entry[3])
        for (const i of [EN, ZH, FIX, NOTE, API, SPELLING])
          if (typeof t[i] === 'string')
            each(
              () => t[i] as Str,
              (v) => (t[i] = v),
            );
      const extra = entry[4];
      if (extra)
        for (const k of Object.keys(extra))
          if (typeof extra[k] === 'string')
            each(
              () => extra[k] as Str,
              (v) => (extra[k] = v),
            );
    }
  };
  visit((get) => {
    const v = get() as string;
    if (v.length > 2) uses.set(v, (uses.get(v) ?? 0) + 1);
  });
  const table = [...uses].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]);
  const index = new Map(table.map(([v], i) => [v, i]));
  visit((get, set) => {
    const i = index.get(get() as string);
    if (i !== undefined) set(i);
  });
  return table.map(([v]) => v);
}

/** A packed field holds a value: a shared string's index, or a string that is not empty. */
function present(v: Str | undefined): v is Str {
  return v !== undefined && v !== '';
}

export function decodeCatalog(packed: PackedCatalog): CatalogData {
  const decoder = new EntryDecoder(packed);
  return { version: packed.v, sources: packed.sources, entries: packed.e.map((e) => decoder.entry(e)) };
}

/**
 * Decodes the entries of one packed catalog one at a time (the lazy catalog decodes an entry on first use),
 * and reads an entry's texts without its sources, families and ids (the search reads hundreds of entries a
 * query never shows).
 */
export class EntryDecoder {
  private readonly shared: readonly string[];
  private readonly sources: readonly SourceInfo[];

  constructor(packed: PackedCatalog) {
    this.shared = packed.s ?? [];
    this.sources = packed.sources;
  }

  readonly str = (v: Str | undefined): string => (typeof v === 'number' ? this.shared[v] : (v ?? ''));

  // Decoding runs on the phone, without a JIT: fields are read by index (a destructured array element is an
  // iterator step there) and built one by one (no spread of temporary objects).
  entry(packed: PackedEntry): Entry {
    const code = packed[0];
    const platform = PLATFORMS[packed[1]].name;
    const packedTexts = packed[3];
    const packedExtra = packed[4];
    const texts: TextVariant[] = [];
    const sources: SourceRef[] = [];
    for (let i = 0; i < packedTexts.length; i++) {
      const text = packedTexts[i];
      const t = { en: this.str(text[EN]), zh: this.str(text[ZH]) } as TextVariant;
      if (present(text[FIX])) t.fix = this.str(text[FIX]);
      if (present(text[NOTE])) t.note = this.str(text[NOTE]);
      if (present(text[API])) t.api = this.str(text[API]);
      if (present(text[SPELLING])) t.spelling = this.str(text[SPELLING]);
      t.sources = this.refs(text[REFS]);
      for (let k = 0; k < t.sources.length; k++) sources.push(t.sources[k]);
      texts.push(t);
    }
    const scope = this.scope(packedExtra);
    const http = Array.isArray(packedExtra?.h) ? (packedExtra.h as number[]) : undefined;
    const entry: Entry = {
      id: entryId(platform, code, scope),
      code,
      platform,
      en: '',
      zh: '',
      family: familyOf(code, platform, { scope, http }),
      action: ACTIONS[packed[2]] ?? 'unknown',
      texts,
      sources: sortRefs(sources),
    };
    applyPrimaryTexts(entry);
    if (packedExtra) unpackExtra(entry, packedExtra, this.str);
    return entry;
  }

  /** What the search index reads of an entry: the values entry() gives, without decoding the sources. */
  texts(packed: PackedEntry): EntryTexts {
    const packedTexts = packed[3];
    const packedExtra = packed[4];
    const texts: EntryTexts['texts'][number][] = [];
    for (let i = 0; i < packedTexts.length; i++) {
      const text = packedTexts[i];
      texts.push({
        en: this.str(text[EN]),
        zh: this.str(text[ZH]),
        fix: present(text[FIX]) ? this.str(text[FIX]) : undefined,
        note: present(text[NOTE]) ? this.str(text[NOTE]) : undefined,
      });
    }
    const out: EntryTexts = { en: '', zh: '', texts };
    // The primary en, zh and fix: the first text that has one, and that text's first source.
    for (let k = 0; k < PRIMARY.length; k++) {
      let i = 0;
      while (i < packedTexts.length && !present(packedTexts[i][PRIMARY_AT[k]])) i++;
      if (i === packedTexts.length) continue;
      const field = PRIMARY[k];
      out[field] = texts[i][field] ?? '';
      const refs = packedTexts[i][REFS];
      out[PRIMARY_SOURCE[k]] = this.sourceId(refs.slice(0, refs.indexOf(':')));
    }
    if (packedExtra) unpackExtra(out, packedExtra, this.str);
    return out;
  }

  /** The scope of a packed entry (小程序客户端 API), part of its id. */
  scope(extra: Extra | undefined): string | undefined {
    const v = extra?.s;
    return typeof v === 'string' || typeof v === 'number' ? this.str(v) : undefined;
  }

  private sourceId(packed: string): string {
    return packed.startsWith('~') ? packed.slice(1) : this.sources[Number(packed)].id;
  }

  private refs(packed: string): SourceRef[] {
    const parts = packed.split(' ');
    const out: SourceRef[] = [];
    for (let i = 0; i < parts.length; i++) {
      const fields = parts[i].split(':');
      const row = Number(fields[1]);
      out.push({
        source: this.sourceId(fields[0]),
        row,
        line: fields[2] === undefined ? row + 1 : Number(fields[2]),
      });
    }
    return out;
  }
}

/** Copies the extra fields onto a decoded entry under their long names; restores implied "wxerr" labels. */
function unpackExtra(entry: EntryTexts, extra: Extra, str: (v: Str) => string): void {
  const target = entry as unknown as Record<string, unknown>;
  for (const k in extra) {
    const v = extra[k];
    target[LONG[k] ?? k] = typeof v === 'number' ? str(v) : v;
  }
  if (extra.e !== undefined && extra.E === undefined && !entry.texts.some((t) => t.en))
    entry.enSource = PROJECT_LABEL;
  if (extra.z !== undefined && extra.Z === undefined && !entry.texts.some((t) => t.zh))
    entry.zhSource = PROJECT_LABEL;
}

/** The primary en/zh/fix are the first non-empty wording of each, in source order; each names its source. */
export function applyPrimaryTexts(entry: Entry): void {
  for (const field of ['en', 'zh', 'fix'] as const) {
    const variant = entry.texts.find((v) => v[field]);
    if (!variant) continue;
    entry[field] = variant[field] ?? '';
    entry[`${field}Source`] = variant.sources[0].source;
  }
}
