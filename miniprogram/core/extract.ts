// Finds WeChat error codes in pasted text (logs, JSON bodies, stack traces, OCR output). Pure TypeScript.
// CONTRACT (scan page, CLI scan/annotate and the request wrapper rely on it): extractCodes(), FoundCode,
// ScanResult, MAX_SCAN_CHARS, ScanInputTooLarge. The matching below is a first version; the scan issue
// replaces the internals.

/** Largest text scanned at once (characters). Larger input gets a clear error, never a silent cut. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

export class ScanInputTooLarge extends Error {
  constructor(readonly size: number) {
    super(`text is ${size} characters; wxerr scans at most ${MAX_SCAN_CHARS} at once — split it`);
  }
}

export interface FoundCode {
  code: string;
  /** True when no number survived and the code was recognised from its errmsg. */
  inferred: boolean;
  /** The line of text the code was found in (trimmed, bounded length). */
  evidence: string;
  /** 1-based line number in the input. */
  line: number;
  /** The errmsg that goes with the code, without its rid tail. */
  errmsg?: string;
  /** Trace id of this error (rid: / hint: / req_id:). */
  rid?: string;
  /** Caller IP reported by 40164. */
  ip?: string;
}

export interface ScanResult {
  codes: FoundCode[];
  /** Every trace id seen in the text, in order, deduplicated. */
  rids: string[];
}

const KEYED = /["']?(?:errcode|errCode|err_code|errno)["']?\s*[:=]\s*["']?(-?\d{1,8})\b/g;
const RID = /\brid:\s*([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})/gi;

export function extractCodes(text: string): ScanResult {
  if (text.length > MAX_SCAN_CHARS) throw new ScanInputTooLarge(text.length);
  const codes: FoundCode[] = [];
  const rids: string[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const lineRids = [...lineText.matchAll(RID)].map((m) => m[1]);
    for (const r of lineRids) if (!rids.includes(r)) rids.push(r);
    for (const m of lineText.matchAll(KEYED)) {
      if (m[1] === '0') continue;
      codes.push({
        code: m[1],
        inferred: false,
        evidence: lineText.trim().slice(0, 300),
        line: i + 1,
        rid: lineRids[0],
      });
    }
  });
  return { codes, rids };
}
