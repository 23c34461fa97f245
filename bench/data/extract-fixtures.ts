// Loader for extract-fixtures.txt (used by the extract bench and its tests).
import { readFileSync } from 'fs';
import { join } from 'path';

export interface ExtractFixture {
  name: string;
  expected: string[];
  text: string;
}

export function loadExtractFixtures(): ExtractFixture[] {
  const raw = readFileSync(join(__dirname, 'extract-fixtures.txt'), 'utf8');
  const fixtures: ExtractFixture[] = [];
  const parts = raw.split(/^=== /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const header = part.slice(0, newline);
    const m = /^(\S+) \| (.+)$/.exec(header.trim());
    if (!m) throw new Error(`bad fixture header: ${header}`);
    const expected = m[2].trim() === '-' ? [] : m[2].split(',').map((c) => c.trim());
    fixtures.push({ name: m[1], expected, text: part.slice(newline + 1).replace(/\n+$/, '') });
  }
  return fixtures;
}
