// wxerr annotate: passes a log stream through (`tail -f app.log | wxerr annotate`), appending a short
// explanation to each line that carries a WeChat error code. Line by line: nothing is buffered beyond a line.
import { createInterface } from 'readline';
import type { Readable } from 'stream';
import { actionAdvice } from '../../miniprogram/core/advice';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes, LEARNED_MAX_CHARS, MAX_SCAN_CHARS } from '../../miniprogram/core/extract';
import { painter } from '../format';
import { EXIT, UsageError, type CliIO, type ParsedArgs } from '../io';

/**
 * The explanation appended to a line, or '' when the line has no code. `learned` as extractCodes takes it:
 * the stream asks for it on its first LEARNED_MAX_CHARS, as `wxerr scan` does, and keeps the rules alone after.
 */
export function annotation(line: string, color = false, learned = true): string {
  if (line.length > MAX_SCAN_CHARS) return '';
  const { codes } = extractCodes(line, { learned });
  if (codes.length === 0) return '';
  const p = painter(color);
  const catalog = bundledCatalog();
  const parts = codes.map((c) => {
    // The platform the extractor attributed (WeCom's 40001 is a bad secret), as `wxerr scan` shows it.
    const entry = (c.entryId && catalog.get(c.entryId)) || catalog.lookup(c.code)[0];
    const text = entry ? shortText(entry.zh || entry.en) : catalog.family(c.code).zh;
    // The next step in the text's language ("刷新 access_token"), not the internal key (refresh-token).
    const action = entry ? ` (${actionAdvice(entry.action).short[entry.zh ? 'zh' : 'en']})` : '';
    return `${c.code}${c.inferred ? '?' : ''} ${text}${action}`;
  });
  return p.accent(`  ⟵ ${parts.join('; ')}`);
}

/** First clause of a catalog text, short enough for the end of a log line. */
function shortText(text: string): string {
  const first = text.split(/[。；;]|，请|, please/)[0].trim();
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/** Reads lines from input and writes each (annotated) as soon as it arrives. Resolves to the number of annotated lines. */
export async function annotateStream(
  input: Readable,
  write: (line: string) => void,
  color = false,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let annotated = 0;
  let seen = 0;
  for await (const line of lines) {
    seen += line.length + 1;
    const note = annotation(line, color, seen <= LEARNED_MAX_CHARS);
    if (note) annotated++;
    write(line + note);
  }
  return annotated;
}

export async function annotateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length > 0)
    throw new UsageError('annotate reads standard input: `tail -f app.log | wxerr annotate`');
  const annotated = await annotateStream(io.stdin(), (line) => io.out(line), io.color);
  return annotated > 0 ? EXIT.found : EXIT.notFound;
}
