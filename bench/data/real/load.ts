// Loader for the real-snippet corpus (snippets.txt, split.json; see README.md here): plain file reads, so the
// bench scores exactly what is on disk. Labels are read as written, never edited.
import { readFileSync } from 'fs';
import { join } from 'path';

export interface RealSnippet {
  id: string;
  /** Explicit codes (a number or Pay code written in the text), as labelled: `40164`, `60020@wecom`. */
  explicit: string[];
  /** Codes implied only by wording (labelled with `~`), without the `~`. */
  implied: string[];
  source: string;
  text: string;
}

export interface RealCorpus {
  tune: RealSnippet[];
  held: RealSnippet[];
}

function parseSnippets(raw: string): RealSnippet[] {
  const snippets: RealSnippet[] = [];
  const blocks = raw.split(/^=== /m).slice(1);
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    const header = (newline === -1 ? block : block.slice(0, newline)).trim();
    const parts = header.split(' | ');
    if (parts.length < 3) throw new Error(`bad snippet header: ${header}`);
    const [id, expected, source] = [parts[0].trim(), parts[1].trim(), parts.slice(2).join(' | ').trim()];
    const labels = expected === '-' ? [] : expected.split(',').map((l) => l.trim());
    const body = newline === -1 ? '' : block.slice(newline + 1);
    const text = body
      .split('\n')
      .filter((line) => !line.startsWith('# why:'))
      .join('\n')
      .replace(/\s+$/, '');
    snippets.push({
      id,
      explicit: labels.filter((l) => !l.startsWith('~')),
      implied: labels.filter((l) => l.startsWith('~')).map((l) => l.slice(1)),
      source,
      text,
    });
  }
  return snippets;
}

/** The corpus split as split.json says (every id must be in exactly one part). */
export function loadRealCorpus(): RealCorpus {
  const dir = __dirname;
  const snippets = parseSnippets(readFileSync(join(dir, 'snippets.txt'), 'utf8'));
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as {
    tune: string[];
    held: string[];
  };
  const byId = new Map(snippets.map((s) => [s.id, s]));
  const pick = (ids: string[]) =>
    ids.map((id) => {
      const s = byId.get(id);
      if (!s) throw new Error(`split.json names ${id}, which snippets.txt lacks`);
      return s;
    });
  const corpus = { tune: pick(split.tune), held: pick(split.held) };
  if (corpus.tune.length + corpus.held.length !== snippets.length)
    throw new Error(
      `split.json covers ${corpus.tune.length + corpus.held.length} of ${snippets.length} snippets`,
    );
  return corpus;
}
