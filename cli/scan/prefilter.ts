// A cheap test that skips log lines which cannot hold a code, so the extractor reads fewer lines of a big
// log. It keeps every line any rule of the extractor (core/extract.ts header) could use:
//   keyed and table codes: a key word (err…, code, ret, 错误码…) on the line or the line before (a value
//   may follow its key on the next line), a table row (a `|`, or a number alone in a cell);
//   bare codes: a 5–7 digit run (OCR slips undone) that the catalog knows;
//   inferred codes: an errmsg key (msg, message, 提示…) or the first two words of a catalog errmsg;
//   context: rid/hint ids and platform markers (WeChat, WeCom, Alipay…: they decide whose a nearby code is);
//   any Chinese (wording, markers, keys).
// A skipped line is replaced by a placeholder, never removed or blanked: line numbers, distances and
// paragraphs (blank lines end them) stay as they were. test/cli/prefilter.test.ts runs the extract fixtures
// line by line through prefilter + extractor and through the extractor alone and finds the same codes.
import { bundledCatalog, type Catalog } from '../../miniprogram/core/catalog';
import { normalizeMessage } from '../../miniprogram/core/extract/messages';

/** What a skipped line becomes: not blank, no digits, no words, too short for the free-text scan. */
export const SKIPPED_LINE = '~';

/** Key words, tested on the lower-cased line (a case-insensitive regex is several times slower). */
const KEY_WORD = /err|c[o0]de|ret|msg|message|tips|hint|rid|req/;
/**
 * Everything else that keeps a line by itself, in one pass: platform markers, Chinese and full-width text,
 * a markdown row or rule (`| --- |`), a number alone in a CSV/TSV cell (`40001,`, `\t40001\t`).
 */
const KEEP =
  /weixin|wechat|wecom|wxcp|\bwx|alipay|douyin|toutiao|bytedance|smartprogram|swan\.|dingtalk|feishu|lark|q\.qq\.com|kuaishou|taobao|my\.request|cloud\.|session|accesstoken|[\u3400-\u9fff\uff00-\uffef|]|(?:^|[\t,])\s*-?\d+\s*(?:[\t,]|$)/;
/** A bare-number candidate as the extractor reads them (OCR letters O, I, l, | allowed after a digit). */
const BARE = /-?[0-9][0-9OIl|]{4,6}(?![A-Za-z0-9_|])/g;
/** Before a number, these make it part of a path, a name or a version; the extractor skips it too. */
const GLUED = /[A-Za-z0-9_./\\-]/;

interface Known {
  codes: Set<string>;
  /** First two words of every catalog errmsg long enough for the extractor's free-text scan. */
  pairs: Set<string>;
  firsts: Set<string>;
}

const cache = new WeakMap<Catalog, Known>();

function known(catalog: Catalog): Known {
  let k = cache.get(catalog);
  if (k) return k;
  k = { codes: new Set(), pairs: new Set(), firsts: new Set() };
  for (const entry of catalog.entries) {
    if (/^-?\d+$/.test(entry.code)) k.codes.add(entry.code);
    for (const en of [entry.en, ...entry.texts.map((t) => t.en)]) {
      const words = en ? normalizeMessage(en).split(' ') : [];
      if (words.length < 4) continue;
      k.pairs.add(`${words[0]} ${words[1]}`);
      k.firsts.add(words[0]);
    }
  }
  cache.set(catalog, k);
  return k;
}

/** A bare-number candidate on the line is a catalog code (OCR letters read as digits). */
function holdsKnownCode(line: string, codes: Set<string>): boolean {
  BARE.lastIndex = 0;
  for (let m = BARE.exec(line); m; m = BARE.exec(line)) {
    const prev = m.index > 0 ? line.charAt(m.index - 1) : '';
    if (prev && GLUED.test(prev)) continue;
    const code = /^-?\d+$/.test(m[0]) ? m[0] : m[0].replace(/O/g, '0').replace(/[Il|]/g, '1');
    if (codes.has(code.replace(/^(-?)0+(?=\d)/, '$1'))) return true;
  }
  return false;
}

/** Words as the extractor's free-text scan sees them, or more (its rid tail is not cut): a superset of pairs. */
function words(lowerLine: string): string[] {
  let lower = lowerLine;
  if (lower.includes('ipv6')) lower = lower.replace(/\bipv6\s+\S+/g, ' ');
  if (/\d\.\d+\.\d+\.\d/.test(lower)) lower = lower.replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, ' ');
  if (/[a-z][01|]|[1|][a-z]/.test(lower))
    lower = lower
      .replace(/([a-z])[1|](?=[a-z]|\b)/g, '$1l')
      .replace(/\b[1|](?=[a-z])/g, 'l')
      .replace(/([a-z])0(?=[a-z])/g, '$1o');
  return lower.match(/[a-z0-9_]+/g) ?? [];
}

/**
 * Decides line by line, in order (it remembers whether the line before had a key). `keep(line)` is false only
 * when no rule of the extractor could use the line.
 */
export class LineFilter {
  private afterKey = false;

  constructor(private readonly catalog: Catalog = bundledCatalog()) {}

  keep(line: string): boolean {
    const lower = line.toLowerCase();
    const key = KEY_WORD.test(lower);
    const keep = key || this.afterKey || mayHoldCode(line, this.catalog, lower);
    this.afterKey = key;
    return keep;
  }
}

/** The line alone (without the line before): false only when no rule of the extractor could use it. */
export function mayHoldCode(
  line: string,
  catalog: Catalog = bundledCatalog(),
  lower = line.toLowerCase(),
): boolean {
  if (line.trim() === '' || KEY_WORD.test(lower) || KEEP.test(lower)) return true;
  const k = known(catalog);
  if (holdsKnownCode(line, k.codes)) return true;
  if (line.length < 20 || !/[a-z]{4}/.test(line)) return false;
  const w = words(lower);
  for (let i = 0; i + 3 < w.length; i++)
    if (k.firsts.has(w[i]) && k.pairs.has(`${w[i]} ${w[i + 1]}`)) return true;
  return false;
}
