// Instrumentation for issue 10's learned-weights experiment (bench only, never on the extractor's path): every
// number of a text that could be a code (a CANDIDATE), the evidence around it, and what the rules decided for
// it. The rules run as extractCodes runs them (scanWritten); the evidence is read with the extractor's own
// helpers, so a feature means what the rule that reads it means.
import type { Catalog } from '../../miniprogram/core/catalog';
import { extractCodes, scanWritten } from '../../miniprogram/core/extract';
import {
  clientApi,
  isClientApiCode,
  isDefaultCode,
  platformKeyOf,
} from '../../miniprogram/core/extract/attribute';
import { blockHeads } from '../../miniprogram/core/extract/blocks';
import { declaredCodes } from '../../miniprogram/core/extract/declared';
import { Marks, markersOf } from '../../miniprogram/core/extract/markers';
import { describes } from '../../miniprogram/core/extract/infer';
import { lineMentionsMessageOf, messageIndex } from '../../miniprogram/core/extract/messages';
import { hasTrigger, keyedCandidates } from '../../miniprogram/core/extract/numbers';
import { devtoolCodes, listings } from '../../miniprogram/core/extract/shapes';
import { tableCodes } from '../../miniprogram/core/extract/table';
import { wecomByWording } from '../../miniprogram/core/extract/zh';
import { labelOf } from '../data/extract-fixtures';

/** The platform classes a numeric label takes (labelOf's suffixes; '' is WeChat's generic platform). */
export const PLATFORMS = ['', 'wecom', 'wxapi'] as const;
export type PlatformClass = (typeof PLATFORMS)[number];

export interface CandidateRecord {
  code: string;
  offset: number;
  line: number;
  /** Evidence, by name: 0/1 indicators and a few values scaled to [0, 1]. */
  features: Record<string, number>;
  /** Platform classes the catalog has an entry for (generic when a WeChat platform has it, or none does). */
  platforms: PlatformClass[];
  /** The rules' decision: the label they gave (`40001`, `60020@wecom`), or undefined when dropped/ignored. */
  rules?: string;
  /** How the rules dropped it: 'ignored' (given to another service) or 'dropped' (never taken). */
  rulesWhy?: 'ignored' | 'dropped';
}

export interface TextCandidates {
  candidates: CandidateRecord[];
  /** Labels the rules found not from a number (Pay string codes): kept as they are by every decision. */
  otherLabels: string[];
}

/** A number standing alone: not inside a word, an id, a version or a decimal. */
const NUMBER = /(?<![\w.\-/])-?\d{2,9}(?![\w]|\.\d)/g;

const classOf = (label: string): PlatformClass => {
  const at = label.indexOf('@');
  const suffix = at === -1 ? '' : label.slice(at + 1);
  return (PLATFORMS as readonly string[]).includes(suffix) ? (suffix as PlatformClass) : '';
};
export const platformOfLabel = classOf;

/** Distance (lines) from `line` to the nearest line whose marks have `bit`, or Infinity. */
function nearest(marks: number[], line: number, bit: number): number {
  for (let d = 0; d < marks.length; d++) {
    if (line - d >= 0 && marks[line - d] & bit) return d;
    if (line + d < marks.length && marks[line + d] & bit) return d;
    if (line - d < 0 && line + d >= marks.length) break;
  }
  return Infinity;
}

/** Indicators of a marker at distance 0, 1–3, 4–10, 11+ (none: all zero). */
function distanceFeatures(f: Record<string, number>, name: string, d: number): void {
  f[`${name}@0`] = d === 0 ? 1 : 0;
  f[`${name}@1-3`] = d >= 1 && d <= 3 ? 1 : 0;
  f[`${name}@4-10`] = d >= 4 && d <= 10 ? 1 : 0;
  f[`${name}@far`] = d > 10 && d < Infinity ? 1 : 0;
}

export function textCandidates(catalog: Catalog, text: string): TextCandidates {
  const index = messageIndex(catalog);
  const { ctx, scan } = scanWritten(text, catalog);
  const { lines } = ctx;
  const marks: number[] = [];
  for (let l = 0; l < lines.count; l++) marks.push(markersOf(lines.lineText(l)));
  const textMarks = marks.reduce((a, b) => a | b, 0);

  const hitAt = new Map(scan.hits.filter((h) => /^-?\d+$/.test(h.code)).map((h) => [h.offset, h]));
  const ignoredAt = new Set([...scan.ignored.values()].map((i) => i.start));
  const keyedAt = new Map(keyedCandidates(text).map((c) => [c.offset, c]));
  const table = tableCodes(ctx, (code) => catalog.lookup(code).length > 0);
  const tableAt = new Set(table.codes.map((c) => c.offset));
  const headAt = new Set(blockHeads(text, lines).map((h) => h.offset));
  const declaredAt = new Set(declaredCodes(text, lines).map((d) => d.offset));
  const listingAt = new Set(listings(lines).map((h) => h.offset));
  const devtoolAt = new Set(devtoolCodes(text).map((h) => h.offset));
  const occurrences = new Map<string, number>();

  const offsets = new Map<number, string>();
  for (const m of text.matchAll(NUMBER)) offsets.set(m.index ?? 0, m[0]);
  for (const [at, c] of keyedAt) offsets.set(at, c.code);
  for (const [at, h] of hitAt) offsets.set(at, h.code);
  for (const code of offsets.values()) occurrences.set(code, (occurrences.get(code) ?? 0) + 1);

  const candidates: CandidateRecord[] = [];
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
    const around = (reach: number) =>
      text.slice(lines.start(Math.max(0, line - reach)), lines.end(Math.min(lines.count - 1, line + reach)));
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
      'api:named-near': clientApi(catalog, code, around(2)) ? 1 : 0,
      'wecom:wording': wecomByWording(catalog, code, lineText) ? 1 : 0,
      repeated: (occurrences.get(code) ?? 1) > 1 ? 1 : 0,
    };
    distanceFeatures(f, 'wechat', nearest(marks, line, Marks.Wechat));
    distanceFeatures(f, 'wecom', nearest(marks, line, Marks.Wecom));
    distanceFeatures(f, 'foreign', nearest(marks, line, Marks.Foreign));
    const platforms: PlatformClass[] = [];
    if (isDefaultCode(catalog, code) || entries.length === 0) platforms.push('');
    if (keys.has('wecom')) platforms.push('wecom');
    if (isClientApiCode(catalog, code)) platforms.push('wxapi');
    if (!platforms.length) platforms.push('');
    const record: CandidateRecord = { code, offset, line, features: f, platforms };
    if (hit) record.rules = labelOf(hit);
    else record.rulesWhy = ignoredAt.has(offset) ? 'ignored' : 'dropped';
    candidates.push(record);
  }
  // Written codes that are not numbers (Pay's PARAM_ERROR, a client errMsg), as extractCodes reports them.
  const otherLabels = extractCodes(text, { catalog })
    .codes.filter((c) => !c.inferred && !/^-?\d+$/.test(c.code))
    .map(labelOf);
  return { candidates, otherLabels };
}
