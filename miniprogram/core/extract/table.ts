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
export const HEADER_CELL =
  /(?:^|[|,\t])[ \t]*(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)[ \t]*(?:[|,\t]|$)/gim;
/** HEADER_CELL from its key on: a pattern that starts with literals is not tried at every offset. */
const HEADER_KEY =
  /(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)[ \t]*(?:[|,\t]|$)/gim;

const isBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * Where HEADER_CELL's matches start, in order (the same as `text.matchAll(HEADER_CELL)`, fuzz-tested in
 * test/core/extract-speed-passes.test.ts): each key found by HEADER_KEY, then its cell's start read backwards
 * over spaces and tabs. The leftmost start past the last match is taken, as the regex takes it: the separator
 * before the spaces, the line start, or a tab among them.
 */
export function headerCellStarts(text: string): number[] {
  const starts: number[] = [];
  let last = 0;
  HEADER_KEY.lastIndex = 0;
  for (let m = HEADER_KEY.exec(text); m; m = HEADER_KEY.exec(text)) {
    const key = m.index;
    let p = key;
    while (p > 0 && (text.charCodeAt(p - 1) === 32 || text.charCodeAt(p - 1) === 9)) p--;
    const before = p > 0 ? text.charCodeAt(p - 1) : -1;
    let start = -1;
    if ((before === 124 || before === 44) && p - 1 >= last) start = p - 1;
    else if ((p === 0 || isBreak(before)) && p >= last) start = p;
    else for (let t = Math.max(p, last); t < key && start < 0; t++) if (text.charCodeAt(t) === 9) start = t;
    if (start < 0) {
      HEADER_KEY.lastIndex = key + 1;
      continue;
    }
    starts.push(start);
    last = HEADER_KEY.lastIndex;
  }
  return starts;
}

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
  for (const at of headerCellStarts(ctx.text)) {
    let line = ctx.lines.lineOf(at);
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
