// Seed 002: 公众号 global return codes as an HTML <table> (返回码 | 说明) from a blog post. Chinese only;
// a few cells end with the English errmsg in parentheses ("系统错误 (system error)").
import type { Parser, RawRow } from './types';
import { decodeEntities, normalizeSpace } from './text';

const ROW = /<tr>\s*<td>([\s\S]*?)<\/td>\s*<td>([\s\S]*?)<\/td>\s*<\/tr>/g;
const TRAILING_EN = /^(.*[^\s(])\s*\(([A-Za-z][A-Za-z0-9 _'’.,/-]*)\)$/;

export const parseHtmlTable: Parser = (text, source) => {
  const rows: RawRow[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  for (const m of text.matchAll(ROW)) {
    const code = normalizeSpace(decodeEntities(m[1].replace(/<[^>]+>/g, '')));
    if (!/^-?\d+$/.test(code))
      throw new Error(`${source}: not a code in a table row: ${JSON.stringify(code)}`);
    let zh = normalizeSpace(decodeEntities(m[2].replace(/<[^>]+>/g, ' ')));
    let en = '';
    const tail = TRAILING_EN.exec(zh);
    if (tail) {
      zh = tail[1];
      en = normalizeSpace(tail[2]);
    }
    rows.push({ source, row: rows.length + 1, line: lineOf(m.index ?? 0), platform: '公众号', code, en, zh });
  }
  return rows;
};
