// OCR lines → the text the extractor scans: the English digit pass merged in, each line normalised, wrapped
// lines joined, and Pay codes whose underscore OCR read as a space restored. The one entry point for every
// OCR engine (cli/ocr.ts for tesseract, adapters/ocr.ts for VisionKit).
import { bundledCatalog, type Catalog } from '../catalog';
import { payEntries } from '../extract/attribute';
import { mergeDigitPass, normalizeOcrLine, type OcrLine } from './lines';
import { joinWrappedLines } from './wrap';

export interface RepairOptions {
  /** Lines of an English-only pass over the same image, whose numbers replace misread ones. */
  english?: OcrLine[];
  /** Catalog that says which words are Pay codes (default: the bundled one). */
  catalog?: Catalog;
  /** Width of the image the line boxes are in (pixels). */
  width?: number;
}

const isPayCode = (catalog: Catalog) => (word: string) =>
  /^[A-Z][A-Z0-9_]{3,}$/.test(word) && payEntries(catalog, word).length > 0;

/** `"PARAM ERROR"` → `"PARAM_ERROR"`: a quoted value of capital words that, joined by `_`, is a Pay code. */
const SPACED_CAPS = /(["'])([A-Z][A-Z0-9]*(?: {1,2}[A-Z][A-Z0-9]*)+)\1/g;

function restoreUnderscores(text: string, known: (word: string) => boolean): string {
  return text.replace(SPACED_CAPS, (m: string, quote: string, words: string) => {
    const joined = words.replace(/ +/g, '_');
    return known(joined) ? `${quote}${joined}${quote}` : m;
  });
}

/** The text of an image's OCR lines, repaired for scanning. */
export function repairOcrText(lines: OcrLine[], options: RepairOptions = {}): string {
  const catalog = options.catalog ?? bundledCatalog();
  const known = isPayCode(catalog);
  const merged = options.english ? mergeDigitPass(lines, options.english) : lines;
  const normalised = merged.map((l) => ({ ...l, text: normalizeOcrLine(l.text) }));
  return restoreUnderscores(joinWrappedLines(normalised, { isToken: known, width: options.width }), known);
}

/** Text-only engines (VisionKit gives each anchor's text, no boxes): the same repair on its lines. */
export function repairOcrPlainText(text: string, catalog?: Catalog): string {
  return repairOcrText(
    text.split('\n').map((t) => ({ text: t })),
    { catalog },
  );
}
