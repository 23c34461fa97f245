import { bundledCatalog } from '../../miniprogram/core/catalog';
import { ACTIONS, actionAdvice } from '../../miniprogram/core/advice';
import { painter } from '../format';
import { fit, wrap } from '../text';
import { EXIT, type CliIO, type ParsedArgs } from '../io';

export function catalogStats() {
  const catalog = bundledCatalog();
  const sources = catalog.data.sources.map((s) => ({
    id: s.id,
    file: s.file,
    title: s.title,
    format: s.format,
    rows: s.rows,
    kept: s.kept,
    merged: s.merged,
    accounted: s.kept + s.merged === s.rows,
  }));
  const platforms = Object.fromEntries(catalog.countByPlatform());
  const actions: Record<string, number> = {};
  for (const e of catalog.entries) actions[e.action] = (actions[e.action] ?? 0) + 1;
  const variants = catalog.entries.filter((e) => e.texts.length > 1).length;
  const missing = {
    en: catalog.entries.filter((e) => !e.en).length,
    zh: catalog.entries.filter((e) => !e.zh).length,
  };
  // Who wrote each primary text: a source id (official or seed text) or "wxerr" (the project's translation).
  const zeroes = () => Object.fromEntries([...sources.map((s) => s.id), 'wxerr'].map((id) => [id, 0]));
  const labels: { en: Record<string, number>; zh: Record<string, number> } = { en: zeroes(), zh: zeroes() };
  for (const e of catalog.entries)
    for (const lang of ['en', 'zh'] as const) {
      if (!e[lang]) continue;
      const label = e[`${lang}Source`] ?? '?';
      labels[lang][label] = (labels[lang][label] ?? 0) + 1;
    }
  const notes = catalog.entries.filter((e) => e.noteZh && e.noteEn).length;
  const advice = {
    /** Entries with specific advice of their own (both languages). */
    entries: catalog.entries.filter((e) => e.adviceZh && e.adviceEn).length,
    /** Distinct codes with specific advice. */
    codes: new Set(catalog.entries.filter((e) => e.adviceZh && e.adviceEn).map((e) => e.code)).size,
    /** Action classes with general advice (every entry gets at least its class's advice). */
    actionClasses: ACTIONS.filter((a) => actionAdvice(a).en && actionAdvice(a).zh).length,
  };
  return {
    entries: catalog.entries.length,
    rows: sources.reduce((n, s) => n + s.rows, 0),
    sources,
    platforms,
    actions,
    entriesWithSeveralWordings: variants,
    missing,
    labels,
    notes,
    advice,
  };
}

export async function statsCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const stats = catalogStats();
  if (args.flags.has('json')) {
    io.out(JSON.stringify(stats, null, 2));
    return EXIT.found;
  }
  const p = painter(io.color);
  io.out(p.bold(`${stats.entries} entries from ${stats.rows} source rows`));
  io.out('');
  const idWidth = Math.max(6, ...stats.sources.map((s) => s.id.length));
  io.out(p.bold(fit(`${'source'.padEnd(idWidth)}  rows  kept  merged  file`, io.width)));
  for (const s of stats.sources) {
    // A source whose rows are not all accounted for says so first: the file name is what gets cut.
    const warning = s.accounted ? '' : '(ROWS NOT ACCOUNTED FOR)  ';
    const row = `${s.id.padEnd(idWidth)} ${String(s.rows).padStart(5)} ${String(s.kept).padStart(5)} ${String(s.merged).padStart(7)}  ${warning}${s.file}`;
    io.out(fit(row, io.width));
  }
  io.out('');
  io.out(p.bold('entries per platform'));
  for (const [name, n] of Object.entries(stats.platforms)) io.out(`${String(n).padStart(5)}  ${name}`);
  io.out('');
  io.out(p.bold('entries per action'));
  for (const [name, n] of Object.entries(stats.actions)) io.out(`${String(n).padStart(5)}  ${name}`);
  io.out('');
  io.out(`entries with several wordings: ${stats.entriesWithSeveralWordings}`);
  io.out(`entries without English: ${stats.missing.en}; without Chinese: ${stats.missing.zh}`);
  io.out('');
  io.out(p.bold('texts by label (source id, or wxerr = project translation)'));
  for (const lang of ['zh', 'en'] as const) {
    const parts = Object.entries(stats.labels[lang]).map(([label, n]) => `${label} ${n}`);
    io.out(wrap(`${lang}: ${parts.join(', ')}`, io.width, '  ', '      ').join('\n'));
  }
  io.out(`project notes (wxerr): ${stats.notes}`);
  const advice =
    `specific advice (wxerr): ${stats.advice.entries} entries, ${stats.advice.codes} codes; ` +
    `general advice for ${stats.advice.actionClasses} action classes`;
  io.out(wrap(advice, io.width, '', '  ').join('\n'));
  return EXIT.found;
}
