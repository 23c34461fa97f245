// What `wxerr scan` arguments name: files, directories (walked recursively), globs (expanded here when the
// shell did not) and standard input (-). Problems (a missing file, a glob that matches nothing) are reported
// as plain lines and the other arguments still count.
import { readdirSync, statSync, type Stats } from 'fs';
import { join } from 'path';
import { plainMessage } from '../errors';

export type Source =
  | { kind: 'stdin'; name: string }
  /** `explicit`: named on the command line (binary data is then a problem, not something to skip). */
  | { kind: 'file'; name: string; explicit: boolean }
  | { kind: 'dir'; name: string };

export interface Problem {
  file: string;
  message: string;
}

/** Folders never worth scanning for logs. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

const hasWildcard = (s: string) => /[*?[]/.test(s);

/** The file's stats, or the error that says why there are none (no instanceof: errors may come from another realm). */
function statOf(path: string): { stat: Stats; error?: undefined } | { stat?: undefined; error: unknown } {
  try {
    return { stat: statSync(path) };
  } catch (error) {
    return { error };
  }
}

/** Every file under a directory, sorted, depth first. A folder that cannot be read is reported and skipped. */
export function* walk(dir: string, report: (p: Problem) => void): Generator<string> {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    report({ file: dir, message: plainMessage(error, dir) });
    return;
  }
  for (const d of names) {
    const path = join(dir, d.name);
    if (d.isDirectory()) {
      if (!SKIPPED_DIRS.has(d.name)) yield* walk(path, report);
    } else if (d.isFile()) yield path;
    else if (d.isSymbolicLink()) {
      // A link to a file counts; links to folders are not followed (no cycles).
      if (statOf(path).stat?.isFile()) yield path;
    }
  }
}

/** One glob segment (`*.log`, `app-?.txt`, `[ab]*`) as a regular expression. */
function segmentPattern(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${segment
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob (`logs/*.log`, `logs/**\/*.txt`), sorted. Hidden names only when the pattern says so. */
export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  const firstWild = parts.findIndex(hasWildcard);
  const base = parts.slice(0, firstWild).join('/') || (absolute ? '/' : '.');
  const rest = parts.slice(firstWild);
  const out: string[] = [];
  const visit = (dir: string, i: number) => {
    if (i === rest.length) return;
    const segment = rest[i];
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (segment === '**') {
      visit(dir, i + 1);
      for (const e of entries)
        if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name))
          visit(join(dir, e.name), i);
      return;
    }
    const re = segmentPattern(segment);
    for (const e of entries) {
      if (e.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!re.test(e.name)) continue;
      const path = dir === '.' && !pattern.startsWith('./') ? e.name : join(dir, e.name);
      if (i === rest.length - 1) {
        const { stat } = statOf(path);
        if (stat && !stat.isDirectory()) out.push(path);
      } else if (e.isDirectory() || e.isSymbolicLink()) visit(path, i + 1);
    }
  };
  visit(base, 0);
  return [...new Set(out)].sort();
}

/**
 * The sources named by the arguments, in order, as a lazy sequence (a directory of a million files is walked,
 * not listed). Problems go to `report`.
 */
export function* sourcesOf(args: string[], report: (p: Problem) => void): Generator<Source> {
  for (const arg of args) {
    if (arg === '-') {
      yield { kind: 'stdin', name: 'stdin' };
      continue;
    }
    const { stat, error } = statOf(arg);
    if (!stat) {
      if (hasWildcard(arg)) {
        const files = expandGlob(arg);
        if (files.length === 0) report({ file: arg, message: `${arg}: no file matches this pattern` });
        for (const file of files) yield { kind: 'file', name: file, explicit: true };
      } else report({ file: arg, message: plainMessage(error, arg) });
      continue;
    }
    if (stat.isDirectory()) {
      yield { kind: 'dir', name: arg };
      continue;
    }
    yield { kind: 'file', name: arg, explicit: true };
  }
}
