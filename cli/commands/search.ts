import { bundledCatalog } from '../../miniprogram/core/catalog';
import { search } from '../../miniprogram/core/search';
import { formatEntry, painter } from '../format';
import { EXIT, UsageError, type CliIO, type ParsedArgs } from '../io';

export async function searchCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const catalog = bundledCatalog();
  const limit = Number(args.options.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
  if (args.flags.has('jsonl')) {
    // One query per line in, one JSON array of hits per line out (batch evaluation).
    const input = await io.readStdin();
    for (const line of input.split(/\r?\n/)) {
      if (!line.trim()) continue;
      io.out(JSON.stringify(search(catalog, line, { limit }).map((h) => h.entry)));
    }
    return EXIT.found;
  }
  const query = args.positional.join(' ');
  if (!query.trim()) throw new UsageError('search needs a query, e.g. `wxerr search "invalid credential"`');
  const hits = search(catalog, query, { limit });
  if (args.flags.has('json'))
    io.out(
      JSON.stringify(
        hits.map((h) => h.entry),
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
