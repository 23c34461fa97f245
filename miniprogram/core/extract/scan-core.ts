// What every pass of one scan shares (scan.ts holds the passes): the hits so far, the offsets already taken,
// the numbers given to other services, and how a number found at a place is attributed to a platform (the
// context there, a client API the text names, a WeCom-only wording on its line) and recorded.
import type { Catalog } from '../catalog';
import type { Entry } from '../types';
import { attributeNumber, isClientApiCode, platformIndex, type Attribution } from './attribute';
import type { PlatformContext, TextContext } from './context';
import { TextFamilies } from './families';
import type { MessageIndex } from './messages';
import type { Hit, Message } from './summary';
import { WecomWordings } from './zh';

/** A number that looked like a code but belongs to another service (why: the context that decided). */
export interface IgnoredCode {
  code: string;
  line: number;
  start: number;
  end: number;
  /** The marker or shape that made the call: "alipay", "钉钉", "Tencent Cloud SCF body", "app-specific code"… */
  context: string;
}

const WECOM_ID = 'wecom:';
/** ScanCore.takeable, per catalog. */
const TAKEABLE = new WeakMap<Catalog, Set<string>>();

/** One scan of one text: the hits so far, the offsets taken, the numbers given to other services. */
export class ScanCore {
  readonly hits: Hit[] = [];
  readonly taken = new Set<number>();
  readonly ignored = new Map<string, IgnoredCode>();
  protected readonly keyedLines = new Set<number>();
  private families?: TextFamilies;
  /** The WeCom entry of each code asked (no id string built and looked up per number). */
  private readonly wecomEntries = new Map<string, Entry | undefined>();

  constructor(
    protected readonly catalog: Catalog,
    protected readonly index: MessageIndex,
    protected readonly ctx: TextContext,
    protected readonly messages: readonly Message[],
  ) {}

  /** Attribute a number at a place and record it (or record why it is not WeChat's). */
  add(
    code: string,
    offset: number,
    end: number,
    line: number,
    via: Hit['via'],
    forced?: PlatformContext,
    near?: string,
  ): boolean {
    const context = forced ?? this.ctx.contextAt(line, offset);
    const where = this.attribute(code, line, context, near);
    this.taken.add(offset);
    if (!where) {
      this.ignore(code, offset, end, line, context.marker || 'another service');
      return false;
    }
    this.hits.push({ code, offset, end, line, via, ...where });
    return true;
  }

  /** The catalog's WeCom entry of a code, if any. */
  protected wecomEntry(code: string): Entry | undefined {
    if (this.wecomEntries.has(code)) return this.wecomEntries.get(code);
    const entry = this.catalog.get(`${WECOM_ID}${code}`);
    this.wecomEntries.set(code, entry);
    return entry;
  }

  /**
   * Every code the bare pass's tests can take: a bare WeChat code, a page's, a client API's, a WeCom entry's
   * (wecomEntry). A number outside it is none of them: one lookup, no id string per number.
   */
  protected takeable(): Set<string> {
    let codes = TAKEABLE.get(this.catalog);
    if (!codes) {
      codes = new Set([...this.index.bareCodes, ...this.index.pageCodes.keys()]);
      for (const code of platformIndex(this.catalog).apiCodes) codes.add(code);
      for (const e of this.catalog.entries)
        if (e.id.startsWith(WECOM_ID)) codes.add(e.id.slice(WECOM_ID.length));
      TAKEABLE.set(this.catalog, codes);
    }
    return codes;
  }

  /** A WeCom-only code with its WeCom wording on its line ("报错 60020 不安全的访问IP"). */
  protected saysWecom(code: string, line: number): boolean {
    return this.wecomEntry(code) !== undefined && this.wecomWordingOn(code, line) !== undefined;
  }

  /** wecomByWording of a code on a line, remembered: a log repeats the same lines and codes. */
  protected wecomWordingOn(code: string, line: number): Entry | undefined {
    return WecomWordings.of(this.catalog, this.ctx).on(code, this.ctx.lines.lineText(line));
  }

  protected attribute(
    code: string,
    line: number,
    context: PlatformContext,
    near = this.ctx.lines.lineText(line),
  ): Attribution | undefined {
    const where = attributeNumber(this.catalog, code, context, near);
    if (!where || context.kind !== 'wechat' || where.platform === 'wxapi') return where;
    const named = this.namedFamily(code, line, context);
    if (named) return named;
    const wecom = this.wecomWordingOn(code, line);
    return wecom ? { platform: 'wecom', entryId: wecom.id, context: 'WeCom wording' } : where;
  }

  /** The errCode meaning of a client API the text names away from the number (see families.ts). */
  protected namedFamily(code: string, line: number, context: PlatformContext): Attribution | undefined {
    // -1…-5, 1000, 1001: every SDK's small codes; only a 5-digit errCode is told by the family named.
    if (context.kind !== 'wechat' || code.replace('-', '').length < 5) return undefined;
    if (!isClientApiCode(this.catalog, code)) return undefined;
    return (this.families ??= new TextFamilies(this.catalog, this.ctx.text, this.ctx.lines)).at(code, line);
  }

  protected ignore(code: string, offset: number, end: number, line: number, context: string): void {
    if (!this.ignored.has(code))
      this.ignored.set(code, { code, line: line + 1, start: offset, end, context });
  }

  protected linesBetween(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.ctx.lines.count - 1, to);
    return this.ctx.text.slice(this.ctx.lines.start(a), this.ctx.lines.end(b));
  }

  protected linesAround(line: number, reach: number): string {
    const from = Math.max(0, line - reach);
    const to = Math.min(this.ctx.lines.count - 1, line + reach);
    return this.ctx.text.slice(this.ctx.lines.start(from), this.ctx.lines.end(to));
  }
}
