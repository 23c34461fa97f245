// The text view of a scan: one short block per code (meaning, the next step filled in from the text, where it
// was seen), then the summary by code and the rids, capped. No line is wider than the terminal.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { filledFix } from '../../miniprogram/core/fill';
import type { Entry } from '../../miniprogram/core/types';
import { adviceLines, isWeChat, meaningLines, type Layout } from '../format';
import { labels } from '../labels';
import type { CliIO } from '../io';
import { sep } from 'path';
import { displayWidth, fit, wrap } from '../text';
import type { ScanRun } from '../commands/scan';
import type { CodeSummary, Place } from './scanner';

/** Rids listed in the text view; --json lists all. */
export const RIDS_SHOWN = 10;

/** The folder all scanned files share, cut from the places shown (the summary gives it once). */
function commonDir(files: string[]): string {
  const dirs = files.filter((f) => f !== 'stdin').map((f) => f.slice(0, f.lastIndexOf(sep) + 1));
  if (dirs.length === 0) return '';
  let prefix = dirs[0];
  for (const d of dirs)
    while (!d.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf(sep, prefix.length - 2) + 1);
  return prefix;
}

/**
 * The entries to show for a found code: the one of the platform the text is about first (the extractor's
 * entryId: WeCom, Pay, a client API), then the other WeChat meanings; the non-WeChat platform only when it
 * is the sole meaning.
 */
export function attributed(s: { code: string; found: { entryId?: string } }): Entry[] {
  const catalog = bundledCatalog();
  const all = catalog.lookup(s.code);
  const wechat = all.filter(isWeChat);
  const list = wechat.length ? wechat : all;
  const own = s.found.entryId ? catalog.get(s.found.entryId) : undefined;
  return own ? [own, ...list.filter((e) => e.id !== own.id)] : list;
}

function codeBlock(s: CodeSummary, layout: Layout, placeText: (p: Place) => string): string[] {
  const { p, width } = layout;
  const catalog = bundledCatalog();
  const entries = attributed(s);
  const primary = entries[0];
  const words = labels(layout.lang);
  const tag = s.inferred ? p.dim(words.inferred) : '';
  const times = s.count > 1 ? p.dim(` ×${s.count}`) : '';
  // "+4 platforms" as search says it: a bare "+4" after the platform read as part of its name.
  const more = entries.length > 1 ? p.dim(`  ${words.morePlatforms(entries.length - 1)}`) : '';
  const where = primary ? `  ${p.accent(primary.platform)}${more}` : '';
  const lines = [fit(`${p.code(p.bold(s.code))}${tag}${times}${where}`, width)];
  if (!primary) {
    const family = catalog.family(s.code);
    const text =
      layout.lang === 'zh' ? `${family.key}：${family.zh}` : `${family.key}: ${family.en} (${family.zh})`;
    lines.push(fit(`  ${words.notInCatalog} ${text}`, width));
  } else lines.push(...meaningLines(primary, layout));
  const next = filledFix(s.code, primary, s.facts);
  if (next) lines.push(...wrap(`${p.bold(words.nextStep)} ${next[layout.lang]}`, width, '  ', '    '));
  else if (primary) lines.push(...adviceLines(primary, layout));
  lines.push(fit(`  ${p.dim(`${placeText(s.first)}:`)} ${s.found.evidence}`, width));
  if (s.found.errmsg) lines.push(fit(`  ${p.bold('errmsg')} ${s.found.errmsg}`, width));
  if (s.found.rid) lines.push(fit(`  ${p.bold('rid')} ${s.found.rid}`, width));
  return lines;
}

/** The summary table: code, count, first and last place, platform. */
function summaryLines(run: ScanRun, layout: Layout, placeText: (p: Place) => string, base: string): string[] {
  const { p, width } = layout;
  const codes = [...run.scanner.codes.values()];
  const catalog = bundledCatalog();
  const total = codes.reduce((n, c) => n + c.count, 0);
  const size =
    run.bytes < 1024 * 1024
      ? `${(run.bytes / 1024).toFixed(1)} KB`
      : `${(run.bytes / 1024 / 1024).toFixed(1)} MB`;
  const words = labels(layout.lang);
  const head = words.summary(codes.length, total, run.files, run.scanner.lines, size);
  const lines = [p.bold(fit(head, width))];
  if (base) lines.push(p.dim(fit(words.filesUnder(base), width)));
  // Nothing left out unsaid: folders' binary files and images are skipped (name an image to OCR it).
  if (run.skipped) lines.push(p.dim(fit(words.skipped(run.skipped), width)));
  if (codes.length === 0) return lines;
  const rows = codes.map((c) => {
    const entry = attributed(c)[0];
    return [
      c.code,
      String(c.count),
      placeText(c.first),
      placeText(c.last),
      entry ? entry.platform : catalog.family(c.code).key,
    ];
  });
  const titles = words.columns;
  const widths = titles.map((t, i) => Math.max(displayWidth(t), ...rows.map((r) => displayWidth(r[i]))));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => {
        const fill = ' '.repeat(widths[i] - displayWidth(c)); // CJK titles count two columns
        return i === 1 ? fill + c : c + fill;
      })
      .join('  ')
      .trimEnd();
  lines.push(p.dim(fit(pad(titles), width)), ...rows.map((r) => fit(pad(r), width)));
  return lines;
}

function ridLines(rids: string[], layout: Layout): string[] {
  if (rids.length === 0) return [];
  const shown = rids.slice(0, RIDS_SHOWN).join(', ');
  const words = labels(layout.lang);
  const lines = wrap(words.rids(rids.length, shown), layout.width, '', '  ');
  if (rids.length > RIDS_SHOWN)
    lines.push(fit(`  ${words.moreRids(rids.length - RIDS_SHOWN)}`, layout.width));
  return lines;
}

export function printScan(run: ScanRun, io: CliIO, layout: Layout): void {
  const codes = [...run.scanner.codes.values()];
  const base = commonDir(codes.flatMap((c) => [c.first.file, c.last.file]));
  const placeText = (p: Place) => `${p.file.startsWith(base) ? p.file.slice(base.length) : p.file}:${p.line}`;
  const out: string[] = [];
  if (codes.length === 0) out.push(labels(layout.lang).noCodeFound);
  for (const c of codes) out.push(...codeBlock(c, layout, placeText), '');
  if (codes.length) out.push(...summaryLines(run, layout, placeText, base));
  const rids = ridLines(run.scanner.rids, layout);
  if (rids.length) out.push('', ...rids);
  io.out(out.join('\n'));
}
