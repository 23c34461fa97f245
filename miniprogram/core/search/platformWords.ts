// Platform words in a query ("小店账号被限制了", "cloud function timeout"). Pure TypeScript, no lookbehind.
// Entries never name their own platform, so these words say which platform the user means, not what the
// error says: search.ts boosts that platform's entries softly and counts the words as found in them. A word
// may name several platforms ("微信支付": APIv3 and APIv2); "wx.getLocation" and other wx.* API names (but
// wx.request, whose errors are the errno table) name the client API tables.
import { PLATFORMS } from '../platforms';
import type { Platform } from '../types';

/** Names both WeChat Pay versions share: the SDK packages and the product. */
const PAY_NAMES = [
  'com.github.binarywang.wxpay',
  'senparc.weixin.tenpay',
  '微信支付',
  '支付',
  'wechatpay',
  'wechat pay',
  'pay',
];
/** The merchant account, in both versions' words. */
const PAY_MERCHANT = ['商户号', '商户平台', 'mch_id', 'mchid'];

/**
 * Everyday names of each platform (by PLATFORMS key), besides its catalog name. Lower case, folded. An
 * Official Account's and a mini-program's servers call the common server API, so their names name the common
 * table too (公众号 → 40164, 小程序 code2session → 40029).
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  open: ['开放平台通用', '公众号', '服务号', '订阅号', 'official account', '小程序'],
  // SDK packages in pasted stack traces name their platform too (WxJava's me.chanjar.weixin.mp, …).
  mp: ['公众号', '服务号', '订阅号', 'official account', 'mp', 'me.chanjar.weixin.mp'],
  errno: ['小程序客户端', '小程序', 'wx.request', '客户端', 'errno'],
  cloudbase: ['云开发', '云函数', '云数据库', 'cloudbase', 'cloud', 'wx.cloud'],
  component: ['第三方平台代小程序', '第三方平台', '代小程序', 'component'],
  shop: ['微信小店', '小店', 'shop'],
  channels: ['视频号', 'channels'],
  cloudrun: ['云托管', 'cloudrun'],
  gateway: ['微信网关', '网关', 'gateway'],
  business: ['商业能力'],
  xiaowei: ['腾讯小微', '小微', 'xiaowei'],
  // Its credentials and old name say WeCom too: corpid/corpsecret, 企业号 (WeCom before 2016), agentid; so do
  // its own features (外部联系人 / 客户联系, 通讯录 and its 部门: contacts of a company, 会话存档: chat archive)
  // and WxJava's WeCom module.
  wecom: [
    '外部联系人',
    '会话内容存档',
    '会话存档',
    '部门',
    '客户联系',
    'externalcontact',
    'external_userid',
    '通讯录',
    'weixin-java-cp',
    'me.chanjar.weixin.cp',
    'wechatpy.enterprise',
    'senparc.weixin.work',
    '企业微信',
    '企微',
    '企业号',
    'wecom',
    'work weixin',
    'wechat work',
    'wechatwork',
    'wxwork',
    'qyapi',
    'corpid',
    'corpsecret',
    'agentid',
  ],
  // The merchant account (商户号, mch_id) and APIv2's return_code/return_msg fields say WeChat Pay.
  payv3: [...PAY_NAMES, 'apiv3', '退款', '下单', ...PAY_MERCHANT],
  payv2: [
    ...PAY_NAMES,
    'apiv2',
    '退款',
    '下单',
    'unifiedorder',
    '统一下单',
    ...PAY_MERCHANT,
    'return_code',
    'return_msg',
  ],
  wxapi: ['客户端 api', '小程序 api', 'wx api'],
  thirdparty: ['第三方账号平台', '非微信', 'non-wechat', 'thirdparty'],
};
/** A wx.* API name ("wx.getlocation", folded): names the client API tables. wx.request is an errno alias. */
const WX_API = /\bwx\.(?!cloud\b)[a-z][a-z0-9]*/g;
const WX_API_PLATFORM: Platform = '小程序客户端 API';

export interface PlatformWord {
  /** The word as it stands in the query. */
  word: string;
  platform: Platform;
}

export interface PlatformWords {
  /** The query text with the platform words blanked out (same length). */
  text: string;
  words: PlatformWord[];
}

interface Alias {
  word: string;
  platforms: Platform[];
  han: boolean;
}

/** Every alias with the platforms it names, longest first, so "第三方平台代小程序" wins over "第三方平台". */
const ALL: readonly Alias[] = ((): Alias[] => {
  const byWord = new Map<string, Alias>();
  for (const p of PLATFORMS)
    for (const word of [p.name.toLowerCase(), ...(ALIASES[p.key] ?? [])]) {
      const known = byWord.get(word);
      if (known) {
        if (!known.platforms.includes(p.name)) known.platforms.push(p.name);
      } else byWord.set(word, { word, platforms: [p.name], han: !/^[a-z0-9. ]+$/.test(word) });
    }
  return [...byWord.values()].sort((a, b) => b.word.length - a.word.length);
})();

/** An ASCII word character: an English alias must not stand inside a longer word ("mp" in "temp"). */
function wordChar(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9_]/.test(c);
}

/**
 * The platform words of a folded query text, longest first, each blanked out of the text once found; a word
 * naming several platforms comes once per platform.
 */
export function findPlatformWords(text: string): PlatformWords {
  const words: PlatformWord[] = [];
  let out = text;
  for (const alias of ALL) {
    let at = out.indexOf(alias.word);
    while (at >= 0) {
      const end = at + alias.word.length;
      if (alias.han || (!wordChar(out[at - 1]) && !wordChar(out[end]))) {
        for (const platform of alias.platforms) words.push({ word: alias.word, platform });
        out = out.slice(0, at) + ' '.repeat(alias.word.length) + out.slice(end);
      }
      at = out.indexOf(alias.word, end);
    }
  }
  out = out.replace(WX_API, (word) => {
    words.push({ word, platform: WX_API_PLATFORM });
    return ' '.repeat(word.length);
  });
  return { text: out, words };
}
