// A header-driven reader for the tab-separated source tables: the first line names the columns, every other
// non-blank line is one data row. Each table's own parser maps the named cells to a RawRow.
import type { Parser, RawRow } from './types';
import { normalizeSpace } from './text';

export interface TsvRecord {
  /** Whitespace-normalised cells by column name ('' when the row is short). */
  cells: Record<string, string>;
  /** 1-based line of the row in its file. */
  line: number;
}

/** The data rows of a TSV table whose header must be exactly `header`. */
export function readTsvTable(text: string, source: string, header: readonly string[]): TsvRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const found = lines[0].split('\t');
  if (found.join('\t') !== header.join('\t'))
    throw new Error(`${source}: expected the header "${header.join('\\t')}", got "${lines[0]}"`);
  const records: TsvRecord[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const values = raw.split('\t');
    if (values.length > header.length)
      throw new Error(`${source}:${i + 2}: ${values.length} cells, the header has ${header.length}`);
    const cells: Record<string, string> = {};
    header.forEach((name, c) => (cells[name] = normalizeSpace(values[c] ?? '')));
    records.push({ cells, line: i + 2 });
  });
  return records;
}

type RowFields = Omit<RawRow, 'source' | 'row' | 'line'>;

/**
 * A parser for one TSV table: read it by its header, map each record to a row's fields (the ordinal and line
 * are added here), so every table parser is only its mapping.
 */
export function tsvParser(
  header: readonly string[],
  map: (cells: Record<string, string>, at: string, previous: RawRow | undefined) => RowFields,
): Parser {
  return (text, source) => {
    const rows: RawRow[] = [];
    readTsvTable(text, source, header).forEach((record, i) => {
      const fields = map(record.cells, `${source}:${record.line}`, rows[i - 1]);
      rows.push({ source, row: i + 1, line: record.line, ...fields });
    });
    return rows;
  };
}

/** Keep a cell only when it says something ("-" and empty cells are placeholders). */
export function meaningful(cell: string | undefined): string | undefined {
  return cell && cell !== '-' ? cell : undefined;
}
