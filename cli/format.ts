// Terminal layout for entries. Colour only when the terminal supports it (NO_COLOR / FORCE_COLOR honoured).
import { actionAdvice, entryAdvice } from '../miniprogram/core/advice';
import { familyLabel } from '../miniprogram/core/family';
import type { Entry } from '../miniprogram/core/types';

/** Label of the project's own texts (types.ts: zhSource/enSource === 'wxerr'). */
const PROJECT = 'wxerr';
/** Marks shown after a text the project translated, so it is never read as official. */
export const ZH_MARK = '[wxerr 译]';
export const EN_MARK = '(translated by wxerr)';

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
  const wrap = (open: number, close: number) => (s: string) =>
    color ? `\x1b[${open}m${s}\x1b[${close}m` : s;
  return { bold: wrap(1, 22), dim: wrap(2, 22), code: wrap(33, 39), accent: wrap(36, 39) };
}

export function formatEntry(entry: Entry, p: Painter): string {
  const lines: string[] = [];
  const family = familyLabel(entry.family);
  lines.push(
    `${p.code(p.bold(entry.code))}  ${p.accent(entry.platform)}  ${p.dim(`${entry.family} · ${family.en}`)}`,
  );
  // WeChat Pay: the HTTP status the code comes with and its other spellings.
  if (entry.http?.length) lines.push(`  ${p.bold('HTTP')} ${entry.http.join(', ')}`);
  if (entry.aliases?.length) lines.push(`  ${p.bold('also spelled')} ${entry.aliases.join(', ')}`);
  if (entry.zh) lines.push(`  ${entry.zh}${entry.zhSource === PROJECT ? ` ${p.dim(ZH_MARK)}` : ''}`);
  if (entry.en) lines.push(`  ${entry.en}${entry.enSource === PROJECT ? ` ${p.dim(EN_MARK)}` : ''}`);
  if (entry.fix) lines.push(`  ${p.bold('解决方法')} ${entry.fix}`);
  if (entry.noteZh || entry.noteEn) {
    lines.push(`  ${p.bold('note (wxerr)')} ${entry.noteZh ?? ''}`);
    if (entry.noteEn) lines.push(`  ${' '.repeat('note (wxerr)'.length)} ${entry.noteEn}`);
  }
  lines.push(`  ${p.bold('action')} ${entry.action}: ${actionWords(entry.action)}`);
  const advice = entryAdvice(entry);
  const label = advice.kind === 'code' ? 'advice (wxerr)' : 'advice (wxerr, general)';
  lines.push(`  ${p.bold(label)} ${advice.zh}`);
  lines.push(`  ${' '.repeat(label.length)} ${advice.en}`);
  entry.texts.slice(1).forEach((t) => {
    const refs = t.sources.map((s) => `${s.source}#${s.row}`).join(', ');
    lines.push(p.dim(`  other wording (${refs}): ${[t.zh, t.en, t.fix].filter(Boolean).join(' / ')}`));
  });
  entry.texts.forEach((t) => {
    if (t.note) lines.push(p.dim(`  note: ${t.note}`));
  });
  lines.push(
    p.dim(`  sources: ${entry.sources.map((s) => `${s.source} row ${s.row} (line ${s.line})`).join('; ')}`),
  );
  return lines.join('\n');
}
