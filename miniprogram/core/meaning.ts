// Which of an entry's texts say what went wrong, and which say what to do. Some official tables put a remedy
// in the meaning column (61004 on the 开放平台 page: "把ip加入白名单ip列表再重试"); every view shows the
// meaning first (search cells, CLI search and lookup), the remedy after it as the fix. Pure, no wx.
import type { Entry } from './types';

/**
 * A source line that tells what to do rather than what went wrong ("把ip加入白名单ip列表再重试"). "请求…"
 * (a request) is a meaning.
 */
export function isRemedy(text: string): boolean {
  return REMEDY_START.test(text) && !FAULT.test(text);
}

/** Words that open an instruction. Not 需要/require (a requirement not met is a meaning: 43002 需要 POST 请求). */
const REMEDY_START = /^\s*(?:把|将|请(?!求)|建议|重新|please\b|make sure\b)/i;
/** A fault named in the text makes it a meaning ("检查 url（check url）不合法", "check nickname too frequently"). */
const FAULT =
  /不合法|非法|错误|出错|失败|无效|超过|频繁|冲突|invalid|illegal|error|fail|too\s|exceed|conflict/i;

export interface MeaningTexts {
  /** The meaning lines, Chinese before English; every text when none of them is a meaning. */
  meaning: string[];
  /** Texts of the meaning columns that are remedies, shown after the meaning as a fix. */
  remedy: string[];
}

/** An entry's zh and en texts, meanings first. */
export function meaningTexts(entry: Pick<Entry, 'zh' | 'en'>): MeaningTexts {
  const texts = [entry.zh, entry.en].filter((t): t is string => Boolean(t));
  const meaning = texts.filter((t) => !isRemedy(t));
  return meaning.length ? { meaning, remedy: texts.filter(isRemedy) } : { meaning: texts, remedy: [] };
}
