// OCR output as lines, and the repairs that work on one line at a time: spaces between CJK characters,
// full-width punctuation, letters read in place of digits, and the English digit pass merged in. Pure TS:
// the CLI's tesseract adapter and the mini-program's VisionKit adapter both feed their lines through here.
// No lookbehind in any regex (older iOS JavaScriptCore rejects it at parse time).

/** One line of recognised text; the box (pixels, any scale) when the engine gives one. */
export interface OcrLine {
  text: string;
  x0?: number;
  x1?: number;
  y0?: number;
  y1?: number;
}

const CJK_RANGE = '\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f';
const CJK_SPACE = new RegExp(`([${CJK_RANGE}]) +(?=[${CJK_RANGE}])`, 'g');

/**
 * Repairs what OCR typically does to one log line: spaces between CJK characters, full-width punctuation, and
 * letters read in place of digits inside numbers (O→0, l/I/|→1), only when digits are on both sides or a
 * number continues, so words are left alone; `weixin.qg.com` → `weixin.qq.com`.
 */
export function normalizeOcrLine(text: string): string {
  return (
    text
      .replace(CJK_SPACE, '$1')
      .replace(/：/g, ':')
      .replace(/，/g, ',')
      .replace(/[“”]/g, '"')
      .replace(/[‘’]/g, "'")
      .replace(/[－—–](?=\d)/g, '-')
      .replace(/(\d)([Oo]+)(?=\d)|(\d\d)([Oo]+)\b|\b([Oo]+)(?=\d\d)/g, (m, d1, o1, d2, o2, o3) =>
        digitsFor(m, d1 ?? d2, o1 ?? o2 ?? o3, '0'),
      )
      .replace(/(\d)([lI|]+)(?=\d)|(\d\d)([lI]+)\b|\b([lI]+)(?=\d\d)/g, (m, d1, o1, d2, o2, o3) =>
        digitsFor(m, d1 ?? d2, o1 ?? o2 ?? o3, '1'),
      )
      // WeChat's own hosts, whose `qq` OCR reads as `qg` in sans fonts (the WeCom help URL carries the code).
      .replace(/\bweixin\.(?:qg|gq|gg|q9|9q)\.com\b/g, 'weixin.qq.com')
      .replace(/[ \t]+$/, '')
  );
}

/** The matched digits kept, the letters after them turned into `digit`. */
function digitsFor(_m: string, lead: string | undefined, letters: string, digit: string): string {
  return (lead ?? '') + digit.repeat(letters.length);
}

/** normalizeOcrLine on every line of a text. */
export function normalizeOcrText(text: string): string {
  return text.split('\n').map(normalizeOcrLine).join('\n');
}

const NUMBER = /-?\d{3,}/g;

function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

const HAS_CJK = new RegExp(`[${CJK_RANGE}]`);

/** Whether two boxes cover the same span across (each covers at least 80 % of the other's width). */
function sameSpan(a: OcrLine, b: OcrLine): boolean {
  if (a.x0 === undefined || a.x1 === undefined || b.x0 === undefined || b.x1 === undefined) return false;
  const common = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return common >= 0.8 * (a.x1 - a.x0) && common >= 0.8 * (b.x1 - b.x0);
}

/**
 * With Chinese loaded, tesseract misreads digits in monospaced fonts (40164 → 46164) and Latin punctuation
 * (`{"errcode":` → `frerrcode":`); an English-only pass reads them right. Takes each line of the main pass
 * and, where the English pass read the same line (vertical overlap): a line with no Chinese in either reading
 * and the same span across is taken from the English pass whole; otherwise the English reading of each number
 * that matches one of the English line's numbers in order (same length, at most half of its digits
 * different) is swapped in. Lines keep the main pass's boxes.
 */
export function mergeDigitPass(main: OcrLine[], eng: OcrLine[]): OcrLine[] {
  return main.map((line) => {
    if (line.y0 === undefined || line.y1 === undefined) return line;
    const h = Math.max(1, line.y1 - line.y0);
    let best: OcrLine | undefined;
    let bestOverlap = 0.5;
    for (const e of eng) {
      if (e.y0 === undefined || e.y1 === undefined) continue;
      const overlap =
        (Math.min(line.y1, e.y1) - Math.max(line.y0, e.y0)) / Math.min(h, Math.max(1, e.y1 - e.y0));
      if (overlap > bestOverlap) {
        best = e;
        bestOverlap = overlap;
      }
    }
    if (!best) return line;
    if (!HAS_CJK.test(line.text) && !HAS_CJK.test(best.text) && sameSpan(line, best))
      return { ...line, text: best.text };
    const theirs = best.text.match(NUMBER) ?? [];
    let from = 0;
    const text = line.text.replace(NUMBER, (n) => {
      for (let k = from; k < theirs.length; k++) {
        if (theirs[k].length === n.length && hamming(theirs[k], n) <= Math.ceil(n.length / 2)) {
          from = k + 1;
          return theirs[k];
        }
      }
      return n;
    });
    return { ...line, text };
  });
}

/** Whether a character is CJK (ideograph, kana range, full-width form or CJK punctuation). */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3000 && c <= 0x303f)
  );
}
