// Loader for extract-fixtures.txt (used by the extract bench and its tests).
import { readFileSync } from 'fs';
import { join } from 'path';
import type { FoundCode } from '../../miniprogram/core/extract';

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

/** The blind set (extract-fixtures-blind.txt): same format, written without seeing the extractor. */
export function loadBlindFixtures(): ExtractFixture[] {
  const raw = readFileSync(join(__dirname, 'extract-fixtures-blind.txt'), 'utf8');
  return raw
    .split(/^=== /m)
    .slice(1)
    .map((part) => {
      const newline = part.indexOf('\n');
      const m = /^(\S+) \| (.+)$/.exec(part.slice(0, newline).trim());
      if (!m) throw new Error(`bad blind fixture header: ${part.slice(0, newline)}`);
      const expected = m[2].trim() === '-' ? [] : m[2].split(',').map((c) => c.trim());
      return { name: m[1], expected, text: part.slice(newline + 1).replace(/\n+$/, '') };
    });
}

/**
 * How a found code is written in fixture labels: the code, with `@wecom`, `@pay` or `@wxapi` when it was
 * attributed to WeCom, WeChat Pay or a client API's own errCode table (the real-snippet corpus's convention).
 */
export function labelOf(found: Pick<FoundCode, 'code' | 'platform'>): string {
  if (found.platform === 'wecom') return `${found.code}@wecom`;
  if (found.platform === 'payv3' || found.platform === 'payv2') return `${found.code}@pay`;
  if (found.platform === 'wxapi') return `${found.code}@wxapi`;
  return found.code;
}
