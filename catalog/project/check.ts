// Checks on the merged catalog: every entry has both languages (strict mode only, while translators work),
// every text no source gives is labelled as the project's, and identifiers survive translation.
import type { CatalogData, Entry } from '../../miniprogram/core/types';
import { officialText, PROJECT_LABEL } from './apply';

/** snake_case names (access_token, component_appid, ext_json) and camelCase API names (getStableAccessToken). */
const IDENTIFIER =
  /(?<![A-Za-z0-9_.])(?:[A-Za-z_][A-Za-z0-9_]*_[A-Za-z0-9_]+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)(?![A-Za-z0-9_])/g;

/** Identifiers a text names, each once, in order. */
export function identifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(IDENTIFIER)) {
    // "_" alone or a leading/trailing underscore is punctuation, not a name.
    if (/^_|_$/.test(m[0])) continue;
    found.add(m[0]);
  }
  return [...found];
}

/** Identifiers of `from` that `to` does not contain (case-insensitive: "AppID"/"appid" style is not our concern). */
export function missingIdentifiers(from: string, to: string): string[] {
  const target = to.toLowerCase();
  return identifiers(from).filter((id) => !target.includes(id.toLowerCase()));
}

export interface IdentifierGap {
  id: string;
  /** Which text lost the identifiers: a translation, or one half of a note/advice pair. */
  field: 'zh' | 'en' | 'fixEn' | 'noteZh' | 'noteEn' | 'adviceZh' | 'adviceEn';
  missing: string[];
}

export interface CheckReport {
  /** Ids of entries still without a text in that language. */
  missing: { en: string[]; zh: string[] };
  /** Texts no source gives that are not labelled as the project's (a build bug if ever non-empty). */
  unlabeled: string[];
  identifierGaps: IdentifierGap[];
}

function unlabeled(entry: Entry, lang: 'zh' | 'en'): boolean {
  if (!entry[lang]) return false;
  // A seen errmsg may say the same words as the project's translation: the translation is still the project's.
  const official =
    officialText(entry, lang, entry[lang]) ||
    (entry[`${lang}Source`] !== PROJECT_LABEL && entry.texts.some((t) => t[lang] === entry[lang]));
  return official ? entry[`${lang}Source`] === PROJECT_LABEL : entry[`${lang}Source`] !== PROJECT_LABEL;
}

export function checkCatalog(data: CatalogData): CheckReport {
  const report: CheckReport = { missing: { en: [], zh: [] }, unlabeled: [], identifierGaps: [] };
  const gap = (id: string, field: IdentifierGap['field'], from: string, to: string): void => {
    const missing = missingIdentifiers(from, to);
    if (missing.length) report.identifierGaps.push({ id, field, missing });
  };
  for (const e of data.entries) {
    for (const lang of ['en', 'zh'] as const) {
      if (!e[lang]) report.missing[lang].push(e.id);
      if (unlabeled(e, lang)) report.unlabeled.push(`${e.id} ${lang}`);
    }
    // A translation must keep every identifier of the text it translates.
    if (e.zhSource === PROJECT_LABEL && e.en) gap(e.id, 'zh', e.en, e.zh);
    if (e.enSource === PROJECT_LABEL && e.zh) gap(e.id, 'en', e.zh, e.en);
    if (e.fix && e.fixEn) gap(e.id, 'fixEn', e.fix, e.fixEn);
    if (e.noteZh && e.noteEn) {
      gap(e.id, 'noteZh', e.noteEn, e.noteZh);
      gap(e.id, 'noteEn', e.noteZh, e.noteEn);
    }
    if (e.adviceZh && e.adviceEn) {
      gap(e.id, 'adviceZh', e.adviceEn, e.adviceZh);
      gap(e.id, 'adviceEn', e.adviceZh, e.adviceEn);
    }
  }
  return report;
}

/**
 * Problems that fail the build. Unlabelled texts always do; with `strict` (switched on once every
 * translation is in) so do missing languages and identifiers lost in translation.
 */
export function checkProblems(report: CheckReport, strict: boolean): string[] {
  const problems = report.unlabeled.map(
    (s) => `${s}: text no source gives is not labelled "${PROJECT_LABEL}"`,
  );
  if (!strict) return problems;
  for (const lang of ['zh', 'en'] as const) {
    const ids = report.missing[lang];
    if (ids.length)
      problems.push(
        `${ids.length} entries have no ${lang} text: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''}`,
      );
  }
  for (const g of report.identifierGaps)
    problems.push(`${g.id} ${g.field}: identifiers lost in translation: ${g.missing.join(', ')}`);
  return problems;
}

/** One line per kind of gap, for the non-strict build log. */
export function summarize(report: CheckReport): string[] {
  return [
    `missing: zh ${report.missing.zh.length}, en ${report.missing.en.length}`,
    `identifier gaps: ${report.identifierGaps.length}`,
    ...report.identifierGaps.slice(0, 10).map((g) => `  ${g.id} ${g.field}: ${g.missing.join(', ')}`),
  ];
}
