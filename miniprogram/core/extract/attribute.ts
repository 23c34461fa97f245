// Which catalog platform a found code belongs to. A number means different things on different platforms:
// WeCom's 40001 is 不合法的secret参数, a Bluetooth errCode 10001 is the client API's, not the server table's.
// The context (nearby markers, the API named on the line) picks the platform; the catalog says whether that
// platform has the code. Platforms are read by the key of the entry id (`wecom:60020` → wecom), so nothing
// here depends on the display names.
import type { Catalog } from '../catalog';
import type { Entry } from '../types';
import type { PlatformContext } from './context';

/** Platforms whose codes count only in their own context (WeCom, Pay, client APIs) or never (not WeChat). */
export const CONTEXT_ONLY_KEYS = new Set(['wecom', 'payv3', 'payv2', 'wxapi', 'thirdparty']);
export const PAY_KEYS = new Set(['payv3', 'payv2']);

export interface Attribution {
  /** Platform key of the meaning chosen ('mp', 'open', 'wecom', 'payv3', 'wxapi'…; 'unknown' without one). */
  platform: string;
  /** Catalog entry of that meaning, when the catalog has one. */
  entryId?: string;
  /** What decided it: the marker or API name that was near, or "default" for the most common meaning. */
  context: string;
}

export function platformKeyOf(entry: Entry): string {
  const colon = entry.id.indexOf(':');
  return colon === -1 ? entry.id : entry.id.slice(0, colon);
}

/**
 * Pages whose prompts share their numbers with other tables: the OAuth authorize page's 10003 and 10005 are
 * also Bluetooth, audio and subscribe-message errCodes and other services' codes. Such an entry is the code's
 * meaning only where the text names its page near the number.
 */
const PAGE_WORDS = new Map([
  [
    'connect/oauth2/authorize',
    /redirect_uri|oauth|authorize|snsapi_|网页授权|授权回调|回调域名|授权登录|微信登录/i,
  ],
]);

/** The words naming an entry's page when the entry is one page's prompt (every text from that page). */
export function pageWordsOf(entry: Entry): RegExp | undefined {
  const api = entry.texts[0]?.api;
  const words = api === undefined ? undefined : PAGE_WORDS.get(api);
  return words && entry.texts.every((t) => t.api === api) ? words : undefined;
}

/** A meaning a number may have with no context: a WeChat platform's, not a page prompt's. */
function countsWithoutContext(entry: Entry): boolean {
  return !CONTEXT_ONLY_KEYS.has(platformKeyOf(entry)) && pageWordsOf(entry) === undefined;
}

/** The page-prompt meaning of a code whose page the text near it names. */
export function pageEntryNear(catalog: Catalog, code: string, near: string): Entry | undefined {
  const memo = memoOf(catalog);
  let pages = memo.pages.get(code);
  if (pages === undefined) {
    pages = catalog.lookup(code).filter((e) => pageWordsOf(e) !== undefined);
    memo.pages.set(code, pages);
  }
  return pages.find((e) => pageWordsOf(e)?.test(near));
}

/** Scope of a client-API entry: its `scope` field, else the middle of `wxapi:bluetooth:10001`. */
function scopeOf(entry: Entry): string {
  if (entry.scope) return entry.scope;
  const parts = entry.id.split(':');
  return parts.length > 2 ? parts[1] : '';
}

/**
 * What names a client API family on a line. A scope that is an API name (requestPayment) is named by itself;
 * the device families by their API name parts (openBluetoothAdapter, createBLEConnection, startWifi…).
 */
const FAMILY_WORDS: Record<string, RegExp> = {
  bluetooth: /Bluetooth|\w*BLE(?:Connection|Device\w*|Characteristic\w*)|蓝牙/,
  beacon: /Beacon/,
  wifi: /Wifi\w*|WiFi|wifi/,
  nfc: /NFC|Nfc/,
  hce: /HCE/,
  // InnerAudioContext.onError and BackgroundAudioManager share the same errCode table (10001 系统错误…).
  backgroundaudio: /[Bb]ackgroundAudio|InnerAudio|AudioContext|背景音频/,
  requestsubscribemessage: /\brequestSubscribeMessage\b|订阅消息/,
  requestvirtualpayment: /\brequest(?:Virtual|Midas)Payment\b|虚拟支付/,
};

function apiPattern(scope: string): RegExp {
  return FAMILY_WORDS[scope.toLowerCase()] ?? new RegExp(`\\b${scope.replace(/\W/g, '')}\\b`);
}

/**
 * Bluetooth's pattern without its `\w*BLE…` alternative: the same matches in a text that lacks `BLE` (that
 * alternative needs it). Speed: a leading \w* is tried at every word of a text (1–2 % of a stream batch).
 */
const BLUETOOTH_WITHOUT_BLE = /Bluetooth|蓝牙/;

/** A family's pattern to run over `text`: the same matches as `pattern`, narrowed where it can be. */
export function familyPatternIn(pattern: RegExp, text: string): RegExp {
  return pattern === FAMILY_WORDS.bluetooth && !text.includes('BLE') ? BLUETOOTH_WITHOUT_BLE : pattern;
}

