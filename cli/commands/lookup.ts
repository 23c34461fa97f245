import { bundledCatalog, normalizeCode } from '../../miniprogram/core/catalog';
import { formatEntry, painter } from '../format';
import { EXIT, UsageError, type CliIO, type ParsedArgs } from '../io';

export async function lookupCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const codes = args.positional;
  if (codes.length === 0) throw new UsageError('lookup needs a code, e.g. `wxerr lookup 40001`');
  const catalog = bundledCatalog();
  const results = codes.map((code) => ({ code: normalizeCode(code), entries: catalog.lookup(code) }));
  const found = results.some((r) => r.entries.length > 0);
  if (args.flags.has('json')) {
    io.out(
      JSON.stringify(
        results.flatMap((r) => r.entries),
        null,
        2,
      ),
    );
    return found ? EXIT.found : EXIT.notFound;
  }
  const p = painter(io.color);
  for (const { code, entries } of results) {
    if (entries.length === 0) {
      const family = catalog.family(code);
      io.out(`${p.code(p.bold(code))}  not in the catalog. ${family.key}: ${family.en} (${family.zh})`);
      continue;
    }
    io.out(entries.map((e) => formatEntry(e, p)).join('\n\n'));
  }
  return found ? EXIT.found : EXIT.notFound;
}
