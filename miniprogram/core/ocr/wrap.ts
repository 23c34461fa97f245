// Lines a screen wrapped, joined back into the lines that were written. A phone screenshot wraps long log
// lines: a chat bubble or a console at spaces, a terminal at the last column even inside a word, which splits
// codes (400|01), rids (…-7e6c|18da), keys (Er|rorCode) and Chinese words (错误|码) over two lines.
//
// A line is taken as wrapped when the next line starts at the left margin, follows without a gap and its first
// word would not have fitted after it within the widest line (the wrap width): the layout would have put it
// there otherwise. With boxes (tesseract) widths are pixels; without (VisionKit gives text only) they are
// half-width columns. A line that reaches the wrap width was cut wherever the screen ran out ("hard"); only
// then are two word fragments glued without a space, and only when the result is a digit/hex run, a rid, a
// URL or path, a key or a catalog Pay code.
import { isCjk, type OcrLine } from './lines';
import { textWidth } from '../width';

interface Placed {
  text: string;
  x0: number;
  x1: number;
  y0?: number;
  y1?: number;
  /** Width of one half-width column on this line. */
  charWidth: number;
}

function place(line: OcrLine): Placed {
  const text = line.text.trimEnd();
  if (line.x0 === undefined || line.x1 === undefined) {
    const indent = text.length - text.trimStart().length;
    return { text: text.trimStart(), x0: indent, x1: textWidth(text), charWidth: 1 };
  }
  const cols = Math.max(1, textWidth(text.trim()));
  return { ...line, text: text.trim(), x0: line.x0, x1: line.x1, charWidth: (line.x1 - line.x0) / cols };
}

/** The first unit the layout could not split: one CJK character, or the run up to a space or CJK. */
function firstWord(text: string): string {
  const first = text.charAt(0);
  if (isCjk(first)) return first;
  const m = /^[^\s\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/.exec(text);
  return m ? m[0] : first;
}

/** Keys and names whose halves on two lines must be glued back (`Er|rorCode`, `(cod|e: 42001)`, `r|id`). */
const KEY_ACROSS = /err_?code|error_?code|errmsg|errno|ret_?code|return_?code|code|rid|hint|req_?id/i;
const WORD_END = /[A-Za-z0-9_$]+$/;
const WORD_START = /^[A-Za-z0-9_]+/;
const HEX_END = /[0-9A-Fa-f]+$/;
const HEX_START = /^[0-9A-Fa-f]+/;
/** Closing punctuation never starts a line after a wrap; it belongs to the line before. */
const CLOSING = /^[)\]}>,.;:!?'"]/;

