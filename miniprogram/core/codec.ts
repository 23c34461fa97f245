// The bundled catalog is stored compactly (arrays, refs as "source:row:line") to keep the main package small;
// decodeCatalog turns it back into full entries. Family and primary texts are derived, not stored.
import { familyOf } from './family';
import { PLATFORMS } from './platforms';
import type { Action, CatalogData, Entry, SourceInfo, SourceRef, TextVariant } from './types';

/** [en, zh, fix, note, refs] */
type PackedText = [string, string, string, string, string];
/** [code, platform index, action, texts, extra] */
export type PackedEntry = [string, number, Action, PackedText[], Record<string, string>?];

export interface PackedCatalog {
  v: number;
  sources: SourceInfo[];
  e: PackedEntry[];
}

const packRefs = (refs: SourceRef[]): string => refs.map((r) => `${r.source}:${r.row}:${r.line}`).join(' ');

function unpackRefs(s: string): SourceRef[] {
  return s.split(' ').map((part) => {
    const [source, row, line] = part.split(':');
    return { source, row: Number(row), line: Number(line) };
  });
}

/** String fields the decoder cannot derive from the texts (project translations, notes, advice). */
function extraFields(entry: Entry): Record<string, string> {
  // Only what decodeCatalog rebuilds counts as derived; every other string field (notes, advice) is extra.
  const derived: Entry = { ...entry, en: '', zh: '' };
  for (const k of Object.keys(derived) as (keyof Entry)[])
    if (
      typeof derived[k] === 'string' &&
      !['id', 'code', 'platform', 'family', 'action', 'en', 'zh'].includes(k)
    )
      delete derived[k];
  applyPrimaryTexts(derived);
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry)) {
    if (
      typeof v !== 'string' ||
      k === 'id' ||
      k === 'code' ||
      k === 'platform' ||
      k === 'family' ||
      k === 'action'
    )
      continue;
    if ((derived as unknown as Record<string, unknown>)[k] !== v) extra[k] = v;
  }
  return extra;
}

/** Sources of an entry in a stable order: by source id, then row. */
export function sortRefs(refs: SourceRef[]): SourceRef[] {
  // Source ids are ASCII ("001", "errno", "wxerr"): a plain comparison orders them as localeCompare did, and
  // far faster in a JIT-less process that decodes entries on demand.
  if (refs.length < 2) return refs;
  return refs.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row));
}

export function packCatalog(data: CatalogData): PackedCatalog {
  const platformIndex = new Map(PLATFORMS.map((p, i) => [p.name as string, i]));
  return {
    v: data.version,
    sources: data.sources,
    e: data.entries.map((entry) => {
      const texts = entry.texts.map((t): PackedText => [
        t.en,
        t.zh,
        t.fix ?? '',
        t.note ?? '',
        packRefs(t.sources),
      ]);
      const extra = extraFields(entry);
      const packed: PackedEntry = [entry.code, platformIndex.get(entry.platform) ?? -1, entry.action, texts];
      if (Object.keys(extra).length) packed.push(extra);
      return packed;
    }),
  };
}

export function decodeCatalog(packed: PackedCatalog): CatalogData {
  return { version: packed.v, sources: packed.sources, entries: packed.e.map(decodeEntry) };
}

/** One packed entry → the full entry (the lazy catalog decodes entries one at a time, on first use). */
export function decodeEntry([code, p, action, packedTexts, extra]: PackedEntry): Entry {
  const platform = PLATFORMS[p].name;
  const texts: TextVariant[] = packedTexts.map(([en, zh, fix, note, refs]) => ({
    en,
    zh,
    ...(fix ? { fix } : {}),
    ...(note ? { note } : {}),
    sources: unpackRefs(refs),
  }));
  const entry: Entry = {
    id: `${PLATFORMS[p].key}:${code}`,
    code,
    platform,
    en: '',
    zh: '',
    family: familyOf(code, platform),
    action,
    texts,
    sources: sortRefs(texts.flatMap((t) => t.sources)),
  };
  applyPrimaryTexts(entry);
  return extra ? Object.assign(entry, extra) : entry;
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
