// The learned pass's candidates (learned.ts): every number of a text that could be a code, with the evidence the
// rules read about it, worked out from what the rules' pass already built on the same TextContext (markers,
// masks, WeCom wordings) and once per line or code. The weights were fitted on exactly these features, in this
// key order (`dot` sums in it): test/core/extract-learned-features.test.ts holds them to the first computation.
import type { Catalog } from '../catalog';
import type { Entry } from '../types';
import { clientApi, isClientApiCode, isDefaultCode, platformKeyOf } from './attribute';
import { blockHeads } from './blocks';
import type { TextContext } from './context';
import { declaredCodes } from './declared';
import { describes } from './infer';
import type { Candidate, PlatformClass } from './learned';
import { Marks } from './markers';
import { lineMentionsMessageOf, type MessageIndex } from './messages';
import { keyedCandidates } from './numbers';
import { devtoolCodes, listings } from './shapes';
import type { Hit } from './summary';
import { tableCodes } from './table';
import { WecomWordings, hasChineseClauses } from './zh';

/** What the line's normalised form makes one space (lower-cased first). */
const NOT_WORD = /[^a-z0-9_\u4e00-\u9fff]+/g;

/** A number standing alone (the character before it is matched, not looked behind: JavaScriptCore-safe). */
const NUMBER = /(^|[^\w.\-/])(-?\d{2,9})(?![\w]|\.\d)/g;

/** For every line, the distance (lines) to the nearest line whose marks have `bit`, or Infinity: two sweeps. */
function distances(marks: readonly number[], bit: number): Float64Array {
  const d = new Float64Array(marks.length).fill(Infinity);
  let last = -Infinity;
  for (let l = 0; l < marks.length; l++) {
    if (marks[l] & bit) last = l;
    d[l] = l - last;
  }
  last = Infinity;
  for (let l = marks.length - 1; l >= 0; l--) {
    if (marks[l] & bit) last = l;
    d[l] = Math.min(d[l], last - l);
  }
  return d;
}

/** 1 when a distance (lines) is within [lo, hi], else 0 (the marker-distance indicators). */
const within = (d: number, lo: number, hi: number): number => (d >= lo && d <= hi ? 1 : 0);

interface ScanState {
  hits: readonly Hit[];
  ignoredOffsets: ReadonlySet<number>;
}

/** What a candidate's evidence reads from its code alone: worked out once per code of a text. */
interface CodeFacts {
  entries: readonly Entry[];
  digits: number;
  keys: Set<string>;
  isDefault: boolean;
  isClientApi: boolean;
  /** The code has a WeCom entry (wecomByWording answers nothing without one). */
  hasWecom: boolean;
  /** A catalog text of several words (lineMentionsMessageOf answers nothing without one). */
  hasPhrase: boolean;
  /** An English text or a Chinese clause (describes answers nothing without one). */
  mayDescribe: boolean;
  platforms: PlatformClass[];
}

function codeFacts(catalog: Catalog, index: MessageIndex, code: string): CodeFacts {
  const entries = catalog.lookup(code);
  const keys = new Set(entries.map(platformKeyOf));
  const isDefault = isDefaultCode(catalog, code);
  const isClientApi = isClientApiCode(catalog, code);
  const platforms: PlatformClass[] = [];
  if (isDefault || entries.length === 0) platforms.push('');
  if (keys.has('wecom')) platforms.push('wecom');
  if (isClientApi) platforms.push('wxapi');
  if (!platforms.length) platforms.push('');
  return {
    entries,
    digits: code.replace('-', '').length,
    keys,
    isDefault,
    isClientApi,
    hasWecom: catalog.get(`wecom:${code}`) !== undefined,
    hasPhrase: (index.textsByCode.get(code) ?? []).some((t) => t.includes(' ')),
    mayDescribe: (index.textsByCode.get(code) ?? []).length > 0 || hasChineseClauses(catalog, code),
    platforms,
  };
}

/** What a candidate's evidence reads from its line alone: worked out once per line that has a candidate. */
interface LineFacts {
  text: string;
  /** Lower-cased, runs of other characters than [a-z0-9_] and CJK made one space (when a code asks). */
  norm?: string;
  trigger: boolean;
  syscallError: boolean;
  otherMessage: boolean;
}

