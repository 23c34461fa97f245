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

/** Where the snippet files are; tests point it at a temporary directory. */
const DATA_DIR = __dirname;

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
export function loadRealCorpus(dir: string = DATA_DIR): RealCorpus {
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

/** A label as the header of snippets.txt defines it: a number or a Pay code, then an optional platform. */
const LABEL = /^(?:-?\d+|[A-Z][A-Z_]*)(?:@(?:wecom|pay|wxapi))?$/;

/**
 * The second harvest (snippets-tune2.txt): tune only, never split. It must share no id and no source thread
 * with snippets.txt: a thread in both files could carry held-out text into what is tuned on.
 */
export function loadTune2(dir: string = DATA_DIR): RealSnippet[] {
  const first = parseSnippets(readFileSync(join(dir, 'snippets.txt'), 'utf8'));
  const tune2 = parseSnippets(readFileSync(join(dir, 'snippets-tune2.txt'), 'utf8'));
  const ids = new Set(first.map((s) => s.id));
  const sources = new Set(first.map((s) => s.source));
  const seen = new Set<string>();
  for (const s of tune2) {
    const bad = [...s.explicit, ...s.implied].find((l) => !LABEL.test(l));
    if (bad)
      throw new Error(
        `snippets-tune2.txt: ${s.id} has a label not of the form CODE[@wecom|@pay|@wxapi]: ${bad}`,
      );
    if (ids.has(s.id) || seen.has(s.id)) throw new Error(`snippets-tune2.txt: id ${s.id} is not unique`);
    if (sources.has(s.source))
      throw new Error(`snippets-tune2.txt: ${s.id} quotes ${s.source}, a thread snippets.txt already holds`);
    seen.add(s.id);
  }
  return tune2;
}
