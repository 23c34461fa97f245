// Terminal layout of a code's entries, answer first: the meaning, the code's own fix, then the rest folded.
// A code's WeChat meanings stand together; the non-WeChat platform of seed 003 only when asked, and apart.
// Colour only when the terminal supports it (NO_COLOR / FORCE_COLOR honoured).
import { actionAdvice, entryAdvice } from '../miniprogram/core/advice';
import { bundledCatalog } from '../miniprogram/core/catalog';
import { meaningTexts } from '../miniprogram/core/meaning';
import { PLATFORMS } from '../miniprogram/core/platforms';
import { officialDoc } from '../miniprogram/core/view/detail';
import type { Entry, SourceRef } from '../miniprogram/core/types';
import { labels } from './labels';
import { displayWidth, fit, wrap } from './text';

/** Label of the project's own texts (types.ts: zhSource/enSource === 'wxerr'). */
const PROJECT = 'wxerr';
/** Marks shown after a text the project translated, so it is never read as official. */
export const ZH_MARK = '[wxerr 译]';
export const EN_MARK = '(translated by wxerr)';

/**
 * Fields other branches add to Entry (Pay's HTTP statuses and aliases, the official doc, the project's English
 * of a Chinese-only fix); read when present.
 */
type RichEntry = Entry & { http?: number[]; aliases?: string[]; doc?: string; fixEn?: string };

export function actionWords(action: Entry['action']): string {
  return actionAdvice(action).short.en;
}

export interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  code(s: string): string;
  accent(s: string): string;
}

export function painter(color: boolean): Painter {
  const wrapIn = (open: number, close: number) => (s: string) =>
    color ? `\x1b[${open}m${s}\x1b[${close}m` : s;
  return { bold: wrapIn(1, 22), dim: wrapIn(2, 22), code: wrapIn(33, 39), accent: wrapIn(36, 39) };
}

export interface Layout {
  p: Painter;
  width: number;
  lang: 'zh' | 'en';
}

const platformOf = (entry: Entry) => PLATFORMS.find((p) => p.name === entry.platform);

/** False only for platforms the table marks as not WeChat (seed 003's); unknown new platforms count as WeChat. */
export function isWeChat(entry: Entry): boolean {
  return platformOf(entry)?.wechat ?? true;
}

/**
 * The header: code, platform, what to do in a few words, and HTTP statuses / aliases where the entry has them;
 * wrapped with a hanging indent where it does not fit the width (COLUMNS=40).
 */
function header(entry: RichEntry, layout: Layout, extra = ''): string[] {
  const { p } = layout;
  const parts = [p.code(p.bold(entry.code)), p.accent(entry.platform)];
  if (entry.http?.length) parts.push(`HTTP ${entry.http.join('/')}`);
  if (entry.aliases?.length) parts.push(`aka ${entry.aliases.join(', ')}`);
  parts.push(p.dim(actionAdvice(entry.action).short[layout.lang]));
  const line = parts.join('  ') + extra;
  return displayWidth(line) <= layout.width ? [line] : wrap(line, layout.width, '', '  ');
}

/**
 * The official texts (both languages: they are facts), meaning first, with the project's mark on its
 * translations. A remedy printed in a meaning column (61004's "把ip加入白名单ip列表再重试") follows as the fix.
 */
function meaning(entry: RichEntry, layout: Layout): string[] {
  const { p, width } = layout;
  const lines: string[] = [];
  const mark = (text: string) => {
    const m = projectMark(entry, text);
    return m ? ` ${p.dim(m)}` : '';
  };
  const { meaning: said, remedy } = meaningTexts(entry);
  const fix = p.bold(labels(layout.lang).fix);
  for (const text of said) lines.push(...wrap(text + mark(text), width, '  '));
  for (const text of remedy) lines.push(...wrap(`${fix} ${text}${mark(text)}`, width, '  ', '    '));
  if (entry.fix && entry.fix !== entry.zh) lines.push(...wrap(`${fix} ${entry.fix}`, width, '  ', '    '));
  if (entry.fix && entry.fixEn) lines.push(...wrap(`${entry.fixEn} ${p.dim(EN_MARK)}`, width, '    '));
  return lines;
}

