import type { Platform } from './types';

export interface PlatformInfo {
  name: Platform;
  /** Short ASCII key used in ids, URLs and CLI flags. */
  key: string;
  en: string;
  /** True for WeChat products; false for the unrelated platform of seed 003. */
  wechat: boolean;
}

/** Ordered from the platform a developer most often means to the least: lookups list meanings in this order. */
export const PLATFORMS: readonly PlatformInfo[] = [
  { name: '开放平台通用', key: 'open', en: 'WeChat Open Platform (common)', wechat: true },
  { name: '公众号', key: 'mp', en: 'Official Account', wechat: true },
  { name: '小程序客户端 errno', key: 'errno', en: 'Mini-program client errno', wechat: true },
  { name: '云开发', key: 'cloudbase', en: 'WeChat Cloud Development', wechat: true },
  {
    name: '第三方平台代小程序',
    key: 'component',
    en: 'Third-party platform (mini-program management)',
    wechat: true,
  },
  { name: '微信小店', key: 'shop', en: 'WeChat Shop', wechat: true },
  { name: '视频号', key: 'channels', en: 'Channels', wechat: true },
  { name: '云托管', key: 'cloudrun', en: 'WeChat Cloud Run', wechat: true },
  { name: '微信网关', key: 'gateway', en: 'WeChat Gateway', wechat: true },
  { name: '商业能力', key: 'business', en: 'Business capabilities', wechat: true },
  { name: '腾讯小微', key: 'xiaowei', en: 'Tencent Xiaowei', wechat: true },
  { name: '企业微信', key: 'wecom', en: 'WeCom (WeChat Work)', wechat: true },
  { name: '微信支付 APIv3', key: 'payv3', en: 'WeChat Pay APIv3', wechat: true },
  { name: '微信支付 APIv2', key: 'payv2', en: 'WeChat Pay APIv2', wechat: true },
  {
    name: '小程序客户端 API',
    key: 'wxapi',
    en: 'Mini-program client API (wx.* errMsg and errCode)',
    wechat: true,
  },
  {
    name: '第三方账号平台（非微信）',
    key: 'thirdparty',
    en: 'Third-party account platform (not WeChat)',
    wechat: false,
  },
];

/**
 * Names people read, one table so that a header and a cell never disagree: `short` in cells, tags and tabs,
 * `long` in headers. The catalog name (`name`) stays the identity. A platform without a row here shows its
 * catalog name in both places.
 */
const DISPLAY_NAMES: Readonly<Record<string, { short: string; long: string }>> = {
  open: { short: '通用', long: '通用（微信开放平台）' },
  mp: { short: '公众号', long: '公众号' },
  errno: { short: '客户端 errno', long: '小程序客户端 errno' },
  cloudbase: { short: '云开发', long: '云开发' },
  component: { short: '第三方平台', long: '第三方平台（代小程序）' },
  shop: { short: '小店', long: '微信小店' },
  channels: { short: '视频号', long: '视频号' },
  cloudrun: { short: '云托管', long: '云托管' },
  gateway: { short: '网关', long: '微信网关' },
  business: { short: '商业能力', long: '商业能力' },
  xiaowei: { short: '小微', long: '腾讯小微' },
  wecom: { short: '企业微信', long: '企业微信' },
  payv3: { short: '微信支付 v3', long: '微信支付 APIv3' },
  payv2: { short: '微信支付 v2', long: '微信支付 APIv2' },
  wxapi: { short: '客户端 API', long: '小程序客户端 API' },
  thirdparty: { short: '非微信', long: '第三方账号平台（非微信）' },
};

/** Short and long display names of a platform (see DISPLAY_NAMES). */
export function platformNames(name: Platform): { short: string; long: string } {
  return DISPLAY_NAMES[platformInfo(name).key] ?? { short: name, long: name };
}

export function platformShort(name: Platform): string {
  return platformNames(name).short;
}

export function platformLong(name: Platform): string {
  return platformNames(name).long;
}

const BY_NAME = new Map<string, PlatformInfo>(PLATFORMS.map((p) => [p.name, p]));
const BY_KEY = new Map<string, PlatformInfo>(PLATFORMS.map((p) => [p.key, p]));

export function platformInfo(name: Platform): PlatformInfo {
  const info = BY_NAME.get(name);
  if (!info) throw new Error(`unknown platform: ${name}`);
  return info;
}

export function platformByKey(key: string): PlatformInfo | undefined {
  return BY_KEY.get(key);
}

/**
 * Platforms whose codes came in with issue 9 and reuse numbers of the older WeChat platforms with other
 * meanings (WeCom 40001 is a bad secret): advice keyed by a bare code never reaches them.
 */
export const SEPARATE_NUMBERING: ReadonlySet<Platform> = new Set<Platform>([
  '企业微信',
  '微信支付 APIv3',
  '微信支付 APIv2',
  '小程序客户端 API',
]);

/** WeChat Pay platforms: string codes spelled several ways, looked up by any spelling, case-insensitive. */
export const PAY_PLATFORMS: ReadonlySet<Platform> = new Set<Platform>(['微信支付 APIv3', '微信支付 APIv2']);

/**
 * Id of an entry: `platformKey:code`. 小程序客户端 API errCodes clash across APIs, so they carry their scope:
 * `wxapi:bluetooth:10001`; an errMsg names its API itself: `wxapi:requestPayment:fail cancel`.
 */
export function entryId(platform: Platform, code: string, scope?: string): string {
  const key = platformInfo(platform).key;
  return scope && /^-?\d+$/.test(code) ? `${key}:${scope}:${code}` : `${key}:${code}`;
}

/** Rank of a platform in PLATFORMS (lower = more common). */
export function platformRank(name: Platform): number {
  return PLATFORMS.findIndex((p) => p.name === name);
}
