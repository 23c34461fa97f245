import '../prebuilt-index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { searchIndex, type SearchHit } from '../../miniprogram/core/search';
import { platformInfo } from '../../miniprogram/core/platforms';
import { meaningsOf } from '../../miniprogram/core/search/group';
import { findPlatformWords } from '../../miniprogram/core/search/platformWords';
import type { Entry } from '../../miniprogram/core/types';
import { typoHint } from '../../miniprogram/core/view/browse';
import { isWeChat, meaningLines, splitByWeChat, suggestionLines, type Layout } from '../format';
import { EXIT, UsageError, type CliIO, type OptionSpec, type ParsedArgs } from '../io';
import { labels } from '../labels';
import { platformFilter } from '../platform-filter';
import { fit, wrap } from '../text';
import { layoutOf } from './lookup';

export const searchOptions: OptionSpec = {
  flags: ['json', 'jsonl', 'all'],
  values: ['limit', 'platform', 'lang'],
};

/** Hits asked of the index per code block shown: a code's several platforms each make a hit. */
const HITS_PER_BLOCK = 6;

/** One hit as a batch evaluator reads it: identity, both texts, and why it matched. */
function compactHit(hit: SearchHit): Record<string, unknown> {
  const { entry } = hit;
  return {
    id: entry.id,
    code: entry.code,
    platform: entry.platform,
    en: entry.en,
    zh: entry.zh,
    ...(entry.fix ? { fix: entry.fix } : {}),
    score: hit.score,
    kind: hit.kind,
    highlights: hit.highlights,
  };
}

/** Entries grouped by code, in the order of each code's first entry. */
function groupEntries(entries: readonly Entry[]): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const group = groups.get(e.code);
    if (!group) groups.set(e.code, [e]);
    else if (!group.includes(e)) group.push(e);
  }
  return [...groups.values()];
}

/** Hits grouped by code, in the order of each code's best hit; a hit's other meanings (`also`) join its code. */
export function groupByCode(hits: SearchHit[]): Entry[][] {
  return groupEntries(hits.flatMap((h) => [h.entry, ...h.also]));
}

/** A search block: the code with its platforms, then its meaning in one line per language (never a remedy). */
function block(entries: Entry[], layout: Layout): string[] {
  const { p } = layout;
  const [first, ...rest] = entries;
  const more = rest.length ? p.dim(`  ${labels(layout.lang).morePlatforms(rest.length)}`) : '';
  const lines = [`${p.code(p.bold(first.code))}  ${p.accent(first.platform)}${more}`];
  lines.push(...meaningLines(first, layout));
  return lines;
}

export async function searchCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const index = searchIndex(bundledCatalog());
  const limit = Number(args.options.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
  const keep = platformFilter(args.options.get('platform'));
  if (args.flags.has('jsonl')) {
    // One query per line in, one JSON array of hits per line out (batch evaluation): blank lines too, so
    // that output line n always answers input line n.
    const input = await io.readStdin();
    const lines = input.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines)
      io.out(
        JSON.stringify(
          index
            .search(line, { limit })
            .filter((h) => keep(h.entry))
            .map(compactHit),
        ),
      );
    return EXIT.found;
  }
  const query = args.positional.join(' ');
  if (!query.trim()) throw new UsageError('search needs a query, e.g. `wxerr search "invalid credential"`');
  if (args.flags.has('json')) {
    const hits = index.search(query, { limit }).filter((h) => keep(h.entry));
    io.out(
      JSON.stringify(
        hits.map((h) => ({ ...h.entry, score: h.score, kind: h.kind, highlights: h.highlights })),
        null,
        2,
      ),
    );
    return hits.length ? EXIT.found : EXIT.notFound;
  }
  const hits = index.search(query, { limit: limit * HITS_PER_BLOCK }).filter((h) => keep(h.entry));
  // A code the catalog lacks ("4001"): the codes one typo away first, before its prefix hits if any.
  const typo = typoHint(index.catalog, query, layoutOf(io, args).lang);
  if (typo) io.out(wrap(typo.text, io.width, '', '  ').join('\n'));
  if (hits.length === 0) {
    const layout = layoutOf(io, args);
    if (!typo) io.out(labels(layout.lang).noMatch(query));
    const near = index.page(query, { limit }).suggestions.filter((h) => keep(h.entry));
    for (const line of suggestionLines(
      labels(layout.lang).nearest,
      near.map((h) => h.entry),
      layout,
    ))
      io.out(line);
    return EXIT.notFound;
  }
  // The non-WeChat platform shows when asked: --all, --platform, or a query that names it ("40001 非微信").
  const named = findPlatformWords(query.toLowerCase()).words.some((w) => !platformInfo(w.platform).wechat);
  const showOther = args.flags.has('all') || args.options.has('platform') || named;
  io.out(searchText(hits, layoutOf(io, args), limit, showOther).join('\n'));
  return EXIT.found;
}

/**
 * One block per code, WeChat first. The non-WeChat platform's hits stand apart at the end, shown when asked
 * (--all, --platform) or when they are all there is; otherwise counted in one line.
 */
export function searchText(hits: SearchHit[], layout: Layout, limit: number, showOther: boolean): string[] {
  const wechatHits = hits.filter((h) => isWeChat(h.entry));
  const lines: string[] = [];
  const wechatGroups = groupByCode(wechatHits).slice(0, limit);
  const words = labels(layout.lang);
  // Named in the query, the non-WeChat platform's block stands where its best hit ranks (as on the search page):
  // the WeChat codes ranked above it first, the others after it under their own rule.
  const firstOther = hits.findIndex((h) => !isWeChat(h.entry));
  const above =
    showOther && firstOther >= 0
      ? new Set(hits.slice(0, firstOther).map((h) => h.entry.code)).size
      : wechatGroups.length;
  const wechatBlocks = (groups: Entry[][], ruled = false) => {
    for (const [i, group] of groups.entries()) {
      if (lines.length && !(ruled && i === 0)) lines.push('');
      lines.push(...block(splitByWeChat(group).wechat, layout));
    }
  };
  wechatBlocks(wechatGroups.slice(0, above));
  // The engine leaves out the non-WeChat meanings of the codes it shows (unless the query names that
  // platform): they are counted here, and shown with --all.
  const catalog = bundledCatalog();
  const hidden = wechatGroups.flatMap((group) =>
    meaningsOf(catalog, group[0].code, { nonWechat: true }).apart.map((c) => c.primary),
  );
  const otherHits = hits.filter((h) => !isWeChat(h.entry)).map((h) => h.entry);
  const otherGroups = groupEntries([...otherHits, ...hidden]).slice(0, limit);
  if (otherGroups.length === 0) {
    wechatBlocks(wechatGroups.slice(above));
    return lines;
  }
  if (showOther || wechatHits.length === 0) {
    if (lines.length) lines.push('');
    lines.push(layout.p.bold(words.notWeChatGroup(otherGroups[0][0].platform)));
    otherGroups.forEach((group, i) => lines.push(...(i ? [''] : []), ...block(group, layout)));
    if (wechatGroups.length > above) lines.push('', layout.p.bold(words.weChatRule));
    wechatBlocks(wechatGroups.slice(above), true);
  } else {
    wechatBlocks(wechatGroups.slice(above));
    lines.push('', layout.p.dim(fit(words.notWeChatCount(otherGroups.length), layout.width)));
  }
  return lines;
}
