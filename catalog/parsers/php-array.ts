// Seed 000: a PHP array literal from a blog post, `'85001' => '微信号不存在…',` one per line, some with a
// trailing `// comment` that holds the errmsg or an older wording.
import type { Parser, RawRow } from './types';
import { joinWrapped, normalizeSpace } from './text';

const ROW = /^\s*'(-?\d+)'\s*=>\s*'((?:[^'\\]|\\.)*)'\s*,?\s*(?:\/\/\s*(.*))?$/;

export const parsePhpArray: Parser = (text, source) => {
  const rows: RawRow[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.includes('=>')) return;
    const m = ROW.exec(line);
    if (!m) throw new Error(`${source}:${index + 1}: unreadable PHP array row: ${line.trim()}`);
    const comment = m[3] ? normalizeSpace(m[3].replace(/^['"]|['"],?\s*$/g, '')) : '';
    rows.push({
      source,
      row: rows.length + 1,
      line: index + 1,
      platform: '第三方平台代小程序',
      code: m[1],
      en: '',
      zh: normalizeSpace(joinWrapped(m[2].replace(/\\'/g, "'"))),
      ...(comment ? { note: comment } : {}),
    });
  });
  return rows;
};
