// data/errno_miniprogram.tsv: the mini-program client errno table (errno, errMsg, 含义, category).
import type { Parser, RawRow } from './types';
import { normalizeSpace } from './text';

export const parseErrnoTsv: Parser = (text, source) => {
  const rows: RawRow[] = [];
  const lines = text.split(/\r?\n/);
  const header = lines[0].split('\t');
  if (header[0] !== 'errno') throw new Error(`${source}: expected an errno header, got ${lines[0]}`);
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const [code, errMsg, zh, category] = line.split('\t');
    if (!/^-?\d+$/.test(code)) throw new Error(`${source}:${i + 2}: not an errno: ${code}`);
    rows.push({
      source,
      row: rows.length + 1,
      line: i + 2,
      platform: '小程序客户端 errno',
      section: category ? normalizeSpace(category) : undefined,
      code,
      en: normalizeSpace(errMsg ?? ''),
      zh: normalizeSpace(zh ?? ''),
    });
  });
  return rows;
};
