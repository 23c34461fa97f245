// Merges the project's own texts into a built catalog. A translation fills a language no source has and is
// labelled `zhSource/enSource: 'wxerr'`; notes and advice go to noteZh/noteEn and adviceZh/adviceEn.
// Anything that does not fit (unknown id, a translation over an official text) is an error, never skipped.
import { platformByKey, platformInfo } from '../../miniprogram/core/platforms';
import type { CatalogData, Entry } from '../../miniprogram/core/types';
import { ProjectTextError, type ProjectTexts } from './load';

/** The label of every text the project wrote itself. */
export const PROJECT_LABEL = 'wxerr';

const officialText = (entry: Entry, lang: 'zh' | 'en'): boolean => entry.texts.some((t) => t[lang]);

export function applyProjectTexts(data: CatalogData, texts: ProjectTexts): void {
  const problems: string[] = [];
  const byId = new Map(data.entries.map((e) => [e.id, e]));
  const unknown = (id: string): string => {
    const key = id.split(':')[0];
    return platformByKey(key) ? `no entry ${id} in the catalog` : `unknown platform key "${key}" in ${id}`;
  };

  for (const t of texts.translations) {
    const entry = byId.get(t.id);
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
    entry[t.lang] = t.text;
    entry[`${t.lang}Source`] = PROJECT_LABEL;
  }

  for (const n of texts.notes) {
    const entry = byId.get(n.id);
    if (!entry) {
      problems.push(`${n.file}:${n.line}: ${unknown(n.id)}`);
      continue;
    }
    entry.noteZh = n.zh;
    entry.noteEn = n.en;
  }

  // Advice by id wins over advice by code: apply code-keyed rows first, then let id-keyed rows overwrite.
  const byCode = new Map<string, Entry[]>();
  for (const e of data.entries) {
    if (!platformInfo(e.platform).wechat) continue; // a bare code never means the non-WeChat platform
    byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  }
  const ordered = [...texts.advice].sort((a, b) => Number(a.key.includes(':')) - Number(b.key.includes(':')));
  for (const a of ordered) {
    const targets = a.key.includes(':') ? [byId.get(a.key)] : byCode.get(a.key);
    if (!targets?.length || !targets[0]) {
      problems.push(
        `${a.file}:${a.line}: ${a.key.includes(':') ? unknown(a.key) : `no WeChat entry has code ${a.key}`}`,
      );
      continue;
    }
    for (const entry of targets) {
      if (!entry) continue;
      entry.adviceZh = a.zh;
      entry.adviceEn = a.en;
    }
  }

  if (problems.length) throw new ProjectTextError(problems);
}
