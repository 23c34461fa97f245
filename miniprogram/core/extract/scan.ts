// The passes of one scan of one text (extractCodes in ../extract.ts runs them in order); what they share, the
// hits so far and how a number is attributed and recorded, is scan-core.ts. The rules each pass applies are
// listed in the header of ../extract.ts.
import { attributeNumber, clientApi, isClientApiCode, isDefaultCode, pageEntryNear } from './attribute';
import type { PlatformContext } from './context';
import { describedAsOther, otherErrmsg } from './foreign';
import { describes } from './infer';
import { lineMentionsMessageOf, normalizeMessage } from './messages';
import { bareCandidatesByLine, keyedCandidates, type Candidate } from './numbers';
import { payHits } from './pay';
import { blockHeads, runsVouched, wechatHeads } from './blocks';
import { blockVouches, declaredCodes, nameVerdict, type DeclaredCode } from './declared';
import { devtoolCodes, listings } from './shapes';
import type { TableCode } from './table';
import { hasWecomWording, wecomWordingLines } from './wecom-wording';
import { ScanCore } from './scan-core';

/** WeChat's own words for -1 (系统繁忙，此时请开发者稍候再试 / system error). */
const MINUS_ONE_TEXT = /系统(?:繁忙|错误)|system (?:error|busy)|busy system/i;

