// Merges the project's own texts into a built catalog. A translation fills a language no source has and is
// labelled `zhSource/enSource: 'wxerr'`; notes and advice go to noteZh/noteEn and adviceZh/adviceEn.
// Anything that does not fit (unknown id, a translation over an official text) is an error, never skipped.
import { payKey } from '../../miniprogram/core/code-key';
import {
  PAY_PLATFORMS,
  platformByKey,
  platformInfo,
  SEPARATE_NUMBERING,
} from '../../miniprogram/core/platforms';
import type { CatalogData, Entry } from '../../miniprogram/core/types';
import { SEEN_ERRMSG_SOURCES } from '../parsers/seen';
import { hasCjk } from '../parsers/text';
import { ProjectTextError, type Origin, type ProjectTexts } from './load';

/** The label of every text the project wrote itself. */
export const PROJECT_LABEL = 'wxerr';

/**
 * A source text in that language (that text, when given). An errmsg seen in a response (SEEN_ERRMSG_SOURCES) is a wording, not a
 * meaning: the project's translation still gives the meaning where no official table has the language.
 */
export const officialText = (entry: Entry, lang: 'zh' | 'en', text?: string): boolean =>
  entry.texts.some(
    (t) =>
      (text === undefined ? !!t[lang] : t[lang] === text) &&
      t.sources.some((s) => !SEEN_ERRMSG_SOURCES.has(s.source)),
  );

/**
 * Entries by id; on the Pay platforms also by every spelling (`payv3:FREQUENCY_LIMITED`, `payv2:not_enough`),
 * so a project text may name a Pay code as any source spells it.
 */
function entryFinder(entries: readonly Entry[]): (id: string) => Entry | undefined {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const bySpelling = new Map<string, Entry>();
  for (const e of entries) {
    if (!PAY_PLATFORMS.has(e.platform)) continue;
    const key = platformInfo(e.platform).key;
    for (const spelling of [e.code, ...(e.aliases ?? [])]) bySpelling.set(`${key}:${payKey(spelling)}`, e);
  }
  return (id) => {
    const colon = id.indexOf(':');
    return byId.get(id) ?? bySpelling.get(`${id.slice(0, colon)}:${payKey(id.slice(colon + 1))}`);
  };
}

/**
 * One row per entry and kind of text: two rows naming one entry (two spellings of a Pay code, or a note in
 * notes.tsv beside its alias group's note) would silently overwrite each other, so the second is an error.
 */
function claims(problems: string[]) {
  const first = new Map<string, string>();
  return (entry: Entry, kind: string, at: Origin): boolean => {
    const key = `${kind}\t${entry.id}`;
    const earlier = first.get(key);
    if (earlier) {
      problems.push(
        `${at.file}:${at.line}: ${entry.id} has a second ${kind} (the first at ${earlier}); merge the two`,
      );
      return false;
    }
    first.set(key, `${at.file}:${at.line}`);
    return true;
  };
}

export function applyProjectTexts(data: CatalogData, texts: ProjectTexts): void {
  const problems: string[] = [];
  const find = entryFinder(data.entries);
  const claim = claims(problems);
  const unknown = (id: string): string => {
    const key = id.split(':')[0];
    return platformByKey(key) ? `no entry ${id} in the catalog` : `unknown platform key "${key}" in ${id}`;
  };

  for (const t of texts.translations) {
    const entry = find(t.id);
    if (!entry) {
      problems.push(`${t.file}:${t.line}: ${unknown(t.id)}`);
      continue;
    }
    if (officialText(entry, t.lang)) {
      problems.push(
        `${t.file}:${t.line}: ${t.id} already has an official ${t.lang} text ("${entry[t.lang]}"); ` +
          'project translations only fill a language no source has',
      );
      continue;
    }
    if (!claim(entry, `${t.lang} translation`, t)) continue;
    entry[t.lang] = t.text;
    entry[`${t.lang}Source`] = PROJECT_LABEL;
  }

  for (const f of texts.fixTranslations ?? []) {
    const entry = find(f.id);
    if (!entry) problems.push(`${f.file}:${f.line}: ${unknown(f.id)}`);
    else if (!entry.fix || !hasCjk(entry.fix))
      problems.push(`${f.file}:${f.line}: ${f.id} has no Chinese-only fix to translate`);
    else if (claim(entry, 'fixEn', f)) entry.fixEn = f.text;
  }

  for (const n of texts.notes) {
    const entry = find(n.id);
    if (!entry) {
      problems.push(`${n.file}:${n.line}: ${unknown(n.id)}`);
      continue;
    }
    if (!claim(entry, 'note', n)) continue;
    entry.noteZh = n.zh;
    entry.noteEn = n.en;
  }

  // An alias group's note explains the merge on every Pay entry of the group.
  for (const g of texts.aliases ?? []) {
    const spellings = new Set(g.spellings.map(payKey));
    for (const entry of data.entries) {
      if (!PAY_PLATFORMS.has(entry.platform) || !spellings.has(payKey(entry.code))) continue;
      if (!claim(entry, 'note', g)) continue;
      entry.noteZh = g.zh;
      entry.noteEn = g.en;
    }
  }

  // Advice by id wins over advice by code: apply code-keyed rows first, then let id-keyed rows overwrite.
  const byCode = new Map<string, Entry[]>();
  for (const e of data.entries) {
    // A bare code means the platforms that share WeChat's numbering: never the non-WeChat platform, nor
    // WeCom, Pay or the client API tables, whose numbers mean other things (WeCom 40001 is a bad secret).
    if (!platformInfo(e.platform).wechat || SEPARATE_NUMBERING.has(e.platform)) continue;
    byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  }
  const ordered = [...texts.advice].sort((a, b) => Number(a.key.includes(':')) - Number(b.key.includes(':')));
  for (const a of ordered) {
    const targets = a.key.includes(':') ? [find(a.key)] : byCode.get(a.key);
    if (!targets?.length || !targets[0]) {
      problems.push(
        `${a.file}:${a.line}: ${a.key.includes(':') ? unknown(a.key) : `no WeChat entry has code ${a.key}`}`,
      );
      continue;
    }
    for (const entry of targets) {
      if (!entry || (a.key.includes(':') && !claim(entry, 'advice', a))) continue;
      entry.adviceZh = a.zh;
      entry.adviceEn = a.en;
    }
  }

  if (problems.length) throw new ProjectTextError(problems);
}
