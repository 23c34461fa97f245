import { bundledCatalog } from '../../miniprogram/core/catalog';
import { searchIndex, type SearchHit } from '../../miniprogram/core/search';
import { formatEntry, painter } from '../format';
import { EXIT, UsageError, type CliIO, type ParsedArgs } from '../io';

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

export async function searchCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const index = searchIndex(bundledCatalog());
  const limit = Number(args.options.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
  if (args.flags.has('jsonl')) {
    // One query per line in, one JSON array of hits per line out (batch evaluation): blank lines too, so
    // that output line n always answers input line n.
    const input = await io.readStdin();
    const lines = input.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) io.out(JSON.stringify(index.search(line, { limit }).map(compactHit)));
    return EXIT.found;
  }
  const query = args.positional.join(' ');
  if (!query.trim()) throw new UsageError('search needs a query, e.g. `wxerr search "invalid credential"`');
  const hits = index.search(query, { limit });
  if (args.flags.has('json'))
    io.out(
      JSON.stringify(
        hits.map((h) => ({ ...h.entry, score: h.score, kind: h.kind, highlights: h.highlights })),
        null,
        2,
      ),
    );
  else if (hits.length === 0) io.out(`no match for ${JSON.stringify(query)}`);
  else {
    const p = painter(io.color);
    io.out(hits.map((h) => formatEntry(h.entry, p)).join('\n\n'));
  }
  return hits.length ? EXIT.found : EXIT.notFound;
}
