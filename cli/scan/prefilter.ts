// A cheap test that skips log lines which cannot hold a code, so the extractor reads fewer lines of a big
// log. It keeps every line any rule of the extractor (core/extract.ts header) could use:
//   keyed and table codes: a key word (err…, code, ret, 错误码…) on the line or the line before (a value
//   may follow its key on the next line), a table row (a `|`, or a number alone in a cell);
//   bare codes: a 5–7 digit run (OCR slips undone) that the catalog knows;
//   inferred codes: an errmsg key (msg, message, 提示…), or a catalog errmsg in free text (the extractor's own
//   phrase test, run once per line template), or a line that is one WeCom-only errmsg;
//   client errMsgs: `api:fail …` (a catalog errMsg is its own code);
//   context: rid/hint ids and platform markers (WeChat, WeCom, Alipay…: they decide whose a nearby code is);
//   any Chinese (wording, markers, keys).
// A skipped line is replaced by a placeholder, never removed or blanked: line numbers, distances and
// paragraphs (blank lines end them) stay as they were. test/cli/prefilter.test.ts runs the extract fixtures
// line by line through prefilter + extractor and through the extractor alone and finds the same codes.
import { bundledCatalog, type Catalog } from '../../miniprogram/core/catalog';
import { codesFromPhrases, messageIndex, normalizeMessage } from '../../miniprogram/core/extract/messages';
import { holdsWecomWording } from '../../miniprogram/core/extract/wecom-wording';

/** What a skipped line becomes: not blank, no digits, no words, too short for the free-text scan. */
export const SKIPPED_LINE = '~';

/** Key words, tested on the lower-cased line (a case-insensitive regex is several times slower). */
const KEY_WORD = /err|c[o0]de|ret|msg|message|tips|hint|rid|req/;
/**
 * Everything else that keeps a line by itself, in one pass: platform markers, Chinese and full-width text,
 * a markdown row or rule (`| --- |`), a number alone in a CSV/TSV cell (`40001,`, `\t40001\t`).
 */
const KEEP =
  /weixin|wechat|wecom|wxcp|\bwx|alipay|douyin|toutiao|bytedance|smartprogram|swan\.|dingtalk|feishu|lark|q\.qq\.com|kuaishou|taobao|my\.request|cloud\.|session|accesstoken|:\s?fail|[\u3400-\u9fff\uff00-\uffef|]|(?:^|[\t,])\s*-?\d+\s*(?:[\t,]|$)/;
/** A bare-number candidate as the extractor reads them (OCR letters O, I, l, | allowed after a digit). */
const BARE = /-?[0-9][0-9OIl|]{4,6}(?![A-Za-z0-9_|])/g;
/** Before a number, these make it part of a path, a name or a version; the extractor skips it too. */
const GLUED = /[A-Za-z0-9_./\\-]/;

interface Known {
  catalog: Catalog;
  codes: Set<string>;
  /** First two words of every catalog errmsg long enough for the extractor's free-text scan. */
  pairs: Set<string>;
  firsts: Set<string>;
  /** Pairs that start a catalog phrase with a lone number in it ("too many code size must 100"). */
  numeric: Set<string>;
}

const cache = new WeakMap<Catalog, Known>();

function known(catalog: Catalog): Known {
  let k = cache.get(catalog);
  if (k) return k;
  k = { catalog, codes: new Set(), pairs: new Set(), firsts: new Set(), numeric: new Set() };
  for (const [key, list] of messageIndex(catalog).phrases)
    if (list.some((p) => p.words.some((w) => /^\d+$/.test(w)))) k.numeric.add(key);
  for (const entry of catalog.entries) {
    if (/^-?\d+$/.test(entry.code)) k.codes.add(entry.code);
    for (const en of [entry.en, ...entry.texts.map((t) => t.en)]) {
      const words = en ? normalizeMessage(en).split(' ') : [];
      if (words.length < 4) continue;
      // Also as the filter's templates see them: a lone number reads as 0 ("1 maybe" → "0 maybe").
      const lone = words.map((w) => (/^\d+$/.test(w) ? '0' : w));
      for (const w of [words, lone]) {
        k.pairs.add(`${w[0]} ${w[1]}`);
        k.firsts.add(w[0]);
      }
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

/** A number standing alone (not touching a letter: "inva1id", "c0de", "3rd" stay as they are). */
const LONE_NUMBER = /(?<![A-Za-z\d])\d+(?![A-Za-z\d])/g;
/** Templates remembered (log lines repeat their shape with other numbers); cleared when full. */
const TEMPLATES_KEPT = 20000;
const KEY_BIT = 1;
const KEEP_BIT = 2;

/**
 * What the lower-cased line says without its lone numbers: a key word (KEY_BIT), or anything else that keeps
 * it whatever its numbers are (KEEP_BIT). Every test here gives the same or a broader answer on the template.
 */
function judge(template: string, k: Known): number {
  if (KEY_WORD.test(template)) return KEY_BIT | KEEP_BIT;
  if (KEEP.test(template)) return KEEP_BIT;
  if (!/[a-z]{4}/.test(template)) return 0;
  // A WeCom-only errmsg names its code as the whole paste or inside prose (extract/infer.ts); those wordings
  // have no numbers, so the template reads as the line.
  if (holdsWecomWording(k.catalog, template)) return KEEP_BIT;
  const w = words(template);
  let candidate = false;
  for (let i = 0; i + 3 < w.length; i++) {
    const pair = `${w[i]} ${w[i + 1]}`;
    if (!k.firsts.has(w[i]) || !k.pairs.has(pair)) continue;
    // A lone number in the phrase reads differently in the template: keep without asking.
    if (w[i] === '0' || w[i + 1] === '0' || k.numeric.has(pair)) return KEEP_BIT;
    candidate = true;
  }
  if (!candidate) return 0;
  // The extractor's own free-text test. On the template it answers as on the line: these phrases have no
  // lone numbers (those with one are kept above), so their words read the same in both.
  return codesFromPhrases(messageIndex(k.catalog), template).length ? KEEP_BIT : 0;
}

/**
 * Decides line by line, in order (it remembers whether the line before had a key). `keep(line)` is false only
 * when no rule of the extractor could use the line.
 */
export class LineFilter {
  private afterKey = false;
  private readonly known: Known;
  private readonly templates = new Map<string, number>();

  constructor(catalog: Catalog = bundledCatalog()) {
    this.known = known(catalog);
  }

  keep(line: string): boolean {
    if (!/\S/.test(line)) {
      this.afterKey = false;
      return true;
    }
    // Lower-cased only when the template is new: most lines of a log repeat a known shape.
    const template = /\d/.test(line) ? line.replace(LONE_NUMBER, '0') : line;
    let bits = this.templates.get(template);
    if (bits === undefined) {
      bits = judge(template.toLowerCase(), this.known);
      if (this.templates.size >= TEMPLATES_KEPT) this.templates.clear();
      this.templates.set(template, bits);
    }
    const keep = (bits & KEEP_BIT) !== 0 || this.afterKey || holdsKnownCode(line, this.known.codes);
    this.afterKey = (bits & KEY_BIT) !== 0;
    return keep;
  }
}

/** The line alone (without the line before): false only when no rule of the extractor could use it. */
export function mayHoldCode(line: string, catalog: Catalog = bundledCatalog()): boolean {
  return new LineFilter(catalog).keep(line);
}
