// From hits to the result: the errmsgs and trace ids of the text, and one FoundCode per code and platform
// with the errmsg, rid and IP that go with it.
import type { Attribution } from './attribute';
import type { TextContext } from './context';
import { cleanErrmsg } from './messages';
import { evidenceOf } from './text';

export type Via = 'key' | 'table' | 'context' | 'errmsg';

export interface Hit extends Attribution {
  code: string;
  offset: number;
  end: number;
  line: number;
  via: Via;
  /** HTTP status given with a Pay body. */
  http?: number;
  /** Similarity of the wording an inferred code came from (1 = the catalog text itself). */
  score?: number;
}

export interface Message {
  raw: string;
  offset: number;
  line: number;
}

export interface Rid {
  id: string;
  offset: number;
  line: number;
}

const RID =
  /\brid\s*[:：]\s*([0-9a-fA-F]{8}-\s*[0-9a-fA-F]{8}-\s*[0-9a-fA-F]{8})|\bhints?\s*[:：]\s*\[\s*(?:req_id\s*[:：]\s*)?([\w.-]+)\s*\]|\breq_id\s*[:：]\s*([\w-]{6,})/gi;
const ERRMSG =
  /(err[_\s-]?msg|error[_\s-]?msg|errormsg|err_msg|message|msg|retmsg|ret_msg|return_?msg|err_code_des|err_tips|错误信息|说明|错误描述|提示)([\\"'\]>\s]*(?:=>|[:=：])?[\s"'\\([]*)(?:string\(\d+\)\s*")?(?:<!\[CDATA\[)?/gi;
const IP =
  /(?:invalid ip|requestIP:?|from ip:?|client ?ip:?)\s*((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f:]{3,}[0-9a-f])/i;
/** Where an unquoted errmsg ends: end of line, a quote or bracket, full-width punctuation, the next key=. */
const MESSAGE_END = /[\r\n"'}\]|，。；<]|\s\w+=/;

export function findMessages(text: string, ctx: TextContext): Message[] {
  const messages: Message[] = [];
  for (const m of text.matchAll(ERRMSG)) {
    const at = m.index ?? 0;
    if (at > 0 && /[A-Za-z0-9_]/.test(text.charAt(at - 1))) continue;
    if (/[A-Za-z0-9_]/.test(text.charAt(at + m[1].length))) continue;
    const explicit = /=>|[:=：>]/.test(m[2]);
    // PHP: "Uncaught exception 'Exception' with message 'api unauthorized, …'".
    const phpMessage = /^message$/i.test(m[1]) && /\bwith $/i.test(text.slice(Math.max(0, at - 5), at));
    if (!explicit && !phpMessage && m[1] !== '提示' && m[1] !== '说明') continue;
    const valueStart = at + m[0].length;
    const quote = /["']$/.test(m[0]) ? m[0].charAt(m[0].length - 1) : '';
    let raw: string;
    if (quote) {
      const close = text.indexOf(quote, valueStart);
      const stop = close === -1 || close - valueStart > 400 ? Math.min(text.length, valueStart + 400) : close;
      raw = text.slice(valueStart, stop).replace(/\\+$/, '');
    } else {
      const rest = text.slice(valueStart, valueStart + 400);
      const stop = rest.search(MESSAGE_END);
      raw = stop === -1 ? rest : rest.slice(0, stop);
    }
    if (!/[A-Za-z\u4e00-\u9fff]/.test(raw)) continue;
    messages.push({ raw, offset: valueStart, line: ctx.lines.lineOf(at) });
  }
  return messages;
}

export function findRids(text: string, ctx: TextContext): Rid[] {
  const rids: Rid[] = [];
  for (const m of text.matchAll(RID)) {
    const id = (m[1] ?? m[2] ?? m[3]).replace(/\s+/g, '');
    const at = m.index ?? 0;
    rids.push({ id, offset: at, line: ctx.lines.lineOf(at) });
  }
  return rids;
}

/** One distinct code (on one platform) in the result. */
export interface FoundCode {
  code: string;
  /** True when no number survived and the code was recognised from its wording (errmsg or Chinese text). */
  inferred: boolean;
  /** The line of text the code was found in (trimmed, bounded length). */
  evidence: string;
  /** 1-based line number in the input. */
  line: number;
  /** The errmsg that goes with the code, without its rid tail. */
  errmsg?: string;
  /** Trace id of this error (rid: / hint: / req_id:). */
  rid?: string;
  /** Caller IP reported by 40164 (and the IP of 61004 "requestIP"). */
  ip?: string;
  /** How the code was found: a key (errcode…), a table column, a bare number in context, or its wording. */
  via: Via;
  /** Offsets of the first occurrence in the input: [start, end). */
  start: number;
  end: number;
  /** How many times the code occurs in the text (on this platform). */
  occurrences: number;
  /** Key of the platform the code was attributed to: mp, open, cloudbase…, wecom, payv3, payv2, wxapi; 'unknown'. */
  platform: string;
  /** The catalog entry of that meaning (show it first), when the catalog has one. */
  entryId?: string;
  /** What decided the platform: the marker or API name near the code, "default" for the most common meaning. */
  context: string;
  /** HTTP status that came with a Pay body. */
  http?: number;
  /** For inferred codes, how close the wording is to the catalog text (1 = the same). */
  score?: number;
}

/** A code is reported once per platform: WeCom's 40001 and the 公众号's 40001 in one log are two answers. */
function keyOf(hit: Hit): string {
  return `${hit.platform}|${hit.code}`;
}

/** One FoundCode per distinct code and platform (first occurrence), with its errmsg, rid and IP. */
export function summarise(ctx: TextContext, hits: Hit[], messages: Message[], rids: Rid[]): FoundCode[] {
  const byCode = new Map<string, FoundCode>();
  const messageAt = new Map(messages.map((m) => [m.offset, m]));
  const explicit = new Set(hits.filter((h) => h.via !== 'errmsg').map((h) => h.code));
  hits.forEach((hit, i) => {
    if (hit.via === 'errmsg' && explicit.has(hit.code)) return;
    const key = keyOf(hit);
    const existing = byCode.get(key);
    if (existing) existing.occurrences++;
    // A repeat only fills what the first occurrence lacked (a 1 MB log repeats the same code thousands of times).
    if (existing && existing.errmsg && existing.rid) return;
    const nextOffset = i + 1 < hits.length ? hits[i + 1].offset : Infinity;
    const message = hit.via === 'errmsg' ? messageAt.get(hit.offset) : nearby(messages, hit, nextOffset);
    const rid = nearby(rids, hit, nextOffset);
    const errmsg = message ? cleanErrmsg(message.raw) : undefined;
    const ip = (message && IP.exec(message.raw)?.[1]) ?? IP.exec(ctx.lines.lineText(hit.line))?.[1];
    if (existing) {
      existing.errmsg ??= errmsg || undefined;
      existing.rid ??= rid?.id;
      existing.ip ??= ip;
      return;
    }
    const lineText = ctx.lines.lineText(hit.line);
    const found: FoundCode = {
      code: hit.code,
      inferred: hit.via === 'errmsg',
      evidence: evidenceOf(lineText, hit.offset - ctx.lines.start(hit.line)),
      line: hit.line + 1,
      via: hit.via,
      start: hit.offset,
      end: hit.end,
      occurrences: 1,
      platform: hit.platform,
      context: hit.context,
    };
    if (hit.entryId) found.entryId = hit.entryId;
    if (hit.http !== undefined) found.http = hit.http;
    if (hit.score !== undefined) found.score = Math.round(hit.score * 1000) / 1000;
    if (errmsg) found.errmsg = errmsg;
    if (rid) found.rid = rid.id;
    if (ip) found.ip = ip;
    byCode.set(key, found);
  });
  return [...byCode.values()];
}

/** The item after the hit (before the next hit, within 3 lines), else the last one before it on its line. */
function nearby<T extends { offset: number; line: number }>(
  items: T[],
  hit: Hit,
  nextOffset: number,
): T | undefined {
  // items are in text order: find the first at or after the hit's end.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].offset < hit.end) lo = mid + 1;
    else hi = mid;
  }
  const after = items[lo];
  if (after && after.offset < nextOffset && after.line - hit.line <= 3) return after;
  for (let i = lo - 1; i >= 0 && items[i].line === hit.line; i--)
    if (items[i].offset < hit.offset) return items[i];
  return undefined;
}
