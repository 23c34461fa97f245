// Rows of tables with a code column: markdown (|), CSV (,) and TSV (tab), found by their header cell.
import type { TextContext } from './context';
import { parseCodeToken } from './text';

export interface TableCode {
  code: string;
  offset: number;
  line: number;
  /** Which table of the text (0, 1…): rows of one table are judged together. */
  table: number;
  /** The row's other cells, joined: the code's description when the table has one. */
  description: string;
}

/** Header cells that name a code column. A "code" column of HTTP statuses is filtered by value later. */
const CODE_HEADER =
  /^(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)$/i;
const HEADER_CELL =
  /(?:^|[|,\t])[ \t]*(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)[ \t]*(?:[|,\t]|$)/gim;

/**
 * Codes in tables whose header names a code column: markdown (|), CSV (,) and TSV (tab). Returns the codes
 * and the lines the tables cover (so that the number scan does not judge those rows a second time).
 */
export function tableCodes(
  ctx: TextContext,
  isCode: (code: string) => boolean,
): { codes: TableCode[]; rows: Set<number> } {
  const codes: TableCode[] = [];
  const rows = new Set<number>();
  let last = -1;
  let tables = -1;
  for (const m of ctx.text.matchAll(HEADER_CELL)) {
    let line = ctx.lines.lineOf(m.index ?? 0);
    if (line <= last) continue;
    tables++;
    const header = ctx.lines.lineText(line);
    const delimiter = header.includes('|') ? '|' : header.includes('\t') ? '\t' : ',';
    const cells = splitRow(header, delimiter);
    const column = cells.findIndex((c) => CODE_HEADER.test(c));
    if (column < 0 || cells.length < 2) continue;
    rows.add(line);
    for (line++; line < ctx.lines.count; line++) {
      const row = ctx.lines.lineText(line);
      if (!row.includes(delimiter)) break;
      rows.add(line);
      if (/^[\s|:-]+$/.test(row)) continue;
      const cell = splitRow(row, delimiter)[column];
      if (cell === undefined) continue;
      const code = parseCodeToken(cell, 2);
      if (!code || code === '0' || !isCode(code)) continue;
      const cells = splitRow(row, delimiter);
      const description = cells.filter((_, i) => i !== column).join(' ');
      const offset = ctx.lines.start(line) + Math.max(0, row.indexOf(cell));
      codes.push({ code, offset, line, table: tables, description });
    }
    last = line;
  }
  return { codes, rows };
}

function splitRow(row: string, delimiter: string): string[] {
  let cells = row.split(delimiter).map((c) => c.trim());
  if (delimiter === '|')
    cells = cells.slice(row.trim().startsWith('|') ? 1 : 0, row.trim().endsWith('|') ? -1 : undefined);
  return cells;
}