/** The mark of a text the project translated ('' for an official one): shown wherever the text is. */
export function projectMark(entry: Entry, text: string): string {
  if (text === entry.zh && entry.zhSource === PROJECT) return ZH_MARK;
  if (text === entry.en && entry.enSource === PROJECT) return EN_MARK;
  return '';
}

/** One indented line of a text, fitted to the width; its project mark is kept whole after the cut. */
export function markedLine(entry: Entry, text: string, layout: Layout, indent = '  '): string {
  const mark = projectMark(entry, text);
  if (!mark) return fit(`${indent}${text}`, layout.width);
  return `${fit(`${indent}${text}`, layout.width - displayWidth(mark) - 1)} ${layout.p.dim(mark)}`;
}

/** An entry's meaning in one line per language (never a remedy: meaning.ts), marks kept: search, scan. */
export function meaningLines(entry: Entry, layout: Layout): string[] {
  return meaningTexts(entry).meaning.map((text) => markedLine(entry, text, layout));
}

/** The advice block: the project's advice for this code (or its action class) in one language. */
export function adviceLines(entry: Entry, layout: Layout): string[] {
  const advice = entryAdvice(entry);
  const words = labels(layout.lang);
  const label = advice.kind === 'code' ? words.advice : words.adviceGeneral;
  return wrap(`${layout.p.bold(label)} ${advice[layout.lang]}`, layout.width, '  ', '    ');
}

function sourceTitle(id: string): string {
  return bundledCatalog().sources.find((s) => s.id === id)?.title ?? `source ${id}`;
}

/** Provenance in one line: the first source row with its title, and how many more rows agree. */
export function provenance(entry: RichEntry, layout: Layout, all = false): string[] {
  const words = labels(layout.lang);
  const ref = (s: SourceRef) => words.row(s.source, s.row);
  const [first, ...rest] = entry.sources;
  if (!first) return [];
  const more =
    rest.length === 0 ? '' : all ? words.alsoRows(rest.map(ref).join(', ')) : words.moreRows(rest.length);
  const lines = [
    layout.p.dim(fit(`  ${words.from(ref(first), sourceTitle(first.source))}${more}`, layout.width)),
  ];
  // A link is never cut (it must stay copyable); past the width it stands on its own line, unindented.
  const doc = officialDoc(entry);
  if (doc && displayWidth(`  ${words.doc} ${doc}`) <= layout.width) lines.push(`  ${words.doc} ${doc}`);
  else if (doc) lines.push(`  ${words.doc}`, doc);
  return lines;
}

/** First clause of a meaning, for folded lines. */
function shortMeaning(entry: Entry): string {
  const text = (meaningTexts(entry).meaning[0] ?? '').split(/[。；;，,]/)[0].trim();
  return fit(text, 24);
}

/** Same text, or one English text extends the other ("…, could get access_token by getStableAccessToken"). */
function sameMeaning(a: Entry, b: Entry): boolean {
  if (a.zh !== '' && a.zh === b.zh) return true;
  const [x, y] = [a.en.toLowerCase(), b.en.toLowerCase()];
  return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x));
}

/** "+3 other platforms: 公众号, 视频号 “系统错误” (wxerr -1 --all)". */
function foldLine(primary: Entry, others: Entry[], layout: Layout): string[] {
  if (others.length === 0) return [];
  const names = others.map((e) =>
    sameMeaning(primary, e) ? e.platform : `${e.platform} “${shortMeaning(e)}”`,
  );
  const sep = layout.lang === 'zh' ? '、' : ', ';
  return wrap(
    layout.p.dim(
      labels(layout.lang).otherPlatforms(others.length, names.join(sep), `wxerr ${primary.code} --all`),
    ),
    layout.width,
    '  ',
    '    ',
  );
}

/** Entries of one code split: WeChat meanings together, the non-WeChat platform apart. */
/**
 * Codes offered instead of an answer ("did you mean", the nearest known codes of an unknown code's family):
 * a title, then one line per code with its platform and the start of its meaning.
 */
export function suggestionLines(title: string, entries: readonly Entry[], layout: Layout): string[] {
  if (!entries.length) return [];
  const { p } = layout;
  return [
    title,
    ...entries.map((e) =>
      markedLine(e, meaningTexts(e).meaning[0] ?? '', layout, `  ${p.code(e.code)}  ${e.platform}  `),
    ),
  ];
}

