// Finds WeChat error codes in pasted text (logs, JSON bodies, stack traces, OCR output). Pure TypeScript.
// CONTRACT (scan page, CLI scan/annotate and the request wrapper rely on it): extractCodes(), FoundCode,
// ScanResult, MAX_SCAN_CHARS, ScanInputTooLarge.
//
// How a code is recognised (rules, not answers; see bench/data/extract-fixtures.txt for the shapes):
// 1. Keyed: errcode/errCode/err_code/errno/error code/错误码/错误代码/返回码 (JSON, JS, query strings, XML,
//    exception text, PHP/Ruby dumps). Any non-zero integer counts; OCR slips (4OOO1, 4000l, "40 029") are
//    undone. Weak keys (code, ret, retcode, error) need a catalog code of 5+ digits. Negative values need a
//    catalog code or a cloud-sized one (-404011); errno needs 5+ digits unless the line is a `…:fail`.
// 2. Table: a markdown/CSV/TSV column headed errcode/code/错误码.
// 3. Bare: a 5–7 digit number (or -6 digits) that the catalog knows as a WeChat code, on a line with an
//    error word (报错, 错误, 返回, error, fail…) or beside that code's own errmsg; never glued to a path, id,
//    version, port, time or decimal, never the value of another field (cost=, port:, <total_fee>), never
//    after a noun that says what it counts (pid, port, line, order, 端口…) or before a unit (ms, bytes, 元…).
//    A line that already has a keyed code gets no bare codes unless the errmsg confirms them.
// 4. Platform: a code near text about another platform (企业微信/WeCom, 支付宝/Alipay, 抖音, 钉钉…) is dropped
//    unless a WeChat marker is closer (on a line naming both, the number's clause between ，。； decides);
//    numbers on syscall/database error lines (ECONNREFUSED, ER_…, MySQL "ERROR 1062 (23000)") are not
//    taken bare.
// 5. Inferred: an errmsg (errmsg/message/说明/提示…) whose text is one code's catalog text, or a long
//    distinctive catalog phrase in free text, gives that code with `inferred: true` when no code was found
//    within 3 lines; so does a one-line paste that is exactly one code's catalog text.
import { bundledCatalog, type Catalog } from './catalog';
import { TextContext, tableCodes } from './extract/context';
import {
  cleanErrmsg,
  codeFromMessage,
  codesFromPhrases,
  lineMentionsMessageOf,
  messageIndex,
  normalizeMessage,
  type MessageIndex,
} from './extract/messages';
import { bareCandidates, hasTrigger, keyedCandidates, type Candidate } from './extract/numbers';
import { evidenceOf } from './extract/text';

/** Largest text scanned at once (characters). Larger input gets a clear error, never a silent cut. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

export class ScanInputTooLarge extends Error {
  constructor(readonly size: number) {
    super(`text is ${size} characters; wxerr scans at most ${MAX_SCAN_CHARS} at once — split it`);
  }
}

export interface FoundCode {
  code: string;
  /** True when no number survived and the code was recognised from its errmsg. */
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
  /** How the code was found: a key (errcode…), a table column, a bare number in context, or its errmsg. */
  via: 'key' | 'table' | 'context' | 'errmsg';
  /** Offsets of the first occurrence in the input: [start, end). */
  start: number;
  end: number;
  /** How many times the code occurs in the text. */
  occurrences: number;
}

export interface ScanResult {
  codes: FoundCode[];
  /** Every trace id seen in the text, in order, deduplicated. */
  rids: string[];
}

export interface ExtractOptions {
  /** Catalog used to validate bare numbers and to infer codes from errmsgs (default: the bundled one). */
  catalog?: Catalog;
}

const RID =
  /\brid\s*[:：]\s*([0-9a-fA-F]{8}-\s*[0-9a-fA-F]{8}-\s*[0-9a-fA-F]{8})|\bhints?\s*[:：]\s*\[\s*(?:req_id\s*[:：]\s*)?([\w.-]+)\s*\]|\breq_id\s*[:：]\s*([\w-]{6,})/gi;
