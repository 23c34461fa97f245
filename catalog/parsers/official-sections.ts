// Seed 001: the official Open Platform 错误码 page copied as text. Section headings on their own line,
// then a header row naming the columns, then tab-separated rows. Footnote digits (…超时过期1) point into
// the 额外说明 block that follows the 云开发 table.
import type { Platform } from '../../miniprogram/core/types';
import type { Parser, RawRow } from './types';
import { dropStrayQuote, hasCjk, normalizeSpace } from './text';

const SECTION_PLATFORM: Record<string, Platform> = {
  公共错误码: '开放平台通用',
  通用错误码: '开放平台通用',
  微信小店: '微信小店',
  视频号: '视频号',
  腾讯小微: '腾讯小微',
  商业能力: '商业能力',
  微信云开发: '云开发',
  微信云托管: '云托管',
  微信网关: '微信网关',
};

type Column = 'code' | 'en' | 'zh' | 'fix';
const HEADER_COLUMN: Record<string, Column> = {
  错误码: 'code',
  code: 'code',
  errcode: 'code',
  errCode: 'code',
  英文描述: 'en',
  错误信息: 'en',
  errmsg: 'en',
  中文描述: 'zh',
  说明: 'zh',
  desc: 'zh',
  含义: 'zh',
  解决方法: 'fix',
};

const CODE = /^-?\d+x?$/;

export const parseOfficialSections: Parser = (text, source) => {
  const lines = text.split(/\r?\n/);
  const rows: RawRow[] = [];
  const footnotes = collectFootnotes(lines);
  let section: string | undefined;
  let columns: Column[] | undefined;
  let ordinal = 0;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.includes('\t')) {
      const name = line.trim();
      // The page ends with a navigation list that repeats the section names: a heading only counts once
      // rows can follow it, and the tables are over once the footer starts.
      if (name in SECTION_PLATFORM && (section === undefined || name !== section)) {
        section = name;
        columns = undefined;
      }
      if (name.startsWith('关于腾讯')) section = undefined;
      return;
    }
    if (!section) return;
    const cells = line.split('\t');
    if (!columns) {
      columns = cells.map((c) => HEADER_COLUMN[c.trim()]);
      if (columns[0] !== 'code')
        throw new Error(`${source}:${index + 1}: expected a header row in ${section}`);
      return;
    }
    const code = cells[0].trim();
    if (!CODE.test(code)) throw new Error(`${source}:${index + 1}: not a code: ${JSON.stringify(code)}`);
    ordinal += 1;
    const row: RawRow = {
      source,
      row: ordinal,
      line: index + 1,
      platform: SECTION_PLATFORM[section],
      section,
      code,
      en: '',
      zh: '',
    };
    columns.forEach((col, i) => {
      if (i === 0 || !col) return;
      const value = dropStrayQuote(normalizeSpace(cells[i] ?? ''));
      if (col === 'fix') {
        if (value) row.fix = value;
      } else row[col] = value;
    });
    // Some 微信小店/视频号 rows carry Chinese in the 错误信息 column: it is the Chinese text, not English.
    if (row.en && hasCjk(row.en) && !row.zh) {
      row.zh = row.en;
      row.en = '';
    }
    const foot = /^(.*[^\d\s])(\d)$/.exec(row.zh);
    if (foot && footnotes.length && section === '微信云开发' && footnotes[Number(foot[2]) - 1]) {
      row.zh = foot[1];
      row.note = footnotes[Number(foot[2]) - 1];
    }
    rows.push(row);
  });
  return rows;
};

/** The numbered remarks ("常见原因：…") under 额外说明, in order. */
function collectFootnotes(lines: string[]): string[] {
  const start = lines.findIndex((l) => l.trim() === '额外说明');
  if (start < 0) return [];
  const notes: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l in SECTION_PLATFORM) break;
    if (l.startsWith('常见原因')) notes.push(l);
  }
  return notes;
}