export interface PlatformIndex {
  /** Client-API scopes the catalog has, with the API pattern that names each. */
  scopes: { scope: string; pattern: RegExp }[];
  /** Every numeric errCode of a client API: other numbers never need the API patterns tried. */
  apiCodes: Set<string>;
}

const indexes = new WeakMap<Catalog, PlatformIndex>();

export function platformIndex(catalog: Catalog): PlatformIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const scopes = new Map<string, RegExp>();
  const apiCodes = new Set<string>();
  for (const entry of catalog.entries) {
    const key = platformKeyOf(entry);
    if (key === 'wxapi') {
      const scope = scopeOf(entry);
      if (!scope || !/^-?\d+$/.test(entry.code)) continue;
      apiCodes.add(entry.code);
      if (!scopes.has(scope)) scopes.set(scope, apiPattern(scope));
    }
  }
  index = { apiCodes, scopes: [...scopes].map(([scope, pattern]) => ({ scope, pattern })) };
  indexes.set(catalog, index);
  return index;
}

/**
 * Known Pay code entries for a spelling (any case; the catalog's lookup knows every alias): the entry spelled
 * exactly so first, then the API version the text shows (v2 XML or v3 JSON), then v3.
 */
export function payEntries(catalog: Catalog, token: string, version?: string): Entry[] {
  const upper = token.toUpperCase();
  const rank = (e: Entry) =>
    (e.code === upper ? 0 : 4) +
    (platformKeyOf(e) === version ? 0 : 2) +
    (platformKeyOf(e) === 'payv3' ? 0 : 1);
  return catalog
    .lookup(upper)
    .filter((e) => PAY_KEYS.has(platformKeyOf(e)))
    .sort((a, b) => rank(a) - rank(b));
}

/** True when the catalog knows the code on a platform that counts without context. */
export function isDefaultCode(catalog: Catalog, code: string): boolean {
  const memo = memoOf(catalog);
  let known = memo.defaults.get(code);
  if (known === undefined) {
    known = catalog.lookup(code).some(countsWithoutContext);
    memo.defaults.set(code, known);
  }
  return known;
}

/**
 * A big log repeats the same few codes thousands of times: their catalog answers are remembered per catalog
 * (bounded, so that a huge paste of distinct numbers cannot grow it without end).
 */
interface Memo {
  defaults: Map<string, boolean>;
  attributions: Map<string, Attribution | undefined>;
  pages: Map<string, Entry[]>;
}
const memos = new WeakMap<Catalog, Memo>();

function memoOf(catalog: Catalog): Memo {
  let memo = memos.get(catalog);
  if (!memo || memo.attributions.size > 50000 || memo.defaults.size > 50000 || memo.pages.size > 50000) {
    memo = { defaults: new Map(), attributions: new Map(), pages: new Map() };
    memos.set(catalog, memo);
  }
  return memo;
}

/** True when some client API of the catalog has this numeric errCode (one set lookup). */
export function isClientApiCode(catalog: Catalog, code: string): boolean {
  return platformIndex(catalog).apiCodes.has(code);
}

/** The client API named in the text (a line, or the lines around it) whose catalog scope has this errCode. */
export function clientApi(catalog: Catalog, code: string, lineText: string): Attribution | undefined {
  const index = platformIndex(catalog);
  if (!index.apiCodes.has(code)) return undefined;
  for (const { scope, pattern } of index.scopes) {
    const named = pattern.exec(lineText);
    if (!named) continue;
    const entry = catalog.get(`wxapi:${scope}:${code}`);
    if (entry) return { platform: 'wxapi', entryId: entry.id, context: named[0] };
  }
  return undefined;
}

/**
 * The meaning of a numeric code found at a place: a client API named on the line (errCode of that API),
 * then WeCom context, then the most common WeChat meaning. Foreign context gives no attribution.
 */
export function attributeNumber(
  catalog: Catalog,
  code: string,
  context: PlatformContext,
  near: string,
): Attribution | undefined {
  if (context.kind === 'foreign') return undefined;
  // Only a client-API errCode depends on the words near it; other answers depend on the code and context.
  if (platformIndex(catalog).apiCodes.has(code)) {
    const api = clientApi(catalog, code, near);
    if (api) return api;
  }
  const page = pageEntryNear(catalog, code, near);
  if (page) return { platform: platformKeyOf(page), entryId: page.id, context: 'page named' };
  const memo = memoOf(catalog);
  const key = `${code}|${context.kind}|${context.marker}`;
  if (memo.attributions.has(key)) return memo.attributions.get(key);
  const found = attributeByCatalog(catalog, code, context);
  memo.attributions.set(key, found);
  return found;
}

function attributeByCatalog(catalog: Catalog, code: string, context: PlatformContext): Attribution {
  const entries = catalog.lookup(code);
  if (context.kind === 'wecom') {
    const wecom = entries.find((e) => platformKeyOf(e) === 'wecom');
    return { platform: 'wecom', entryId: wecom?.id, context: context.marker };
  }
  const main = entries.find(countsWithoutContext);
  if (main) return { platform: platformKeyOf(main), entryId: main.id, context: context.marker || 'default' };
  // Known only as a Pay or client-API code: a number without its context is not taken as those.
  return { platform: 'unknown', context: context.marker || 'default' };
}
