import { bundledCatalog, normalizeCode, type Catalog } from '../../miniprogram/core/catalog';
import { codeTypos } from '../../miniprogram/core/search/code-typos';
import { nearestCodes, type CodeCell } from '../../miniprogram/core/search/group';
import type { Entry } from '../../miniprogram/core/types';
import { didYouMeanText } from '../../miniprogram/core/view/browse';
import { formatCode, painter, suggestionLines, type Layout } from '../format';
import { EXIT, UsageError, type CliIO, type OptionSpec, type ParsedArgs } from '../io';
import { labels } from '../labels';
import { platformFilter } from '../platform-filter';
import { wrap } from '../text';

export const lookupOptions: OptionSpec = { flags: ['json', 'all'], values: ['platform', 'lang'] };

export function layoutOf(io: CliIO, args: ParsedArgs): Layout {
  const lang = args.options.get('lang');
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError('--lang takes zh or en');
  return { p: painter(io.color), width: io.width, lang: lang ?? io.lang };
}

interface Suggestions {
  /** One typo away (4001 → 40001). */
  typos: CodeCell[];
  /** The nearest known codes of the family, the typos left out. */
  near: Entry[];
}

/** What the text view offers instead of an answer, computed once for both views. */
function suggestionsFor(catalog: Catalog, code: string, byPlatform: boolean): Suggestions {
  const typos = byPlatform ? [] : codeTypos(catalog, code, 4);
  const typed = new Set(typos.map((c) => c.code));
  const near = nearestCodes(catalog, code, 5)
    .filter((c) => !typed.has(c.code))
    .slice(0, typos.length ? 3 : 5)
    .map((c) => c.primary);
  return { typos, near };
}

/** A code the catalog lacks, in --json: its family and the codes the text view suggests (added, issue 12). */
function unknownJson(catalog: Catalog, asked: string, code: string, byPlatform: boolean) {
  const brief = ({ id, code, platform, zh, en, zhSource, enSource }: Entry) => ({
    id,
    code,
    platform,
    zh,
    en,
    zhSource,
    enSource,
  });
  const numeric = /^-?\d+$/.test(code);
  const { typos, near } = numeric ? suggestionsFor(catalog, code, byPlatform) : { typos: [], near: [] };
  return {
    asked,
    code,
    found: false,
    ...(numeric ? { family: catalog.family(code) } : {}),
    didYouMean: typos.map((c) => brief(c.primary)),
    nearest: near.map(brief),
  };
}

export async function lookupCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const codes = args.positional;
  if (codes.length === 0) throw new UsageError('lookup needs a code, e.g. `wxerr lookup 40001`');
  const catalog = bundledCatalog();
  const keep = platformFilter(args.options.get('platform'));
  const results = codes.map((code) => ({
    asked: code,
    code: normalizeCode(code),
    entries: catalog.lookup(code).filter(keep),
  }));
  const found = results.some((r) => r.entries.length > 0);
  if (args.flags.has('json')) {
    // The entries as before; a code with none adds one `found: false` record, so `[]` never hides it.
    const json = results.flatMap((r): (Entry | ReturnType<typeof unknownJson>)[] =>
      r.entries.length ? r.entries : [unknownJson(catalog, r.asked, r.code, args.options.has('platform'))],
    );
    io.out(JSON.stringify(json, null, 2));
    return found ? EXIT.found : EXIT.notFound;
  }
  const layout = layoutOf(io, args);
  const { p } = layout;
  const all = args.flags.has('all');
  results.forEach(({ asked, code, entries }, i) => {
    if (i > 0) io.out('');
    const { typos, near } = suggestionsFor(catalog, code, args.options.has('platform'));
    if (entries.length === 0 && !/^-?\d+$/.test(code)) {
      // A name or an errMsg (authorize:fail auth deny): no range to explain; its words may still be found.
      io.out(wrap(labels(layout.lang).notListed(asked), layout.width, '', '  ').join('\n'));
      return;
    }
    if (entries.length === 0) {
      const family = catalog.family(code);
      const words = labels(layout.lang);
      const missing = words.notHere(p.code(p.bold(code)), args.options.get('platform'));
      const familyText =
        layout.lang === 'zh' ? `${family.key}：${family.zh}` : `${family.key}: ${family.en} (${family.zh})`;
      // One typo away first (4001 → 40001); the family's meaning only when there is no such code.
      const line = typos.length ? didYouMeanText(code, typos, layout.lang) : `${missing} ${familyText}`;
      io.out(wrap(line, layout.width, '', '  ').join('\n'));
      for (const line of suggestionLines(words.nearestOf(family.key), near, layout)) io.out(line);
      return;
    }
    io.out(formatCode(entries, layout, { all }).join('\n'));
    // Listed only on WeCom, Pay or the client API (400011): the common code a typo may have hidden.
    if (typos.length)
      io.out(
        p.dim(wrap(didYouMeanText(code, typos, layout.lang, true), layout.width, '  ', '    ').join('\n')),
      );
  });
  return found ? EXIT.found : EXIT.notFound;
}