export function splitByWeChat(entries: Entry[]): { wechat: Entry[]; other: Entry[] } {
  return { wechat: entries.filter(isWeChat), other: entries.filter((e) => !isWeChat(e)) };
}

function nonWeChatNote(entries: Entry[], layout: Layout, hint: string): string[] {
  if (entries.length === 0) return [];
  const names = [...new Set(entries.map((e) => e.platform))].join(', ');
  return wrap(
    layout.p.dim(labels(layout.lang).notWeChatOwn(names, entries[0].code, hint)),
    layout.width,
    '  ',
    '    ',
  );
}

export interface CodeBlockOptions {
  /** Every entry in full (--all), the non-WeChat ones apart at the end. */
  all?: boolean;
  /** The next step filled in from scanned text (core/fill.ts), shown before the advice. */
  nextStep?: string;
}

/**
 * One code, answer first: the most commonly met WeChat meaning, its fix, provenance, then the other
 * platforms folded into one line. The non-WeChat platform shows only when it is all there is (then labelled).
 */
export function formatCode(entries: Entry[], layout: Layout, options: CodeBlockOptions = {}): string[] {
  if (options.all) return formatAll(entries, layout);
  const { wechat, other } = splitByWeChat(entries);
  const shown = wechat.length ? wechat : other;
  const [primary, ...rest] = shown;
  const words = labels(layout.lang);
  const lines = header(primary, layout, wechat.length ? '' : layout.p.dim(`  ${words.notWeChatTag}`));
  lines.push(...meaning(primary, layout));
  if (options.nextStep)
    lines.push(...wrap(`${layout.p.bold(words.nextStep)} ${options.nextStep}`, layout.width, '  ', '    '));
  lines.push(
    ...adviceLines(primary, layout),
    ...provenance(primary, layout),
    ...foldLine(primary, rest, layout),
  );
  if (wechat.length)
    lines.push(...nonWeChatNote(other, layout, `wxerr ${primary.code} --platform thirdparty`));
  return lines;
}

/** --all: every entry in full; advice repeated on several platforms is shown once. */
function formatAll(entries: Entry[], layout: Layout): string[] {
  const { wechat, other } = splitByWeChat(entries);
  const lines: string[] = [];
  const seenAdvice = new Set<string>();
  const block = (entry: Entry) => {
    if (lines.length) lines.push('');
    const advice = entryAdvice(entry)[layout.lang];
    const repeat = seenAdvice.has(advice);
    seenAdvice.add(advice);
    lines.push(...formatEntry(entry, layout.p, layout, repeat).split('\n'));
  };
  wechat.forEach(block);
  if (other.length) {
    if (lines.length) lines.push('');
    lines.push(layout.p.bold(labels(layout.lang).notWeChatRule));
    other.forEach(block);
  }
  return lines;
}

/** One entry in full: header, texts, note, advice, other wordings, every source row. */
export function formatEntry(
  entry: Entry,
  p: Painter,
  layout: Layout = { p, width: 80, lang: 'en' },
  adviceShownAbove = false,
): string {
  const lines = [...header(entry, layout), ...meaning(entry, layout)];
  const { width } = layout;
  const words = labels(layout.lang);
  if (entry.noteZh || entry.noteEn) {
    lines.push(...wrap(`${p.bold(words.note)} ${entry.noteZh ?? ''}`, width, '  ', '    '));
    if (entry.noteEn) lines.push(...wrap(entry.noteEn, width, '    '));
  }
  if (adviceShownAbove) lines.push(p.dim(`  ${words.adviceAbove}`));
  else lines.push(...adviceLines(entry, layout));
  entry.texts.slice(1).forEach((t) => {
    const refs = t.sources.map((s) => `${s.source}#${s.row}`).join(', ');
    const text = `${words.otherWording(refs)}: ${[t.zh, t.en, t.fix].filter(Boolean).join(' / ')}`;
    lines.push(...wrap(p.dim(text), width, '  ', '    '));
  });
  entry.texts.forEach((t) => {
    if (t.note) lines.push(...wrap(p.dim(`note: ${t.note}`), width, '  ', '    '));
  });
  lines.push(...provenance(entry, layout, true));
  return lines.join('\n');
}
