import { readFileSync } from 'fs';
import { join } from 'path';

const DIR = join(__dirname, '..', '..', 'catalog', 'sources');

/** The whole text of a source file, as committed in catalog/sources. */
export function sourceText(file: string): string {
  return readFileSync(join(DIR, file), 'utf8');
}

/** Lines `from`..`to` (1-based, inclusive) of a source file: real excerpts, not invented fixtures. */
export function sourceLines(file: string, from: number, to: number): string {
  return sourceText(file)
    .split('\n')
    .slice(from - 1, to)
    .join('\n');
}

/** The lines of a source file that satisfy a predicate (e.g. the rows of some codes). */
export function sourceLinesWhere(file: string, keep: (line: string) => boolean): string[] {
  return sourceText(file).split('\n').filter(keep);
}