function lineFacts(ctx: TextContext, line: number): LineFacts {
  const text = ctx.lines.lineText(line);
  return {
    text,
    trigger: ctx.hasTrigger(line),
    syscallError: ctx.isForeignError(line),
    otherMessage: /["']?(?:message|msg|description)["']?\s*[:=]/.test(text),
  };
}

/**
 * Every candidate of a text, with its evidence and the rules' decision (after the written-code passes). Facts of
 * a line or a code are worked out once, the platform markers come from the rules' marking (TextContext), and
 * `describes` answers once per code and text after it: the same features as one computation per candidate
 * (test/core/extract-learned-features.test.ts holds them to it, key order included: `dot` sums in it).
 */
export function candidatesOf(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  state: ScanState,
): Candidate[] {
  const { text, lines } = ctx;
  const marks: number[] = [];
  for (let l = 0; l < lines.count; l++) marks.push(ctx.lineMarkers(l));
  const textMarks = marks.reduce((a, b) => a | b, 0);
  const toWechat = distances(marks, Marks.Wechat);
  const toWecom = distances(marks, Marks.Wecom);
  const toForeign = distances(marks, Marks.Foreign);

  const hitAt = new Map(state.hits.filter((h) => /^-?\d+$/.test(h.code)).map((h) => [h.offset, h]));
  const keyedAt = new Map(keyedCandidates(text).map((c) => [c.offset, c]));
  const table = tableCodes(ctx, (code) => catalog.lookup(code).length > 0);
  const tableAt = new Set(table.codes.map((c) => c.offset));
  const headAt = new Set(blockHeads(text, lines).map((h) => h.offset));
  const declaredAt = new Set(declaredCodes(text, lines).map((d) => d.offset));
  const listingAt = new Set(listings(lines).map((h) => h.offset));
  const devtoolAt = new Set(devtoolCodes(text).map((h) => h.offset));

  const offsets = new Map<number, string>();
  for (const m of text.matchAll(NUMBER)) offsets.set((m.index ?? 0) + m[1].length, m[2]);
  for (const [at, c] of keyedAt) offsets.set(at, c.code);
  for (const [at, h] of hitAt) offsets.set(at, h.code);
  const occurrences = new Map<string, number>();
  for (const code of offsets.values()) occurrences.set(code, (occurrences.get(code) ?? 0) + 1);

  // Answers the rules' passes worked out on this text are read, not worked out again.
  const wordings = WecomWordings.of(catalog, ctx);
  ctx.findMaskLiterals();
  const byCode = new Map<string, CodeFacts>();
  const byLine = new Map<number, LineFacts>();
  /** describes(code, text after it) by code and text: a log repeats both. */
  const described = new Map<string, Map<string, boolean>>();
  const candidates: Candidate[] = [];
  for (const [offset, code] of [...offsets].sort((a, b) => a[0] - b[0])) {
    let facts = byCode.get(code);
    if (!facts) byCode.set(code, (facts = codeFacts(catalog, index, code)));
    const { entries, digits, keys } = facts;
    const keyed = keyedAt.get(offset);
    const hit = hitAt.get(offset);
    if (code === '0' || (!entries.length && !keyed && !hit)) continue;
    const line = lines.lineOf(offset);
    let lf = byLine.get(line);
    if (!lf) byLine.set(line, (lf = lineFacts(ctx, line)));
    const lineText = lf.text;
    const col = offset - lines.start(line);
    const before = lineText.slice(Math.max(0, col - 12), col);
    const after = lineText.slice(col + code.length, col + code.length + 40);
    let ownText = false;
    if (entries.length && facts.mayDescribe) {
      let afters = described.get(code);
      if (!afters) described.set(code, (afters = new Map()));
      const known = afters.get(after);
      ownText = known ?? describes(catalog, index, code, after);
      if (known === undefined) afters.set(after, ownText);
    }
    const ownMessage =
      entries.length > 0 &&
      facts.hasPhrase &&
      lineMentionsMessageOf(index, code, (lf.norm ??= lineText.toLowerCase().replace(NOT_WORD, ' ')));
    const context = ctx.contextAt(line, offset);
    const key = keyed?.key ?? '';
    const f: Record<string, number> = {
      bias: 1,
      negative: code.startsWith('-') ? 1 : 0,
      'digits<=2': digits <= 2 ? 1 : 0,
      'digits3-4': digits >= 3 && digits <= 4 ? 1 : 0,
      digits5: digits === 5 ? 1 : 0,
      'digits6+': digits >= 6 ? 1 : 0,
      'http-like': /^[1-5]\d\d$/.test(code) ? 1 : 0,
      'catalog:default': facts.isDefault ? 1 : 0,
      'catalog:bare': index.bareCodes.has(code) ? 1 : 0,
      'catalog:page': index.pageCodes.has(code) ? 1 : 0,
      'catalog:wecom': keys.has('wecom') ? 1 : 0,
      'catalog:wxapi': facts.isClientApi ? 1 : 0,
      'catalog:none': entries.length === 0 ? 1 : 0,
      'catalog:many': keys.size >= 2 ? 1 : 0,
      'key:strong': keyed?.strong ? 1 : 0,
      'key:weak': keyed && !keyed.strong ? 1 : 0,
      'key:errcode': /^err_?code$/i.test(key) ? 1 : 0,
      'key:errno': /^err_?no$/i.test(key) ? 1 : 0,
      'key:code': /^(?:code|ret_?code|ret)$/i.test(key) ? 1 : 0,
      'key:error': /^(?:error|err|exception)$/i.test(key) ? 1 : 0,
      'key:zh': /[\u4e00-\u9fff]/.test(key) ? 1 : 0,
      'key:errorCode': /^error[\s_-]?code$|^errorcode$/i.test(key) ? 1 : 0,
      'line:trigger': lf.trigger ? 1 : 0,
      'line:own-errmsg': ownMessage ? 1 : 0,
      'after:own-text': ownText ? 1 : 0,
      'after:zh': /^\s*[\u4e00-\u9fff]/.test(after) ? 1 : 0,
      'after:unit': /^\s*(?:ms|s|秒|元|bytes|kb|mb|px|%|次|个|条)\b/i.test(after) ? 1 : 0,
      'before:glued': /[#(（[]$/.test(before) ? 1 : 0,
      'before:fail': /:fail\s*$/.test(before) ? 1 : 0,
      'before:case': /\bcase\s*$/.test(before) ? 1 : 0,
      'line:masked': ctx.isMasked(offset) ? 1 : 0,
      'line:syscall-error': lf.syscallError ? 1 : 0,
      'line:other-message': lf.otherMessage ? 1 : 0,
      'ctx:foreign': context.kind === 'foreign' ? 1 : 0,
      'ctx:wecom': context.kind === 'wecom' ? 1 : 0,
      'ctx:marked': context.marker !== '' ? 1 : 0,
      'ctx:pay': context.pay ? 1 : 0,
      'text:foreign': textMarks & Marks.Foreign ? 1 : 0,
      'text:wecom': textMarks & Marks.Wecom ? 1 : 0,
      'text:wechat': textMarks & Marks.Wechat ? 1 : 0,
      'shape:table': tableAt.has(offset) ? 1 : 0,
      'shape:head': headAt.has(offset) ? 1 : 0,
      'shape:declared': declaredAt.has(offset) ? 1 : 0,
      'shape:listing': listingAt.has(offset) ? 1 : 0,
      'shape:devtool': devtoolAt.has(offset) ? 1 : 0,
      // Only a client API's errCode can be named near (clientApi answers nothing else): the lines around are
      // cut for those codes alone.
      'api:named-near': facts.isClientApi && clientApi(catalog, code, around(ctx, line)) ? 1 : 0,
      'wecom:wording': facts.hasWecom && wordings.on(code, lineText) ? 1 : 0,
      repeated: (occurrences.get(code) ?? 1) > 1 ? 1 : 0,
      // The nearest marker of each kind at 0, 1–3, 4–10, 11+ lines (none: all zero).
      'wechat@0': within(toWechat[line], 0, 0),
      'wechat@1-3': within(toWechat[line], 1, 3),
      'wechat@4-10': within(toWechat[line], 4, 10),
      'wechat@far': within(toWechat[line], 11, Number.MAX_VALUE),
      'wecom@0': within(toWecom[line], 0, 0),
      'wecom@1-3': within(toWecom[line], 1, 3),
      'wecom@4-10': within(toWecom[line], 4, 10),
      'wecom@far': within(toWecom[line], 11, Number.MAX_VALUE),
      'foreign@0': within(toForeign[line], 0, 0),
      'foreign@1-3': within(toForeign[line], 1, 3),
      'foreign@4-10': within(toForeign[line], 4, 10),
      'foreign@far': within(toForeign[line], 11, Number.MAX_VALUE),
    };
    const end = hit?.end ?? keyed?.end ?? offset + code.length;
    candidates.push({
      code,
      offset,
      end,
      line,
      features: f,
      platforms: facts.platforms.slice(),
      hit,
      ignored: state.ignoredOffsets.has(offset),
    });
  }
  return candidates;
}

/** The text of the lines within 2 of a line (where a client API named counts for its errCode). */
export function around(ctx: TextContext, line: number): string {
  const { lines } = ctx;
  return ctx.text.slice(lines.start(Math.max(0, line - 2)), lines.end(Math.min(lines.count - 1, line + 2)));
}
