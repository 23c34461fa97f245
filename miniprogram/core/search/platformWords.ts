// Platform words in a query ("小店账号被限制了", "cloud function timeout"). Pure TypeScript, no lookbehind.
// Entries never name their own platform, so these words say which platform the user means, not what the
// error says: search.ts boosts that platform's entries softly and counts the words as found in them.
import { PLATFORMS } from '../platforms';
import type { Platform } from '../types';

/** Everyday names of each platform (by PLATFORMS key), besides its catalog name. Lower case, folded. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  open: ['开放平台通用'],
  mp: ['公众号', '服务号', '订阅号', 'official account', 'mp'],
  errno: ['小程序客户端', '小程序', 'wx.request', '客户端', 'errno'],
  cloudbase: ['云开发', '云函数', '云数据库', 'cloudbase', 'cloud'],
  component: ['第三方平台代小程序', '第三方平台', '代小程序', 'component'],
  shop: ['微信小店', '小店', 'shop'],
  channels: ['视频号', 'channels'],
  cloudrun: ['云托管', 'cloudrun'],
  gateway: ['微信网关', '网关', 'gateway'],
  business: ['商业能力'],
  xiaowei: ['腾讯小微', '小微', 'xiaowei'],
  thirdparty: ['第三方账号平台', '非微信', 'non-wechat', 'thirdparty'],
};

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
  platform: Platform;
  han: boolean;
}

/** Every alias, longest first, so "第三方平台代小程序" wins over "第三方平台" and "小程序". */
const ALL: readonly Alias[] = PLATFORMS.flatMap((p) =>
  [p.name.toLowerCase(), ...(ALIASES[p.key] ?? [])].map((word) => ({
    word,
    platform: p.name,
    han: !/^[a-z0-9. ]+$/.test(word),
  })),
).sort((a, b) => b.word.length - a.word.length);

/** An ASCII word character: an English alias must not stand inside a longer word ("mp" in "temp"). */
function wordChar(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9_]/.test(c);
}

/** The platform words of a folded query text, longest first, each blanked out of the text once found. */
export function findPlatformWords(text: string): PlatformWords {
  const words: PlatformWord[] = [];
  let out = text;
  for (const alias of ALL) {
    let at = out.indexOf(alias.word);
    while (at >= 0) {
      const end = at + alias.word.length;
      if (alias.han || (!wordChar(out[at - 1]) && !wordChar(out[end]))) {
        words.push({ word: alias.word, platform: alias.platform });
        out = out.slice(0, at) + ' '.repeat(alias.word.length) + out.slice(end);
      }
      at = out.indexOf(alias.word, end);
    }
  }
  return { text: out, words };
}
