// Text helpers shared by the parsers.

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

/** Collapse runs of white space (tabs, non-breaking and ideographic spaces) into one space. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Re-join text a blog wrapped mid-sentence: a run of spaces between two Chinese characters is a line wrap. */
export function joinWrapped(s: string): string {
  return s.replace(/([\u3400-\u9fff])\s{2,}(?=[\u3400-\u9fff])/g, '$1');
}

/** A stray closing quote left from copy-paste (`ip-white-list"`): drop it when it has no opening partner. */
export function dropStrayQuote(s: string): string {
  const count = (s.match(/"/g) ?? []).length;
  return count % 2 === 1 && s.endsWith('"') ? s.slice(0, -1).trimEnd() : s;
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Split "English words 中文说明" at the first token that contains a Chinese character. */
export function splitEnZh(s: string): { en: string; zh: string } {
  const tokens = s.split(' ');
  const i = tokens.findIndex((t) => hasCjk(t));
  if (i < 0) return { en: s, zh: '' };
  return { en: tokens.slice(0, i).join(' '), zh: tokens.slice(i).join(' ') };
}
