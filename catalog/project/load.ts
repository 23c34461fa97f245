// Reads the project's own texts: translations (catalog/translations/*.tsv), notes and advice
// (catalog/project/notes.tsv, advice.tsv). Every problem a file can have is collected with its file and line,
// so one run reports them all; the caller decides whether they are fatal.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, join } from 'path';

export const PROJECT_DIR = __dirname;
export const TRANSLATIONS_DIR = join(__dirname, '..', 'translations');
export const NOTES_FILE = join(__dirname, 'notes.tsv');
export const ADVICE_FILE = join(__dirname, 'advice.tsv');
export const ALIASES_FILE = join(__dirname, 'aliases.tsv');
export const FIX_EN_FILE = join(__dirname, 'wecom-fix-en.tsv');

export type Lang = 'zh' | 'en';

/** Where a project text was written: `catalog/translations/zh-1.tsv:12`. */
export interface Origin {
  file: string;
  line: number;
}

export interface Translation extends Origin {
  id: string;
  lang: Lang;
  text: string;
}

export interface Note extends Origin {
  id: string;
  zh: string;
  en: string;
}

/** Advice keyed by an entry id ("open:40001") or by a bare code ("40001": every WeChat platform with it). */
export interface Advice extends Origin {
  key: string;
  zh: string;
  en: string;
}

/**
 * Spellings of one WeChat Pay code that mean the same thing (SYSTEMERROR / SYSTEM_ERROR): on each Pay platform
 * their rows merge into one entry listing the others as aliases, and the note says why.
 */
export interface AliasGroup extends Origin {
  spellings: string[];
  zh: string;
  en: string;
}

/** English of an entry's Chinese-only official fix (the WeCom 排查方法 cells). */
export interface FixTranslation extends Origin {
  id: string;
  text: string;
}

export interface ProjectTexts {
  translations: Translation[];
  /** Absent means none. */
  fixTranslations?: FixTranslation[];
  notes: Note[];
  advice: Advice[];
  /** Pay spelling groups; absent means none (a synthetic catalog in tests). */
  aliases?: AliasGroup[];
}

export class ProjectTextError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the project texts:\n  ${problems.join('\n  ')}`);
  }
}

interface Row extends Origin {
  cells: string[];
}

/** `open:40034`; string codes may hold spaces and colons (`payv2:No Bill Exist`, `wxapi:login:fail …`). */
const ID = /^[a-z0-9]+:\S(?:[^\t]*\S)?$/;

/**
 * Data rows of a TSV file with a fixed header. Blank lines and lines starting with `#` are skipped.
 * A row with the wrong number of cells or an empty cell is reported, not guessed at.
 */
function readTsv(path: string, header: string[], problems: string[]): Row[] {
  const rel = relName(path);
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const rows: Row[] = [];
  let sawHeader = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!sawHeader) {
      sawHeader = true;
      if (cells.join('\t') !== header.join('\t'))
        problems.push(`${rel}:${line}: header must be "${header.join('\\t')}", found "${raw}"`);
      return;
    }
    if (cells.length !== header.length) {
      problems.push(`${rel}:${line}: expected ${header.length} tab-separated cells, found ${cells.length}`);
      return;
    }
    const trimmed = cells.map((c) => c.trim());
    const empty = trimmed.findIndex((c) => !c);
    if (empty >= 0) {
      problems.push(`${rel}:${line}: empty ${header[empty]}`);
      return;
    }
    rows.push({ file: rel, line, cells: trimmed });
  });
  if (!sawHeader) problems.push(`${rel}: empty file (needs the header "${header.join('\\t')}")`);
  return rows;
}

function relName(path: string): string {
  const root = join(__dirname, '..', '..');
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
}

/** Translation files are named `zh-*.tsv` or `en-*.tsv`; the language is also the second header cell. */
export function readTranslations(dir: string, problems: string[]): Translation[] {
  if (!existsSync(dir)) return [];
  const out: Translation[] = [];
  const seen = new Map<string, Origin>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.tsv')) continue;
    const path = join(dir, name);
    const m = /^(zh|en)-[\w-]+\.tsv$/.exec(basename(name));
    if (!m) {
      problems.push(`${relName(path)}: translation files must be named zh-<n>.tsv or en-<n>.tsv`);
      continue;
    }
    const lang = m[1] as Lang;
    for (const row of readTsv(path, ['id', lang], problems)) {
      const [id, text] = row.cells;
      if (!ID.test(id)) {
        problems.push(`${row.file}:${row.line}: malformed id "${id}" (expected e.g. open:40034)`);
        continue;
      }
      const key = `${lang} ${id}`;
      const first = seen.get(key);
      if (first) {
        problems.push(
          `${row.file}:${row.line}: duplicate ${lang} translation of ${id} (first at ${first.file}:${first.line})`,
        );
        continue;
      }
      seen.set(key, row);
      out.push({ id, lang, text, file: row.file, line: row.line });
    }
  }
  return out;
}

