// The bundled catalog's text, one entry per line (core/catalog-text.ts): read lazily, it must be the catalog
// JSON.parse of the whole text gives, entry by entry, and lines must split exactly whatever the texts hold.
import { Catalog, normalizeCode } from '../../miniprogram/core/catalog';
import { CatalogLines, catalogText } from '../../miniprogram/core/catalog-text';
import { decodeCatalog, packCatalog, type PackedCatalog } from '../../miniprogram/core/codec';
import { CATALOG_JSON } from '../../miniprogram/core/generated/catalog-data';
import type { CatalogData, Entry } from '../../miniprogram/core/types';

const whole = JSON.parse(CATALOG_JSON) as PackedCatalog;
const eager = new Catalog(whole);
const lines = CatalogLines.read(CATALOG_JSON);

/** Everything the catalog answers about entry i without and with decoding it. */
function view(c: Catalog, i: number): unknown[] {
  const code = c.codeAt(i);
  return [
    code,
    c.platformRankAt(i),
    c.advisedAt(i),
    c.sameCode(code),
    c.lookupIndices(code),
    c.has(code),
    c.textsAt(i),
  ];
}

describe('the bundled catalog text', () => {
  it('is laid out one entry per line, and is the packed catalog as JSON.parse reads it whole', () => {
    expect(lines).toBeDefined();
    expect(lines?.lines.length).toBe(whole.e.length);
    expect(lines?.head.sources).toEqual(whole.sources);
    expect(lines?.head.s).toEqual(whole.s);
    lines?.lines.forEach((line, i) => expect(JSON.parse(line)).toEqual(whole.e[i]));
  });

  it('gives a catalog that answers as the wholly parsed one, entry by entry, before and after decoding', () => {
    if (!lines) throw new Error('not one entry per line');
    const lazy = new Catalog(lines);
    expect(lazy.size).toBe(eager.size);
    const undecoded = Array.from({ length: lazy.size }, (_, i) => view(lazy, i));
    expect(undecoded).toEqual(Array.from({ length: eager.size }, (_, i) => view(eager, i)));
    expect(lazy.entries).toEqual(eager.entries);
    expect(lazy.entries).toEqual(decodeCatalog(whole).entries);
    expect(lazy.get('open:40164')).toEqual(eager.get('open:40164'));
    expect(lazy.countByPlatform()).toEqual(eager.countByPlatform());
  });
});

describe('catalogText', () => {
  const bundled = decodeCatalog(whole);
  /** A small catalog of bundled entries, some given codes that JSON escapes or lines could be misread by. */
  function smallCatalog(): CatalogData {
    const pick = (code: string): Entry => {
      const entry = bundled.entries.find((e) => e.code === code);
      if (!entry) throw new Error(`no ${code} in the bundled catalog`);
      return entry;
    };
    const pay = bundled.entries.find((e) => e.aliases?.length);
    const advised = bundled.entries.find((e) => e.adviceEn && /^\d+$/.test(e.code));
    const wildcard = bundled.entries.find((e) => /x$/i.test(e.code));
    const odd = (code: string, en: string): Entry => ({ ...pick('40001'), code, en, id: `open:${code}` });
    const entries = [
      pick('40001'),
      odd('say "hi"\\ ,\n["x",1,', 'a text with "A": and "k": in it,\nand a line break'),
      ...[pay, advised, wildcard].filter((e): e is Entry => e !== undefined),
      pick('-1'),
    ];
    return { version: bundled.version, sources: bundled.sources, entries };
  }

  it('round-trips through JSON.parse and through the lazy reader, escaped codes included', () => {
    const packed = packCatalog(smallCatalog());
    const text = catalogText(packed);
    expect(JSON.parse(text)).toMatchObject(packed);
    const read = CatalogLines.read(text);
    if (!read) throw new Error('not one entry per line');
    expect(read.lines.length).toBe(packed.e.length);
    const lazy = new Catalog(read);
    const full = new Catalog(packed);
    for (let i = 0; i < full.size; i++) expect(view(lazy, i)).toEqual(view(full, i));
    expect(lazy.entries).toEqual(full.entries);
    expect(lazy.entryAt(1).code).toBe('say "hi"\\ ,\n["x",1,');
    expect(lazy.codeAt(1)).toBe(normalizeCode('say "hi"\\ ,\n["x",1,'));
    // The hints name what the lines' starts do not say: the string codes, advice, aliases.
    expect(read.hints.n.length).toBeGreaterThan(0);
    expect(read.hints.a.length).toBeGreaterThan(0);
    expect(read.hints.k.length).toBeGreaterThan(0);
  });

  it('reads an empty catalog, and leaves JSON laid out otherwise to be parsed whole', () => {
    const empty = catalogText({ v: 1, sources: [], e: [] });
    expect(JSON.parse(empty)).toMatchObject({ v: 1, sources: [], e: [] });
    expect(CatalogLines.read(empty)?.lines).toEqual([]);
    expect(CatalogLines.read(JSON.stringify(whole))).toBeUndefined();
  });
});