/** What goes between a wrapped line and its continuation: '' inside a word or CJK text, ' ' at a space. */
export function joiner(
  before: string,
  after: string,
  hard: boolean,
  isToken?: (s: string) => boolean,
): string {
  const p = before.charAt(before.length - 1);
  const n = after.charAt(0);
  if (isCjk(p) && isCjk(n)) return '';
  // A layout breaks after a hyphen (cgi-|bin) but never puts closing punctuation first on a line.
  if (CLOSING.test(after) || (p === '-' && /\w-$/.test(before) && /^\w/.test(after))) return '';
  // Inside a URL or a path (devt|ool/query?e=301002, gettoken?|corpid=): no space was there.
  const inPath = /[/\\]/.test(before.slice(before.lastIndexOf(' ') + 1));
  if (!hard) return inPath && /[?=&]/.test(p) ? '' : ' ';
  if (isCjk(p) || isCjk(n) || /[-_/\\=?&#]/.test(p)) return '';
  const tail = WORD_END.exec(before)?.[0];
  const head = WORD_START.exec(after)?.[0];
  if (!tail || !head) return ' ';
  if (inPath) return '';
  const hexTail = HEX_END.exec(before)?.[0] ?? '';
  const hexHead = HEX_START.exec(after)?.[0] ?? '';
  // A digit/hex run cut at the edge (a code, a rid segment, a hash): one run again when it holds a digit
  // (`40001` + `errmsg` is not one: the fragment after the cut must be all hex).
  if (hexTail === tail && hexHead === head && /\d/.test(tail + head)) return '';
  const word = tail.replace(/^\$/, '') + head;
  // A key cut in two: the word starts with the key and the key spans the cut (`for|id` stays apart).
  const key = KEY_ACROSS.exec(word);
  if (key && key.index === 0 && key[0].length > word.length - head.length) return '';
  return isToken?.(word) ? '' : ' ';
}

export interface JoinOptions {
  /** A word the catalog knows (a Pay code such as USERPAYING): its halves are glued at a hard wrap. */
  isToken?: (word: string) => boolean;
  /** Width of the image the boxes are in (pixels); none for text-only input. */
  width?: number;
}

/** A rid cut inside its last segment (`65d38b69-62497c5f-7e6c` + `18da`). */
const RID_TAIL = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{8}-[0-9a-fA-F]{1,7}$/;
/** The rest of the segment; at a line start OCR often reads 1 as I or l, 0 as O. */
const RID_HEAD = /^[0-9a-fA-FIlO|]{1,7}(?![0-9A-Za-z])/;

/** The continuation of a rid cut at the line end, its OCR letters read back as digits; else undefined. */
function ridRest(before: string, after: string): string | undefined {
  const tail = RID_TAIL.exec(before);
  const head = RID_HEAD.exec(after);
  if (!tail || !head || tail[0].length - 18 + head[0].length !== 8) return undefined;
  return head[0].replace(/[Il|]/g, '1').replace(/O/g, '0') + after.slice(head[0].length);
}

/**
 * Joins wrapped lines back. Lines are in reading order. A blank line is kept where the text had one (a gap of
 * more than one and a half line heights, or an empty line in text-only input).
 */
export function joinWrappedLines(lines: OcrLine[], options: JoinOptions = {}): string {
  const placed = lines.map(place);
  const written = placed.filter((l) => l.text !== '');
  if (written.length === 0) return '';
  const left = Math.min(...written.map((l) => l.x0));
  const right = Math.max(...written.map((l) => l.x1));
  // The widest line is only a wrap width when the layout shows one: two lines end there, or the text runs
  // across most of the screen (a phone wraps a chat bubble at about three quarters of its width). Otherwise
  // nothing fits after the widest line by definition, and only a cut rid is joined.
  const atEdge = written.filter((l) => l.x1 >= right - 1.5 * l.charWidth).length;
  const credible = atEdge >= 2 || (options.width !== undefined && right >= 0.65 * options.width);
  const out: string[] = [];
  let prev: Placed | undefined;
  for (const line of placed) {
    if (line.text === '') {
      if (prev) out.push('');
      prev = undefined;
      continue;
    }
    if (prev) {
      const gap = verticalGap(prev, line);
      if (gap === 'blank') out.push('');
      else if (gap === 'tight' && wrapped(prev, line, left, right)) {
        const rid = ridRest(out[out.length - 1], line.text);
        const hard = prev.x1 >= right - 1.2 * prev.charWidth;
        if (rid !== undefined) out[out.length - 1] += rid;
        else if (credible)
          out[out.length - 1] += joiner(out[out.length - 1], line.text, hard, options.isToken) + line.text;
        else out.push(line.text);
        prev = line;
        continue;
      }
    }
    out.push(line.text);
    prev = line;
  }
  return out.join('\n');
}

/** 'tight' for the next line of the same paragraph, 'blank' when an empty line lies between, else 'apart'. */
function verticalGap(a: Placed, b: Placed): 'tight' | 'apart' | 'blank' {
  if (a.y0 === undefined || a.y1 === undefined || b.y0 === undefined || b.y1 === undefined) return 'tight';
  const height = Math.max(a.y1 - a.y0, b.y1 - b.y0, 1);
  const gap = b.y0 - a.y1;
  if (gap > 1.5 * height) return 'blank';
  return gap < 0.8 * height ? 'tight' : 'apart';
}

function wrapped(a: Placed, b: Placed, left: number, right: number): boolean {
  const unit = Math.max(a.charWidth, b.charWidth);
  // The continuation of a wrapped line starts at the margin, or under the start of an indented block (a
  // quoted body); a line indented further was written so.
  if (b.x0 > left + unit && Math.abs(b.x0 - a.x0) > unit) return false;
  const next = textWidth(firstWord(b.text)) * b.charWidth;
  // A line shorter than half the wrap width was ended by hand, unless a long word (a URL, an id) came next.
  if (a.x1 - left < 0.5 * (right - left) && next < 0.5 * (right - left)) return false;
  return a.x1 + a.charWidth + next > right + 0.25 * unit;
}