/** Rows of a three-column file (key, zh, en): keys validated, each key once. */
function readKeyedPairs(
  path: string,
  header: [string, string, string],
  what: { noun: string; isKey: (key: string) => boolean; example: string },
  problems: string[],
): Array<{ key: string; zh: string; en: string } & Origin> {
  if (!existsSync(path)) return [];
  const out: Array<{ key: string; zh: string; en: string } & Origin> = [];
  const seen = new Map<string, Origin>();
  for (const row of readTsv(path, header, problems)) {
    const [key, zh, en] = row.cells;
    if (!what.isKey(key)) {
      problems.push(`${row.file}:${row.line}: malformed ${header[0]} "${key}" (${what.example})`);
      continue;
    }
    const first = seen.get(key);
    if (first) {
      problems.push(
        `${row.file}:${row.line}: duplicate ${what.noun} for ${key} (first at ${first.file}:${first.line})`,
      );
      continue;
    }
    seen.set(key, row);
    out.push({ key, zh, en, file: row.file, line: row.line });
  }
  return out;
}

export function readNotes(path: string, problems: string[]): Note[] {
  const what = {
    noun: 'note',
    isKey: (k: string) => ID.test(k),
    example: 'notes are per entry, e.g. open:40125',
  };
  return readKeyedPairs(path, ['id', 'noteZh', 'noteEn'], what, problems).map(({ key, ...rest }) => ({
    id: key,
    ...rest,
  }));
}

export function readAdvice(path: string, problems: string[]): Advice[] {
  const what = {
    noun: 'advice',
    isKey: (k: string) => ID.test(k) || /^-?\d+$/.test(k),
    example: 'an id like open:40001 or a code like 40001',
  };
  return readKeyedPairs(path, ['key', 'adviceZh', 'adviceEn'], what, problems);
}

/** Alias groups: spellings separated by commas (a spelling may hold a space: "SIGN ERROR"), each spelling once. */
export function readAliases(path: string, problems: string[]): AliasGroup[] {
  const owner = new Map<string, Origin>();
  const what = {
    noun: 'alias group',
    isKey: (k: string) => /^[A-Za-z][A-Za-z0-9_ ]*(,[A-Za-z][A-Za-z0-9_ ]*)+$/.test(k),
    example: 'two or more spellings separated by commas, e.g. NOT_ENOUGH,NOTENOUGH',
  };
  const groups: AliasGroup[] = [];
  for (const { key, ...rest } of readKeyedPairs(path, ['spellings', 'noteZh', 'noteEn'], what, problems)) {
    const spellings = key.split(',');
    const repeated = spellings.filter((s) => owner.has(s.toUpperCase()));
    if (repeated.length) {
      const first = owner.get(repeated[0].toUpperCase()) as Origin;
      problems.push(
        `${rest.file}:${rest.line}: ${repeated.join(', ')} already in the group at ${first.file}:${first.line}`,
      );
      continue;
    }
    for (const s of spellings) owner.set(s.toUpperCase(), rest);
    groups.push({ spellings, ...rest });
  }
  return groups;
}

/** `id\tfixEn` rows, each id once. */
export function readFixTranslations(path: string, problems: string[]): FixTranslation[] {
  if (!existsSync(path)) return [];
  const seen = new Map<string, Origin>();
  const out: FixTranslation[] = [];
  for (const row of readTsv(path, ['id', 'fixEn'], problems)) {
    const [id, text] = row.cells;
    const first = seen.get(id);
    if (!ID.test(id))
      problems.push(`${row.file}:${row.line}: malformed id "${id}" (expected e.g. wecom:60020)`);
    else if (first)
      problems.push(
        `${row.file}:${row.line}: duplicate fixEn for ${id} (first at ${first.file}:${first.line})`,
      );
    else {
      seen.set(id, row);
      out.push({ id, text, file: row.file, line: row.line });
    }
  }
  return out;
}

export interface ProjectPaths {
  translations: string;
  notes: string;
  advice: string;
  /** Pay alias groups; the repository's aliases.tsv when not given. */
  aliases?: string;
  /** English of Chinese-only fixes; none when not given. */
  fixTranslations?: string;
}

export const DEFAULT_PATHS: ProjectPaths = {
  translations: TRANSLATIONS_DIR,
  notes: NOTES_FILE,
  advice: ADVICE_FILE,
  aliases: ALIASES_FILE,
  fixTranslations: FIX_EN_FILE,
};

/** Reads all project texts; throws ProjectTextError listing every malformed line or duplicate. */
export function loadProjectTexts(paths: ProjectPaths = DEFAULT_PATHS): ProjectTexts {
  const problems: string[] = [];
  const texts = {
    translations: readTranslations(paths.translations, problems),
    notes: readNotes(paths.notes, problems),
    advice: readAdvice(paths.advice, problems),
    aliases: readAliases(paths.aliases ?? ALIASES_FILE, problems),
    fixTranslations: paths.fixTranslations ? readFixTranslations(paths.fixTranslations, problems) : [],
  };
  if (problems.length) throw new ProjectTextError(problems);
  return texts;
}