/** Tencent Cloud SCF's body: {"errorCode":-1,"errorMessage":"user code exception caught","statusCode":430}. */
const SCF_BODY = /errorMessage["']?\s*:|"?statusCode"?\s*:\s*4[34]\d\b/;
/** Messages of an app's own auth layer, never a WeChat errmsg. */
const APP_MESSAGE =
  /^(?:unauthori[sz]ed|forbidden|not found|bad request|internal server error|token (?:expired|invalid)|invalid token|success|ok)\b/i;

export type { IgnoredCode } from './scan-core';

/** The passes of one scan of one text. */
export class Scan extends ScanCore {
  private wecomLines?: Map<number, Set<string>>;

  keyed(): void {
    for (const c of keyedCandidates(this.ctx.text)) {
      // "errCode 501007": the minus of a cloud code dropped when retyped.
      if (
        /^\d{6}$/.test(c.code) &&
        !this.catalog.lookup(c.code).length &&
        isDefaultCode(this.catalog, `-${c.code}`)
      )
        c.code = `-${c.code}`;
      const line = this.ctx.lines.lineOf(c.offset);
      const context =
        this.wecomHeader(c, line) ?? this.wecomWording(c, line, this.ctx.contextAt(line, c.offset));
      // Not masked: a keyed value inside a URL (…?errcode=40029) is still that error.
      if (!this.acceptKeyed(c, context)) continue;
      const foreign = this.foreignShape(c, line);
      if (foreign) {
        this.taken.add(c.offset);
        this.ignore(c.code, c.offset, c.end, line, foreign);
        continue;
      }
      if (this.add(c.code, c.offset, c.end, line, 'key', context)) this.keyedLines.add(line);
    }
    this.dropEchoesOfForeign();
  }

  /**
   * The same code keyed again within 3 lines of one whose errmsg showed it another service's (a title that
   * quotes the body: 一直提示 errcode":40089,"errmsg) is that service's too.
   */
  private dropEchoesOfForeign(): void {
    const foreign = [...this.ignored.values()].filter((i) => i.context === 'errmsg of another service');
    if (!foreign.length) return;
    for (let i = this.hits.length - 1; i >= 0; i--) {
      const h = this.hits[i];
      if (h.via !== 'key' || !foreign.some((f) => f.code === h.code && Math.abs(f.line - 1 - h.line) <= 3))
        continue;
      this.hits.splice(i, 1);
    }
  }

  /** WeCom answers carry their code in an `Error-Code: 60111` response header (with `Error-Msg:`). */
  private wecomHeader(c: Candidate, line: number): PlatformContext | undefined {
    if (c.key !== 'Error-Code' || !/^\s*Error-Code:/.test(this.ctx.lines.lineText(line))) return undefined;
    if (this.wecomEntry(c.code) === undefined) return undefined;
    return { kind: 'wecom', marker: 'Error-Code header' };
  }

  /**
   * A code whose errmsg on its line is a wording only WeCom's entry of that code has ({"errcode":40013,
   * "errmsg":"invalid corpid"}): WeCom's, even with no WeCom marker near. A foreign marker still wins.
   */
  private wecomWording(c: Candidate, line: number, context: PlatformContext): PlatformContext {
    const id = `wecom:${c.code}`;
    if (context.kind !== 'wechat' || !hasWecomWording(this.catalog, id)) return context;
    // The lines whose errmsg is a WeCom-only wording, worked out once, when a code first needs them.
    this.wecomLines ??= wecomWordingLines(this.catalog, this.messages);
    return this.wecomLines.get(line)?.has(id) ? { kind: 'wecom', marker: 'WeCom errmsg' } : context;
  }

  private acceptKeyed(c: Candidate, context: PlatformContext): boolean {
    const digits = c.code.replace('-', '').length;
    const known =
      isDefaultCode(this.catalog, c.code) ||
      (this.index.pageCodes.has(c.code) &&
        pageEntryNear(this.catalog, c.code, this.linesAround(this.ctx.lines.lineOf(c.offset), 1)) !==
          undefined) ||
      (context.kind === 'wecom' && this.wecomEntry(c.code) !== undefined) ||
      (context.kind === 'wechat' && this.saysWecom(c.code, this.ctx.lines.lineOf(c.offset)));
    if (c.code.startsWith('-') && !known && digits < 6) return false;
    // A short number the catalog does not know, under a key that is not WeChat's own, is another layer's even
    // near WeChat words: an HTTP status (错误码：404), an app's own table (errorCode: 113), a share SDK's 2004.
    // (Another service's marker still takes it, to say whose it is.)
    if (
      !known &&
      digits < 5 &&
      context.kind !== 'foreign' &&
      !/^err_?code$/i.test(c.key ?? '') &&
      !isClientApiCode(this.catalog, c.code)
    )
      return false;
    if (!c.strong) return digits >= 5 && known;
    // A strong key is enough near WeChat text. Without any marker, the number must be a WeChat code the
    // catalog knows, and a short one needs a client failure beside it (errCode 1000 of some SDK is not
    // WeChat's; "errcode":-1 still is).
    if (context.marker !== '') return true;
    // -1 is everyone's generic failure: unmarked, only WeChat's own key or its own text beside it makes it
    // WeChat's busy code ("errcode":-1, "系统错误，错误码：-1"), not an IPTV player's "错误代码-1".
    if (c.code === '-1')
      return (
        /^err_?code$/i.test(c.key ?? '') ||
        MINUS_ONE_TEXT.test(this.ctx.lines.lineText(this.ctx.lines.lineOf(c.offset)))
      );
    // WeChat's own key (errcode, err_code) keeps a number the catalog lacks, so that its family is shown;
    // a generic one (error code, 错误码, errorCode) does not: "Error code 17001 (User not found)".
    if (!known) return /^err_?code$/i.test(c.key ?? '') && digits >= 5;
    return (
      digits >= 5 || /:fail|errMsg|errno/i.test(this.ctx.lines.lineText(this.ctx.lines.lineOf(c.offset)))
    );
  }

  /** An SCF body, or an app's own `code` with its own message: the number is that service's. */
  private foreignShape(c: Candidate, line: number): string | undefined {
    const around = this.linesAround(line, 3);
    if (c.key === 'errorCode' && SCF_BODY.test(around)) return 'Tencent Cloud SCF body';
    // Python's OSError ("[Errno 10061] [WinError 10061] 由于目标计算机积极拒绝", "[Errno 111] Connection refused"):
    // the operating system's socket errno, wherever the request was going.
    if (
      /^errno$/i.test(c.key ?? '') &&
      this.ctx.text.charAt(c.end) === ']' &&
      /\[\s*Errno\s*$/i.test(this.ctx.text.slice(Math.max(0, c.offset - 10), c.offset))
    )
      return 'operating system errno';
    if (this.ctx.contextAt(line).marker) return undefined;
    if (c.strong)
      return otherErrmsg(this.catalog, this.index, this.ctx, c, line)
        ? 'errmsg of another service'
        : undefined;
    // A weak key's own message beside it ({"msg":"App Error!","code":40008}, { description: '不合法的
    // mediaType', code: 40005 }) that is not the code's text says whose code it is: the app's.
    const message = /["']?(?:message|msg|description)["']?\s*[:=]\s*["']([^"'\n]{1,80})/.exec(
      this.ctx.lines.lineText(line),
    );
    if (!message) return undefined;
    const norm = normalizeMessage(message[1]);
    const own = this.index.textsByCode.get(c.code)?.some((t) => norm.includes(t) || t.includes(norm));
    if (own) return undefined;
    const words = /[A-Za-z]{2,}|[\u4e00-\u9fff]{2}/.test(message[1]);
    return APP_MESSAGE.test(message[1].trim()) ||
      (words && !describes(this.catalog, this.index, c.code, message[1]))
      ? 'app-specific code'
      : undefined;
  }

  /** WeCom help URLs and enum/constant declarations. */
  shapes(): void {
    const keyedHere = new Set(this.hits.map((x) => `${x.line}|${x.code}`));
    for (const h of devtoolCodes(this.ctx.text)) {
      const line = this.ctx.lines.lineOf(h.offset);
      // The errcode of the same line already said it; the URL only decides the platform (see context.ts).
      if (keyedHere.has(`${line}|${h.code}`)) continue;
      this.add(h.code, h.offset, h.end, line, 'key', {
        kind: 'wecom',
        marker: 'open.work.weixin.qq.com/devtool',
      });
    }
    // Declarations a few lines apart form one block (an enum, a constants class), judged together.
    const doubtful: { d: DeclaredCode; context: PlatformContext }[] = [];
    const sure = new Map<number, number>();
    const known = new Map<number, number>();
    for (const d of declaredCodes(this.ctx.text, this.ctx.lines)) {
      if (this.taken.has(d.offset) || d.code === '0') continue;
      const context = this.ctx.contextAt(d.line, d.offset);
      const isKnown =
        isDefaultCode(this.catalog, d.code) ||
        (context.kind === 'wecom' && this.wecomEntry(d.code) !== undefined);
      if (!isKnown) continue;
      known.set(d.block, (known.get(d.block) ?? 0) + 1);
      const verdict = nameVerdict(d, this.index.textsByCode.get(d.code) ?? [], context.marker !== '');
      if (verdict === 'sure') {
        if (this.add(d.code, d.offset, d.end, d.line, 'key', context))
          sure.set(d.block, (sure.get(d.block) ?? 0) + 1);
      } else if (verdict === 'doubtful') doubtful.push({ d, context });
    }
    for (const { d, context } of doubtful)
      if (blockVouches(sure.get(d.block) ?? 0, known.get(d.block) ?? 0) && context.kind !== 'foreign')
        this.add(d.code, d.offset, d.end, d.line, 'key', context);
  }

  /**
   * Rows of tables with a code column. A table with descriptions is WeChat's only when they are the codes'
   * catalog texts (half of its rows at least): ToughRADIUS's "90001 | message sign error" is not 90001.
   */
  tables(rows: TableCode[]): void {
    const byTable = new Map<number, TableCode[]>();
    for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
    for (const list of byTable.values()) {
      // The whole table and the lines above it name the API its codes belong to (a Bluetooth errCode table).
      const first = list[0].line;
      const block = this.linesBetween(first - 3, list[list.length - 1].line);
      const context = this.ctx.contextAt(first);
      const where = list.map((r) => {
        const found = attributeNumber(this.catalog, r.code, context, block);
        if (!found || found.platform === 'wxapi') return found;
        return this.namedFamily(r.code, r.line, context) ?? found;
      });
      // Words, not identifiers: "没有找到指定设备", "invalid credential"; not "jscode2session 1532".
      const isDescription = (d: string) => /[\u4e00-\u9fff]{2}|[A-Za-z]{2,} [A-Za-z]{2,}/.test(d);
      const described = list.filter((r) => isDescription(r.description));
      const matching = described.filter((r) =>
        describes(this.catalog, this.index, r.code, r.description, where[list.indexOf(r)]?.entryId),
      );
      const wechat =
        described.length === 0 ||
        matching.length * 2 >= described.length ||
        (context.marker !== '' && matching.length > 0);
      list.forEach((r, i) => {
        const end = r.offset + r.code.length;
        if (this.taken.has(r.offset)) return;
        const attribution = where[i];
        this.taken.add(r.offset);
        if (wechat && attribution)
          this.hits.push({ code: r.code, offset: r.offset, end, line: r.line, via: 'table', ...attribution });
        else this.ignore(r.code, r.offset, end, r.line, context.marker || 'table of another service');
      });
    }
  }

  /** Codes heading blocks of source: `case -401001:`, `"1500101": {` (see extract/blocks.ts). */
  blocks(): void {
    const heads = blockHeads(this.ctx.text, this.ctx.lines).filter((h) => !this.taken.has(h.offset));
    const known = (h: { code: string; line: number }) =>
      h.code !== '0' && (isDefaultCode(this.catalog, h.code) || this.ctx.contextAt(h.line).kind === 'wecom');
    const described = (h: { code: string; texts: string[] }) =>
      h.texts.some((t) => describes(this.catalog, this.index, h.code, t));
    const errcodeNear = (h: { line: number }) =>
      this.ctx.contextAt(h.line).marker !== '' || /err_?code|errno/i.test(this.linesAround(h.line, 3));
    for (const h of wechatHeads(heads, known, described, errcodeNear))
      this.add(h.code, h.offset, h.end, h.line, 'table');
  }

  /**
   * Listing lines ("40125 | 无效的appsecret", "// 40003\t…"): kept when the description is the code's catalog
   * text (or close to it), or in runs of two or more near WeChat text.
   */
  listings(): void {
    const known = listings(this.ctx.lines).filter(
      (h) => !this.taken.has(h.offset) && (this.index.bareCodes.has(h.code) || h.code === '-1'),
    );
    const lineOf = (h: { offset: number }) => this.ctx.lines.lineOf(h.offset);
    const rows = known.map((h) => {
      const line = lineOf(h);
      const description = this.ctx.text.slice(h.end, this.ctx.lines.end(line));
      return { h, line, own: describes(this.catalog, this.index, h.code, description) };
    });
    const vouched = runsVouched(
      rows.map((r) => r.line),
      rows.map((r) => r.own),
    );
    rows.forEach((r, i) => {
      const inRun =
        (i > 0 && r.line - rows[i - 1].line <= 1) || (i + 1 < rows.length && rows[i + 1].line - r.line <= 1);
      const marked = this.ctx.contextAt(r.line, r.h.offset).marker !== '';
      if (r.own || (inRun && marked) || vouched[i]) this.add(r.h.code, r.h.offset, r.h.end, r.line, 'table');
    });
  }

  bare(tableRows: Set<number>): void {
    const { ctx, index } = this;
    const wecomCode = (code: string, line: number) =>
      this.wecomEntry(code) !== undefined && ctx.contextAt(line).kind === 'wecom';
    // A client API's errCode in prose needs the API family named on its line or the two around it ("蓝牙读写
    // 失败" above "经常性的10008的错误"): then it is that API's, as in a table under the API's name.
    // Another framework's namespace (uni.createBLEConnection in a native app) with no WeChat marker near says
    // nothing of WeChat: its 10012 is that runtime's.
    const apiNear = (code: string, line: number) => {
      if (!isClientApiCode(this.catalog, code)) return false;
      const around = this.linesAround(line, 2);
      if (/\b(?:uni|my|tt|swan|qq|jd|ks)\.[a-z]\w*\(?/.test(around) && ctx.contextAt(line).marker === '')
        return false;
      return (
        clientApi(this.catalog, code, around) !== undefined ||
        this.namedFamily(code, line, ctx.contextAt(line)) !== undefined
      );
    };
    // A client errCode of a family the text names, with that errCode's own text after it on its line
    // ("- **13000** 当前设备不支持NFC", `12000:"未先调用 startWifi 接口"`): a listing of the API's codes.
    const ownClientText = (c: Candidate, line: number) => {
      const family = this.namedFamily(c.code, line, ctx.contextAt(line));
      if (!family) return false;
      const after = ctx.text.slice(c.end, ctx.lines.end(line)).replace(/^[\s*:："'|,，-]+/, '');
      return describes(this.catalog, this.index, c.code, after, family.entryId);
    };
    const pageNear = (code: string, line: number) =>
      !index.bareCodes.has(code) && index.pageCodes.get(code)?.test(this.linesAround(line, 1)) === true;
    const takeable = this.takeable();
    const mayBeCode = (code: string, line: number) =>
      !tableRows.has(line) &&
      takeable.has(code) &&
      (index.bareCodes.has(code) ||
        wecomCode(code, line) ||
        apiNear(code, line) ||
        pageNear(code, line) ||
        this.saysWecom(code, line));
    for (const [line, candidates] of bareCandidatesByLine(
      ctx.text,
      ctx.lines,
      this.taken,
      mayBeCode,
      ctx.repeats(),
    )) {
      const lineText = ctx.lines.lineText(line);
      const start = ctx.lines.start(line);
      let normLine: string | undefined;
      const norm = () => (normLine ??= lineText.toLowerCase().replace(/[^a-z0-9_\u4e00-\u9fff]+/g, ' '));
      const trigger = ctx.hasTrigger(line);
      for (const c of candidates) {
        // "collection.update:fail -502005 …": a cloud API's failure names its code right after ":fail".
        const afterFail = /:fail\s+$/.test(
          lineText.slice(Math.max(0, c.offset - start - 8), c.offset - start),
        );
        // The code's own errmsg beside it confirms a bare number; only worked out when the line needs it.
        if (
          !afterFail &&
          (!trigger || c.confirm || this.keyedLines.has(line)) &&
          !lineMentionsMessageOf(index, c.code, norm()) &&
          !ownClientText(c, line)
        )
          continue;
        // After the tests above (they only read the line): most numbers stop there.
        if (ctx.isMasked(c.offset)) continue;
        if (ctx.isForeignError(line)) continue;
        if (describedAsOther(this.catalog, this.index, this.ctx, c, line)) continue;
        const near = index.bareCodes.has(c.code) ? undefined : this.linesAround(line, 2);
        this.add(c.code, c.offset, c.end, line, 'context', undefined, near);
      }
    }
    this.shortCodes();
  }

  /** A short code followed by its own text: "都是 -1  system error". */
  private shortCodes(): void {
    const { text, lines } = this.ctx;
    if (!text.includes('-1')) return;
    for (const m of text.matchAll(/(?:^|[ \t，,：:(（])(-1)[ \t]+([A-Za-z][A-Za-z ]{3,40})/gm)) {
      const offset = (m.index ?? 0) + m[0].indexOf(m[1]);
      if (this.taken.has(offset)) continue;
      const following = normalizeMessage(m[2]);
      const texts = this.index.textsByCode.get(m[1]) ?? [];
      if (!texts.some((t) => following.startsWith(t))) continue;
      this.add(m[1], offset, offset + m[1].length, lines.lineOf(offset), 'context');
    }
    // "微信会先报-1错误": -1 named as the error a WeChat API answered, in Chinese prose near a WeChat marker.
    for (const m of text.matchAll(/(?:报|返回|提示)[ \t]*(-1)[ \t]*的?(?:错误|错|异常)/g)) {
      const offset = (m.index ?? 0) + m[0].indexOf(m[1]);
      const line = lines.lineOf(offset);
      if (this.taken.has(offset) || this.ctx.contextAt(line, offset).kind !== 'wechat') continue;
      if (this.ctx.contextAt(line, offset).marker === '') continue;
      this.add(m[1], offset, offset + m[1].length, line, 'context');
    }
  }

  /** Pay string codes (see extract/pay.ts). */
  pay(): void {
    this.hits.push(...payHits(this.catalog, this.index, this.ctx));
  }
}
