// Seed 004: an old 公众号 list whose reStructuredText table was flattened onto one line:
// "… ====== 40001 invalid credential 不合法的调用凭证 40002 invalid grant_type 不合法的grant_type …".
// A row starts at a five-digit code; its English runs until the first word with a Chinese character.
import type { Parser, RawRow } from './types';
import { normalizeSpace, splitEnZh } from './text';

export const parseFlatRst: Parser = (text, source) => {
  const flat = normalizeSpace(text.replace(/=+/g, ' '));
  // Header words ("错误码 返回码 错误码描述 说明") come before the first code.
  const parts = flat.split(/(?:^| )(\d{5})(?= )/);
  const rows: RawRow[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const { en, zh } = splitEnZh(parts[i + 1].trim());
    rows.push({ source, row: rows.length + 1, line: 1, platform: '公众号', code: parts[i], en, zh });
  }
  return rows;
};
