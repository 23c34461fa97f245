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
const PAY_KEYS = new Set(['payv3', 'payv2']);

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

/** Scope of a client-API entry: `wxapi:bluetooth:10001` → bluetooth (or the entry's own `scope` field). */
function scopeOf(entry: Entry): string {
  const own = (entry as Entry & { scope?: string }).scope;
  if (own) return own.toLowerCase();
  const parts = entry.id.split(':');
  return parts.length > 2 ? parts[1].toLowerCase() : '';
}

/**
 * Client APIs whose errCode has its own table, and what names them on a line. The scope words are matched
 * against the catalog's scopes by inclusion, so `bluetooth`, `ble` or `requestSubscribeMessage` all work.
 */
const CLIENT_APIS: { words: string[]; pattern: RegExp }[] = [
  {
    words: ['bluetooth', 'ble'],
    pattern:
      /\b(?:open|close|get)BluetoothAdapter(?:State)?\b|\b\w*BLE(?:Connection|Device\w*|Characteristic\w*)\b|\b\w*BluetoothDevice\w*\b|蓝牙/,
  },
  { words: ['subscribe'], pattern: /\brequestSubscribeMessage\b|订阅消息/ },
  { words: ['payment', 'pay'], pattern: /\brequestPayment\b/ },
  { words: ['login'], pattern: /\bwx\.login\b|\blogin:fail\b/ },
];

interface PlatformIndex {
  /** Known Pay codes by every spelling (upper case) → their entries. */
  pay: Map<string, Entry[]>;
  /** Client-API scopes the catalog has, with the API pattern that names each. */
  scopes: { scope: string; pattern: RegExp }[];
}

const indexes = new WeakMap<Catalog, PlatformIndex>();

function platformIndex(catalog: Catalog): PlatformIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const pay = new Map<string, Entry[]>();
  const scopes = new Map<string, RegExp>();
  for (const entry of catalog.entries) {
    const key = platformKeyOf(entry);
    if (PAY_KEYS.has(key)) {
      const aliases = (entry as Entry & { aliases?: string[] }).aliases ?? [];
      for (const spelling of [entry.code, ...aliases]) {
        const upper = spelling.toUpperCase();
        if (!/^[A-Z][A-Z0-9_]{2,}$/.test(upper)) continue;
        const list = pay.get(upper) ?? [];
        if (!list.includes(entry)) list.push(entry);
        pay.set(upper, list);
      }
    } else if (key === 'wxapi') {
      const scope = scopeOf(entry);
      const api = CLIENT_APIS.find((a) => a.words.some((w) => scope.includes(w)));
      if (scope && api) scopes.set(scope, api.pattern);
    }
  }
  index = { pay, scopes: [...scopes].map(([scope, pattern]) => ({ scope, pattern })) };
  indexes.set(catalog, index);
  return index;
}

/** Known Pay code entries for a spelling (any case), v3 first; empty when the catalog has none. */
export function payEntries(catalog: Catalog, token: string): Entry[] {
  const list = platformIndex(catalog).pay.get(token.toUpperCase()) ?? [];
  return list
    .slice()
    .sort((a, b) => Number(platformKeyOf(a) !== 'payv3') - Number(platformKeyOf(b) !== 'payv3'));
}

/** True when the catalog knows the code on a platform that counts without context. */
export function isDefaultCode(catalog: Catalog, code: string): boolean {
  return catalog.lookup(code).some((e) => !CONTEXT_ONLY_KEYS.has(platformKeyOf(e)));
}

/** The client API named on the line whose catalog scope has this errCode, if any. */
function clientApi(catalog: Catalog, code: string, lineText: string): Attribution | undefined {
  for (const { scope, pattern } of platformIndex(catalog).scopes) {
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
  const api = clientApi(catalog, code, near);
  if (api) return api;
  const entries = catalog.lookup(code);
  if (context.kind === 'wecom') {
    const wecom = entries.find((e) => platformKeyOf(e) === 'wecom');
    return { platform: 'wecom', entryId: wecom?.id, context: context.marker };
  }
  const main = entries.find((e) => !CONTEXT_ONLY_KEYS.has(platformKeyOf(e)));
  if (main) return { platform: platformKeyOf(main), entryId: main.id, context: context.marker || 'default' };
  // Known only as a Pay or client-API code: a number without its context is not taken as those.
  return { platform: 'unknown', context: context.marker || 'default' };
}
