// The learned pass's candidates and evidence as extract/learned.ts computed them before the fast path (perf7,
// docs/extract-history.md section 3f): every fact worked out again per candidate (markers per line, the shape
// passes, catalog lookups). Kept verbatim as the oracle of test/core/extract-learned-features.test.ts: the fast
// path must give the same candidates with the same features, in the same key order (the dot product sums in it).
import type { Catalog } from '../../miniprogram/core/catalog';
import {
  isClientApiCode,
  isDefaultCode,
  clientApi,
  platformKeyOf,
} from '../../miniprogram/core/extract/attribute';
import { blockHeads } from '../../miniprogram/core/extract/blocks';
import type { TextContext } from '../../miniprogram/core/extract/context';
import { declaredCodes } from '../../miniprogram/core/extract/declared';
import { describes } from '../../miniprogram/core/extract/infer';
import type { Candidate, PlatformClass } from '../../miniprogram/core/extract/learned';
import { Marks, markersOf } from '../../miniprogram/core/extract/markers';
import { lineMentionsMessageOf, type MessageIndex } from '../../miniprogram/core/extract/messages';
import { hasTrigger, keyedCandidates } from '../../miniprogram/core/extract/numbers';
import { devtoolCodes, listings } from '../../miniprogram/core/extract/shapes';
import type { Hit } from '../../miniprogram/core/extract/summary';
import { tableCodes } from '../../miniprogram/core/extract/table';
import { wecomByWording } from '../../miniprogram/core/extract/zh';

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

/** Indicator names of a marker kind at distance 0, 1–3, 4–10, 11+ (written once, not per candidate). */
const DISTANCE_NAMES = new Map(
  ['wechat', 'wecom', 'foreign'].map((name) => [name, ['@0', '@1-3', '@4-10', '@far'].map((s) => name + s)]),
);

/** Indicators of a marker at distance 0, 1–3, 4–10, 11+ (none: all zero). */
function distanceFeatures(f: Record<string, number>, name: string, d: number): void {
  const [at0, near, mid, far] = DISTANCE_NAMES.get(name) as string[];
  f[at0] = d === 0 ? 1 : 0;
  f[near] = d >= 1 && d <= 3 ? 1 : 0;
  f[mid] = d >= 4 && d <= 10 ? 1 : 0;
  f[far] = d > 10 && d < Infinity ? 1 : 0;
}

interface ScanState {
  hits: readonly Hit[];
  ignoredOffsets: ReadonlySet<number>;
}

/** Every candidate of a text, with its evidence and the rules' decision (after the written-code passes). */
export function referenceCandidatesOf(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  state: ScanState,
): Candidate[] {
  const { text, lines } = ctx;
  const marks: number[] = [];
  for (let l = 0; l < lines.count; l++) marks.push(markersOf(lines.lineText(l)));
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

  const candidates: Candidate[] = [];
  for (const [offset, code] of [...offsets].sort((a, b) => a[0] - b[0])) {
    const entries = catalog.lookup(code);
    const keyed = keyedAt.get(offset);
    const hit = hitAt.get(offset);
    if (code === '0' || (!entries.length && !keyed && !hit)) continue;
    const line = lines.lineOf(offset);
    const lineText = lines.lineText(line);
    const col = offset - lines.start(line);
    const before = lineText.slice(Math.max(0, col - 12), col);
    const after = lineText.slice(col + code.length, col + code.length + 40);
    const digits = code.replace('-', '').length;
    const keys = new Set(entries.map(platformKeyOf));
    const context = ctx.contextAt(line, offset);
    const norm = lineText.toLowerCase().replace(/[^a-z0-9_\u4e00-\u9fff]+/g, ' ');
    const around = text.slice(
      lines.start(Math.max(0, line - 2)),
      lines.end(Math.min(lines.count - 1, line + 2)),
    );
    const key = keyed?.key ?? '';
    const f: Record<string, number> = {
      bias: 1,
      negative: code.startsWith('-') ? 1 : 0,
      'digits<=2': digits <= 2 ? 1 : 0,
      'digits3-4': digits >= 3 && digits <= 4 ? 1 : 0,
      digits5: digits === 5 ? 1 : 0,
      'digits6+': digits >= 6 ? 1 : 0,
      'http-like': /^[1-5]\d\d$/.test(code) ? 1 : 0,
      'catalog:default': isDefaultCode(catalog, code) ? 1 : 0,
      'catalog:bare': index.bareCodes.has(code) ? 1 : 0,
      'catalog:page': index.pageCodes.has(code) ? 1 : 0,
      'catalog:wecom': keys.has('wecom') ? 1 : 0,
      'catalog:wxapi': isClientApiCode(catalog, code) ? 1 : 0,
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
      'line:trigger': hasTrigger(lineText) ? 1 : 0,
      'line:own-errmsg': entries.length && lineMentionsMessageOf(index, code, norm) ? 1 : 0,
      'after:own-text': entries.length && describes(catalog, index, code, after) ? 1 : 0,
      'after:zh': /^\s*[\u4e00-\u9fff]/.test(after) ? 1 : 0,
      'after:unit': /^\s*(?:ms|s|秒|元|bytes|kb|mb|px|%|次|个|条)\b/i.test(after) ? 1 : 0,
      'before:glued': /[#(（[]$/.test(before) ? 1 : 0,
      'before:fail': /:fail\s*$/.test(before) ? 1 : 0,
      'before:case': /\bcase\s*$/.test(before) ? 1 : 0,
      'line:masked': ctx.isMasked(offset) ? 1 : 0,
      'line:syscall-error': ctx.isForeignError(line) ? 1 : 0,
      'line:other-message': /["']?(?:message|msg|description)["']?\s*[:=]/.test(lineText) ? 1 : 0,
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
      'api:named-near': clientApi(catalog, code, around) ? 1 : 0,
      'wecom:wording': wecomByWording(catalog, code, lineText) ? 1 : 0,
      repeated: (occurrences.get(code) ?? 1) > 1 ? 1 : 0,
    };
    distanceFeatures(f, 'wechat', toWechat[line]);
    distanceFeatures(f, 'wecom', toWecom[line]);
    distanceFeatures(f, 'foreign', toForeign[line]);
    const platforms: PlatformClass[] = [];
    if (isDefaultCode(catalog, code) || entries.length === 0) platforms.push('');
    if (keys.has('wecom')) platforms.push('wecom');
    if (isClientApiCode(catalog, code)) platforms.push('wxapi');
    if (!platforms.length) platforms.push('');
    const end = hit?.end ?? keyed?.end ?? offset + code.length;
    candidates.push({
      code,
      offset,
      end,
      line,
      features: f,
      platforms,
      hit,
      ignored: state.ignoredOffsets.has(offset),
    });
  }
  return candidates;
}
