// The CLI's own words, in the language of the screen (--lang, WXERR_LANG, else the locale): one language per
// screen. Official texts are facts and stay in both languages; only the labels around them follow the screen.

const EN = {
  advice: 'advice (wxerr)',
  adviceGeneral: 'advice (wxerr, general)',
  adviceAbove: 'advice (wxerr): as above',
  note: 'note (wxerr)',
  fix: 'fix',
  nextStep: 'next step',
  from: (ref: string, title: string) => `from ${ref}: ${title}`,
  row: (source: string, row: number) => `${source} row ${row}`,
  moreRows: (n: number) => ` (+${n} more)`,
  alsoRows: (refs: string) => `; also ${refs}`,
  doc: 'doc',
  otherWording: (refs: string) => `other wording (${refs})`,
  otherPlatforms: (n: number, names: string, hint: string) =>
    `+${n} other platform${n === 1 ? '' : 's'}: ${names} (${hint})`,
  notWeChatOwn: (names: string, code: string, hint: string) =>
    `+ not WeChat: ${names} has its own ${code} (${hint})`,
  notWeChatTag: '(not a WeChat platform)',
  notWeChatRule: '── not WeChat ──',
  weChatRule: '── WeChat ──',
  notWeChatGroup: (platform: string) => `── not WeChat: ${platform} ──`,
  notWeChatCount: (n: number) => `+${n} match${n > 1 ? 'es' : ''} on a non-WeChat platform (--all)`,
  morePlatforms: (n: number) => `+${n} platform${n > 1 ? 's' : ''}`,
  notListed: (asked: string) => `${asked} not in the catalog; try wxerr search "${asked}"`,
  notHere: (code: string, platform: string | undefined) =>
    `${code}  not ${platform === undefined ? 'in the catalog' : `on platform ${platform}`}.`,
  nearestOf: (family: string) => `nearest known ${family} codes:`,
  nearest: 'nearest:',
  noMatch: (query: string) => `no match for ${JSON.stringify(query)}`,
  // wxerr scan
  inferred: ' (inferred from errmsg)',
  notInCatalog: 'not in the catalog.',
  noCodeFound: 'no WeChat error code found',
  summary: (codes: number, occurrences: number, files: number, lines: number, size: string) =>
    `summary: ${plural(codes, 'code')}, ${plural(occurrences, 'occurrence')} in ${plural(files, 'file')} (${plural(lines, 'line')}, ${size})`,
  filesUnder: (base: string) => `files under ${base}`,
  skipped: (n: number) =>
    `${plural(n, 'file')} in folders skipped: binary data or images (name an image to read it)`,
  columns: ['code', 'count', 'first', 'last', 'platform'],
  rids: (n: number, shown: string) => `rids (${n}): ${shown}`,
  moreRids: (n: number) => `… and ${n} more rids (--json lists all)`,
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export type Labels = typeof EN;

const ZH: Labels = {
  advice: 'wxerr 建议',
  adviceGeneral: 'wxerr 建议（通用）',
  adviceAbove: 'wxerr 建议：同上',
  note: 'wxerr 注',
  fix: '解决方法',
  nextStep: '下一步',
  from: (ref: string, title: string) => `出处 ${ref}：${title}`,
  row: (source: string, row: number) => `${source} 第 ${row} 条`,
  moreRows: (n: number) => `（另 ${n} 条同）`,
  alsoRows: (refs: string) => `；另见 ${refs}`,
  doc: '文档',
  otherWording: (refs: string) => `其他写法（${refs}）`,
  otherPlatforms: (n: number, names: string, hint: string) => `另 ${n} 个平台：${names}（${hint}）`,
  notWeChatOwn: (names: string, code: string, hint: string) =>
    `+ 非微信：${names} 也有自己的 ${code}（${hint}）`,
  notWeChatTag: '（非微信平台）',
  notWeChatRule: '── 非微信 ──',
  weChatRule: '── 微信平台 ──',
  notWeChatGroup: (platform: string) => `── 非微信：${platform} ──`,
  notWeChatCount: (n: number) => `另有 ${n} 个非微信平台的结果（--all）`,
  morePlatforms: (n: number) => `+${n} 个平台`,
  notListed: (asked: string) => `目录中没有 ${asked}；试试 wxerr search "${asked}"`,
  notHere: (code: string, platform: string | undefined) =>
    `${code}  ${platform === undefined ? '目录中没有' : `平台 ${platform} 上没有`}。`,
  nearestOf: (family: string) => `${family} 段中最接近的已知错误码：`,
  nearest: '最接近的：',
  noMatch: (query: string) => `没有与 ${JSON.stringify(query)} 匹配的错误码`,
  inferred: '（由 errmsg 推断）',
  notInCatalog: '目录中没有。',
  noCodeFound: '没有找到微信错误码',
  summary: (codes: number, occurrences: number, files: number, lines: number, size: string) =>
    `汇总：${codes} 个错误码，共 ${occurrences} 次，${files} 个文件（${lines} 行，${size}）`,
  filesUnder: (base: string) => `文件都在 ${base} 下`,
  skipped: (n: number) => `跳过文件夹中的 ${n} 个文件：二进制数据或图片（图片请直接写文件名以识别）`,
  columns: ['错误码', '次数', '首次', '末次', '平台'],
  rids: (n: number, shown: string) => `rid（${n} 个）：${shown}`,
  moreRids: (n: number) => `… 另有 ${n} 个 rid（--json 列出全部）`,
};

export function labels(lang: 'zh' | 'en'): Labels {
  return lang === 'zh' ? ZH : EN;
}
