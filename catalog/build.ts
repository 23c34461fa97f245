// Builds the catalog from the source files in catalog/sources: parse every row, merge rows that give the
// same code on the same platform into one entry, and keep every distinct wording with its source rows.
import { readFileSync } from 'fs';
import { join } from 'path';
import { classifyAction } from '../miniprogram/core/action';
import { applyPrimaryTexts, sortRefs } from '../miniprogram/core/codec';
import { familyOf } from '../miniprogram/core/family';
import { platformInfo, platformRank } from '../miniprogram/core/platforms';
import type { CatalogData, Entry, SourceInfo, TextVariant } from '../miniprogram/core/types';
import { parseErrnoTsv } from './parsers/errno-tsv';
import { parseFlatRst } from './parsers/flat-rst';
import { parseHtmlTable } from './parsers/html-table';
import { parseOfficialSections } from './parsers/official-sections';
import { parsePhpArray } from './parsers/php-array';
import { parseSpaceSections } from './parsers/space-sections';
import type { Parser, RawRow } from './parsers/types';
import { applyProjectTexts } from './project/apply';
import type { ProjectTexts } from './project/load';

export const SOURCES_DIR = join(__dirname, 'sources');

interface SourceSpec {
  id: string;
  file: string;
  title: string;
  format: string;
  parse: Parser;
}

/**
 * Sources in order of authority: when several wordings exist for one entry, the first source's wording is
 * the primary text and the others stay as variants.
 */
export const SOURCE_SPECS: readonly SourceSpec[] = [
  {
    id: '001',
    file: '001_41c214d88feefdf0.txt',
    title: '开放平台 错误码 (official page, all sections)',
    format: 'tab-separated sections',
    parse: parseOfficialSections,
  },
  {
    id: 'errno',
    file: 'errno_miniprogram.tsv',
    title: '小程序 PublicErrno table (official, transcribed)',
    format: 'errno TSV',
    parse: parseErrnoTsv,
  },
  {
    id: '002',
    file: '002_80bf7a5f91bb0bf9.txt',
    title: '公众号 全局返回码 (blog post, HTML table)',
    format: 'HTML table',
    parse: parseHtmlTable,
  },
  {
    id: '004',
    file: '004_5db3eff1bf217294.txt',
    title: '公众号 返回码, old list (flattened reStructuredText)',
    format: 'flattened reStructuredText',
    parse: parseFlatRst,
  },
  {
    id: '000',
    file: '000_365373298a02a830.txt',
    title: '第三方平台代小程序 返回码 (blog post, PHP array)',
    format: 'PHP array',
    parse: parsePhpArray,
  },
  {
    id: '003',
    file: '003_c104c6c75ec3ed17.txt',
    title: 'Non-WeChat third-party account platform codes',
    format: 'space-separated sections with string codes',
    parse: parseSpaceSections,
  },
];

export interface ParsedSource {
  spec: SourceSpec;
  rows: RawRow[];
}

export function parseSources(dir: string = SOURCES_DIR): ParsedSource[] {
  return SOURCE_SPECS.map((spec) => ({
    spec,
    rows: spec.parse(readFileSync(join(dir, spec.file), 'utf8'), spec.id),
  }));
}

const sameText = (v: TextVariant, r: RawRow): boolean =>
  v.en === r.en && v.zh === r.zh && (v.fix ?? '') === (r.fix ?? '') && (v.note ?? '') === (r.note ?? '');

/**
 * Merge parsed rows into entries, then (when given) the project's own translations, notes and advice.
 * Pure: the same rows and texts always give the same catalog.
 */
export function buildCatalog(parsed: ParsedSource[], project?: ProjectTexts): CatalogData {
  const byId = new Map<string, Entry>();
  const sources: SourceInfo[] = [];
  for (const { spec, rows } of parsed) {
    const info: SourceInfo = {
      id: spec.id,
      file: spec.file,
      title: spec.title,
      format: spec.format,
      rows: rows.length,
      kept: 0,
      merged: 0,
    };
    for (const row of rows) {
      const ref = { source: row.source, row: row.row, line: row.line };
      const id = `${platformInfo(row.platform).key}:${row.code}`;
      let entry = byId.get(id);
      if (entry) info.merged += 1;
      else {
        info.kept += 1;
        entry = {
          id,
          code: row.code,
          platform: row.platform,
          en: '',
          zh: '',
          family: familyOf(row.code, row.platform),
          action: 'unknown',
          texts: [],
          sources: [],
        };
        byId.set(id, entry);
      }
      entry.sources.push(ref);
      const variant = entry.texts.find((v) => sameText(v, row));
      if (variant) variant.sources.push(ref);
      else {
        entry.texts.push({
          en: row.en,
          zh: row.zh,
          ...(row.fix ? { fix: row.fix } : {}),
          ...(row.note ? { note: row.note } : {}),
          sources: [ref],
        });
      }
    }
    sources.push(info);
  }
  const entries = [...byId.values()];
  for (const entry of entries) finishEntry(entry);
  entries.sort(compareEntries);
  const data = { version: 1, sources, entries };
  if (project) applyProjectTexts(data, project);
  return data;
}

function finishEntry(entry: Entry): void {
  sortRefs(entry.sources);
  applyPrimaryTexts(entry);
  entry.action = classifyAction(
    entry.code,
    entry.platform,
    entry.texts.flatMap((v) => [v.en, v.zh, v.fix ?? '']),
  );
}

function codeOrder(code: string): number {
  const n = Number(code.replace(/x$/i, '0'));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

function compareEntries(a: Entry, b: Entry): number {
  return (
    platformRank(a.platform) - platformRank(b.platform) ||
    codeOrder(a.code) - codeOrder(b.code) ||
    a.code.localeCompare(b.code)
  );
}
