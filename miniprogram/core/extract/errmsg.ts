// Client errMsg strings that the catalog holds word for word ("getLocation:fail auth deny",
// "scanCode:fail cancel"): what a wx.* fail callback prints in the DevTools console. These failures have no
// number, so nothing else in the scan finds them. Only a whole catalog errMsg counts, so prose never matches.
import { normalizeCode, type Catalog } from '../catalog';
import { platformKeyOf } from './attribute';
import type { TextContext } from './context';
import { describes } from './infer';
import { remembered, type MessageIndex } from './messages';
import type { Hit } from './summary';

/** An API name character (the name may carry dots: cloud.callFunction). */
const NAME_CHAR = /[\w.]/;
/** Where the errMsg ends: the end of the quoted or logged string. */
const END = /["'`\r\n{}[\]]/;
/**
 * Network failures have client errnos (600001–600009, 5 for a timeout) that the scan already infers from
 * this wording; their errMsg rows are the spelling old clients print instead of the same errno.
 */
const NETWORK = /^(?:request|uploadFile|downloadFile|connectSocket)\s?:/;
/** How far a code already found may sit from the errMsg and still say the same (errno 600002 a line below). */
const REACH = 3;

/**
 * Hits for catalog errMsgs, except beside an errno (the line's own `errno: N` is the code of record; 0
 * means nothing to explain) or where a code within REACH lines has the errMsg's own wording. The longest
 * catalog errMsg that starts the match wins, so trailing text (" at pages/x.js:12", ", scope=…") does not
 * hide it.
 */
export function errMsgHits(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  others: readonly Hit[],
): Hit[] {
  if (!ctx.text.includes('fail')) return [];
  const byLine = new Map<number, Hit[]>();
  for (const h of others) {
    if (h.via === 'errmsg') continue;
    const list = byLine.get(h.line);
    if (list) list.push(h);
    else byLine.set(h.line, [h]);
  }
  // Answers of longestKnown by matched text: a log repeats its failures.
  const memo = new Map<string, Known | null>();
  const hits: Hit[] = [];
  for (const [offset, text] of failures(ctx.text)) {
    if (NETWORK.test(text)) continue;
    const known = remembered(memo, text, () => longestKnown(catalog, text) ?? errCodeByText(catalog, text));
    if (!known) continue;
    const { code, id, length } = known;
    const line = ctx.lines.lineOf(offset);
    if (/\berrno\b/.test(ctx.lines.lineText(line))) continue;
    const wording = known.numeric
      ? text.slice(text.indexOf('fail') + 4)
      : code.slice(code.indexOf(':fail') + 5);
    if (
      saidNearby(
        byLine,
        line,
        (h) => h.code === code || describes(catalog, index, h.code, wording, h.entryId),
      )
    )
      continue;
    hits.push({
      code,
      offset,
      end: offset + length,
      line,
      // An errCode read from its own text is inferred; a catalog errMsg is the code of record itself.
      via: known.numeric ? 'errmsg' : 'key',
      platform: 'wxapi',
      entryId: id,
      context: 'client errMsg',
    });
  }
  return hits;
}

/**
 * Every `api:fail …` (or `api: fail …`) with its offset, up to the end of its string. Found from each "fail"
 * backwards, which is several times cheaper on a big log than a regex that starts at every word.
 */
function* failures(text: string): Generator<[number, string]> {
  for (let at = text.indexOf('fail'); at !== -1; at = text.indexOf('fail', at + 4)) {
    let colon = at - 1;
    if (text.charAt(colon) === ' ') colon--;
    if (text.charAt(colon) !== ':' || NAME_CHAR.test(text.charAt(at + 4))) continue;
    let start = colon;
    while (start > 0 && NAME_CHAR.test(text.charAt(start - 1))) start--;
    if (start === colon || !/[A-Za-z]/.test(text.charAt(start))) continue;
    let end = at + 4;
    while (end < text.length && !END.test(text.charAt(end))) end++;
    yield [start, text.slice(start, end)];
  }
}

function saidNearby(byLine: Map<number, Hit[]>, line: number, says: (h: Hit) => boolean): boolean {
  for (let l = line - REACH; l <= line + REACH; l++) if (byLine.get(l)?.some(says)) return true;
  return false;
}

interface Known {
  /** The errMsg as the catalog spells it, or the errCode whose text followed `:fail`. */
  code: string;
  id: string;
  /** Its length in the text. */
  length: number;
  /** An errCode (20001) known from its text, not an errMsg row. */
  numeric?: boolean;
}

/** Numeric client-API errCodes by API scope (lower case), with their source texts (lower case). */
const errCodesOf = new WeakMap<Catalog, Map<string, { code: string; id: string; texts: string[] }[]>>();

function errCodes(catalog: Catalog): Map<string, { code: string; id: string; texts: string[] }[]> {
  let byScope = errCodesOf.get(catalog);
  if (byScope) return byScope;
  byScope = new Map();
  for (const e of catalog.entries) {
    if (platformKeyOf(e) !== 'wxapi' || !/^-?\d+$/.test(e.code)) continue;
    const scope = (e.scope ?? e.id.split(':')[1] ?? '').toLowerCase();
    const texts = e.texts.map((t) => t.en.toLowerCase()).filter((t) => t.split(' ').length >= 3);
    if (!scope || !texts.length) continue;
    byScope.set(scope, [...(byScope.get(scope) ?? []), { code: e.code, id: e.id, texts }]);
  }
  errCodesOf.set(catalog, byScope);
  return byScope;
}

/**
 * "requestSubscribeMessage:fail No template data return, verify the template id exist": the API's errCode
 * whose own text (three words at least) follows `:fail`, printed without the number.
 */
function errCodeByText(catalog: Catalog, text: string): Known | undefined {
  const api = text.slice(0, text.indexOf(':')).replace(/^wx\./, '').toLowerCase();
  const rest = text
    .slice(text.indexOf('fail') + 4)
    .trim()
    .toLowerCase();
  for (const e of errCodes(catalog).get(api) ?? [])
    if (e.texts.some((t) => rest.startsWith(t)))
      return { code: e.code, id: e.id, length: text.length, numeric: true };
  return undefined;
}

/** First words of the catalog's client errMsgs ("GETLOCATION:FAIL"), and the most words one has. */
interface Heads {
  first: Set<string>;
  maxWords: number;
}
const headsOf = new WeakMap<Catalog, Heads>();

function heads(catalog: Catalog): Heads {
  let h = headsOf.get(catalog);
  if (h) return h;
  h = { first: new Set(), maxWords: 1 };
  for (const e of catalog.entries) {
    if (platformKeyOf(e) !== 'wxapi' || !/:\s?fail/.test(e.code)) continue;
    const words = normalizeCode(e.code).split(' ');
    h.first.add(words[0]);
    h.maxWords = Math.max(h.maxWords, words.length);
  }
  headsOf.set(catalog, h);
  return h;
}

/** The longest word-prefix of text that is a client-API errMsg in the catalog. */
function longestKnown(catalog: Catalog, text: string): Known | undefined {
  const { first, maxWords } = heads(catalog);
  const words = text.trimEnd().split(' ');
  if (!first.has(words[0].toUpperCase())) return undefined;
  for (let n = Math.min(words.length, maxWords); n >= 1; n--) {
    const candidate = words
      .slice(0, n)
      .join(' ')
      .replace(/[,;:]+$/, '');
    const entry = catalog.lookup(candidate).find((e) => platformKeyOf(e) === 'wxapi' && !/^\d/.test(e.code));
    if (entry) return { code: entry.code, id: entry.id, length: candidate.length };
  }
  return undefined;
}
