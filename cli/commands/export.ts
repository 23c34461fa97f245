import { bundledCatalog } from '../../miniprogram/core/catalog';
import { EXIT, type CliIO, type ParsedArgs } from '../io';

/** The whole catalog: JSON by default (it is data), one entry per line with --jsonl. */
export async function exportCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { data } = bundledCatalog();
  if (args.flags.has('jsonl')) for (const e of data.entries) io.out(JSON.stringify(e));
  else io.out(JSON.stringify(data, null, args.flags.has('compact') ? undefined : 2));
  return EXIT.found;
}