const ERRMSG =
  /(err[_\s-]?msg|error[_\s-]?msg|errormsg|err_msg|message|msg|retmsg|ret_msg|err_tips|错误信息|说明|错误描述|提示)([\\"'\]>\s]*(?:=>|[:=：])?[\s"'\\([]*)(?:string\(\d+\)\s*")?/gi;
const IP =
  /(?:invalid ip|requestIP:?|from ip:?|client ?ip:?)\s*((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f:]{3,}[0-9a-f])/i;
/** Where an unquoted errmsg ends: end of line, a quote or bracket, full-width punctuation, the next key=. */
const MESSAGE_END = /[\r\n"'}\]|，。；]|\s\w+=/;
/** Lines around a message within which a found code makes inference unnecessary. */
const INFER_REACH = 3;

interface Hit {
  code: string;
  offset: number;
  end: number;
  line: number;
  via: FoundCode['via'];
}

interface Message {
  raw: string;
  offset: number;
  line: number;
}

export function extractCodes(text: string, options: ExtractOptions = {}): ScanResult {
  if (text.length > MAX_SCAN_CHARS) throw new ScanInputTooLarge(text.length);
  const catalog = options.catalog ?? bundledCatalog();
  const index = messageIndex(catalog);
  const ctx = new TextContext(text);
  const known = (code: string) => catalog.lookup(code).length > 0;

  const hits: Hit[] = [];
  const keyedLines = new Set<number>();
  const taken = new Set<number>();
  for (const c of keyedCandidates(text)) {
    // Not masked: a keyed value inside a URL (…?errcode=40029) is still that error.
    if (!acceptKeyed(c, known)) continue;
    const line = ctx.lines.lineOf(c.offset);
    taken.add(c.offset);
    if (ctx.isOtherPlatform(line, c.offset)) continue;
    keyedLines.add(line);
    hits.push({ code: c.code, offset: c.offset, end: c.end, line, via: 'key' });
  }

  const table = tableCodes(ctx, (code) => index.bareCodes.has(code) || code.replace('-', '').length >= 5);
  for (const t of table.codes) {
    if (taken.has(t.offset) || ctx.isOtherPlatform(t.line, t.offset)) continue;
    hits.push({ code: t.code, offset: t.offset, end: t.offset + t.code.length, line: t.line, via: 'table' });
  }

  scanBare(ctx, index, table.rows, keyedLines, taken, hits);

  const messages = findMessages(text, ctx);
  const inferred = inferCodes(ctx, index, messages, hits);
  hits.push(...inferred);
  hits.sort((a, b) => a.offset - b.offset);

  const rids = findRids(text, ctx);
  return { codes: summarise(ctx, hits, messages, rids), rids: unique(rids.map((r) => r.id)) };
}

function acceptKeyed(c: Candidate, known: (code: string) => boolean): boolean {
  const digits = c.code.replace('-', '').length;
  if (c.code.startsWith('-') && !known(c.code) && digits < 6) return false;
  if (c.strong) return true;
  return digits >= 5 && known(c.code);
}

function scanBare(
  ctx: TextContext,
  index: MessageIndex,
  tableRows: Set<number>,
  keyedLines: Set<number>,
  taken: Set<number>,
  hits: Hit[],
): void {
  // Only lines with a 5-digit run are worth a look: find them with one pass over the whole text.
  let previous = -1;
  for (const m of ctx.text.matchAll(/[0-9０-９][0-9０-９OIl|]{4}/g)) {
    const line = ctx.lines.lineOf(m.index ?? 0);
    if (line === previous || tableRows.has(line)) continue;
    previous = line;
    const start = ctx.lines.start(line);
    const lineText = ctx.lines.lineText(line);
    const candidates = bareCandidates(lineText, start, taken);
    if (candidates.length === 0) continue;
    let trigger: boolean | undefined;
    let normLine: string | undefined;
    for (const c of candidates) {
      if (!index.bareCodes.has(c.code) || ctx.isMasked(c.offset)) continue;
      trigger ??= hasTrigger(lineText);
      // The code's own errmsg beside it confirms a bare number; only worked out when the line needs it.
      if (!trigger || keyedLines.has(line)) {
        normLine ??= lineText.toLowerCase().replace(/[^a-z0-9_\u4e00-\u9fff]+/g, ' ');
        if (!lineMentionsMessageOf(index, c.code, normLine)) continue;
      }
      if (ctx.isForeignError(line) || ctx.isOtherPlatform(line, c.offset)) continue;
      hits.push({ code: c.code, offset: c.offset, end: c.end, line, via: 'context' });
    }
  }
}

function findMessages(text: string, ctx: TextContext): Message[] {
  const messages: Message[] = [];
  for (const m of text.matchAll(ERRMSG)) {
    const at = m.index ?? 0;
    if (at > 0 && /[A-Za-z0-9_]/.test(text.charAt(at - 1))) continue;
    if (/[A-Za-z0-9_]/.test(text.charAt(at + m[1].length))) continue;
    const explicit = /=>|[:=：]/.test(m[2]);
    if (!explicit && m[1] !== '提示' && m[1] !== '说明') continue;
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

function inferCodes(ctx: TextContext, index: MessageIndex, messages: Message[], hits: Hit[]): Hit[] {
  // Lines within INFER_REACH of a found code, as a bitmap: O(1) per question on a 1 MB log.
  const nearFound = new Uint8Array(ctx.lines.count);
  const mark = (line: number) => {
    for (let l = Math.max(0, line - INFER_REACH); l <= Math.min(ctx.lines.count - 1, line + INFER_REACH); l++)
      nearFound[l] = 1;
  };
  for (const h of hits) mark(h.line);
  const near = (line: number) => nearFound[line] === 1;
  const inferred: Hit[] = [];
  const covered = new Set<number>();
  for (const m of messages) {
    covered.add(m.line);
    if (near(m.line) || ctx.isOtherPlatform(m.line)) continue;
    const code = codeFromMessage(index, m.raw);
    if (code)
      inferred.push({ code, offset: m.offset, end: m.offset + m.raw.length, line: m.line, via: 'errmsg' });
  }
  for (const h of inferred) mark(h.line);
  // The whole paste is one short errmsg ("invalid appsecret"): too short for the phrase scan, so only an
  // exact catalog text counts.
  const whole = ctx.text.trim();
  if (hits.length === 0 && inferred.length === 0 && whole.length <= 160 && !whole.includes('\n')) {
    const line = ctx.lines.lineOf(ctx.text.indexOf(whole));
    const code = ctx.isOtherPlatform(line) ? undefined : index.exact.get(normalizeMessage(whole));
    if (code) {
      const offset = ctx.text.indexOf(whole);
      inferred.push({ code, offset, end: offset + whole.length, line, via: 'errmsg' });
      return inferred;
    }
  }
  // Free text: a distinctive catalog phrase on a line with no code or message nearby (OCR lost the number).
  if (ctx.text.length <= 256 * 1024) {
    for (let line = 0; line < ctx.lines.count; line++) {
      if (covered.has(line) || near(line)) continue;
      const lineText = ctx.lines.lineText(line);
      if (lineText.length < 20 || !/[a-z]{4}/.test(lineText) || ctx.isOtherPlatform(line)) continue;
      for (const p of codesFromPhrases(index, lineText)) {
        const offset = ctx.lines.start(line);
        inferred.push({ code: p.code, offset, end: offset + lineText.length, line, via: 'errmsg' });
        mark(line);
      }
    }
  }
  return inferred;
}

interface Rid {
  id: string;
  offset: number;
  line: number;
}

function findRids(text: string, ctx: TextContext): Rid[] {
  const rids: Rid[] = [];
  for (const m of text.matchAll(RID)) {
    const id = (m[1] ?? m[2] ?? m[3]).replace(/\s+/g, '');
    const at = m.index ?? 0;
    rids.push({ id, offset: at, line: ctx.lines.lineOf(at) });
  }
  return rids;
}

/** One FoundCode per distinct code (first occurrence), with the errmsg, rid and IP that go with it. */
function summarise(ctx: TextContext, hits: Hit[], messages: Message[], rids: Rid[]): FoundCode[] {
  const byCode = new Map<string, FoundCode>();
  const explicit = new Set(hits.filter((h) => h.via !== 'errmsg').map((h) => h.code));
  hits.forEach((hit, i) => {
    if (hit.via === 'errmsg' && explicit.has(hit.code)) return;
    const existing = byCode.get(hit.code);
    if (existing) existing.occurrences++;
    // A repeat only fills what the first occurrence lacked (a 1 MB log repeats the same code thousands of times).
    if (existing && existing.errmsg && existing.rid) return;
    const nextOffset = i + 1 < hits.length ? hits[i + 1].offset : Infinity;
    const message =
      hit.via === 'errmsg'
        ? messages.find((m) => m.offset === hit.offset)
        : nearby(messages, hit, nextOffset);
    const rid = nearby(rids, hit, nextOffset);
    const errmsg = message ? cleanErrmsg(message.raw) : undefined;
    const ip = message ? IP.exec(message.raw)?.[1] : IP.exec(ctx.lines.lineText(hit.line))?.[1];
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
    };
    if (errmsg) found.errmsg = errmsg;
    if (rid) found.rid = rid.id;
    if (ip) found.ip = ip;
    byCode.set(hit.code, found);
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

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
