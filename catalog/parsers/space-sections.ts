// Seed 003: a non-WeChat account platform. Sections of space-separated rows: first string codes with
// 错误描述 and 解决方案, then numeric codes with English and Chinese. Its numbers clash with WeChat's, so all
// rows belong to their own platform.
import type { Parser, RawRow } from './types';
import { hasCjk, normalizeSpace, splitEnZh } from './text';

const CODE = /^(-?\d+|[A-Z][A-Z0-9_]+)$/;

/** Split "暂无用户Access Key信息 检查用户Access Key" into description and fix at the first space next to Chinese. */
function splitDescriptionFix(rest: string): { zh: string; fix: string } {
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== ' ') continue;
    if (hasCjk(rest[i - 1] ?? '') || hasCjk(rest[i + 1] ?? '')) {
      return { zh: rest.slice(0, i), fix: rest.slice(i + 1) };
    }
  }
  return { zh: rest, fix: '' };
}

export const parseSpaceSections: Parser = (text, source) => {
  const rows: RawRow[] = [];
  let section = '';
  let withFix = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = normalizeSpace(raw);
    if (!line) return;
    const [first, ...restTokens] = line.split(' ');
    if (first === '错误码') {
      withFix = restTokens.includes('解决方案');
      return;
    }
    if (!CODE.test(first) || restTokens.length === 0) {
      section = line;
      return;
    }
    const rest = restTokens.join(' ');
    const row: RawRow = {
      source,
      row: rows.length + 1,
      line: index + 1,
      platform: '第三方账号平台（非微信）',
      section,
      code: first,
      en: '',
      zh: '',
    };
    if (withFix) {
      const { zh, fix } = splitDescriptionFix(rest);
      row.zh = zh;
      if (fix) row.fix = fix;
    } else Object.assign(row, splitEnZh(rest));
    rows.push(row);
  });
  return rows;
};
