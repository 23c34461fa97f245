// Terminal layout for entries. Colour only when the terminal supports it (NO_COLOR / FORCE_COLOR honoured).
import { actionAdvice } from '../miniprogram/core/advice';
import { familyLabel } from '../miniprogram/core/family';
import type { Entry } from '../miniprogram/core/types';

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
  if (entry.zh) lines.push(`  ${entry.zh}`);
  if (entry.en) lines.push(`  ${entry.en}`);
  if (entry.fix) lines.push(`  ${p.bold('解决方法')} ${entry.fix}`);
  lines.push(`  ${p.bold('action')} ${entry.action}: ${actionWords(entry.action)}`);
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
