// Bytes → lines, in constant memory: chunks are decoded as they come (UTF-8, or UTF-16 with a BOM), the
// partial last line is carried over to the next chunk, and nothing else is kept. The first chunk tells text
// from binary data and images.
import { TextDecoder } from 'util';
import { isImage } from '../ocr';

/** A line longer than this (characters) is handed on in pieces, so one huge line cannot exhaust memory. */
export const MAX_LINE_CHARS = 1024 * 1024;
/** Largest image read whole for OCR (bytes). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; bytes: number; lines: number; invalidUtf8At?: number }
  | { kind: 'binary' }
  | { kind: 'image'; bytes: Buffer }
  | { kind: 'image-too-large'; bytes: number };

/** True when the start of a file looks like binary data: a NUL byte in the first 8000 bytes (as git decides). */
export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 8000).includes(0);
}

function decoderFor(head: Uint8Array): { decoder: TextDecoder; skip: number; utf8: boolean } {
  if (head[0] === 0xff && head[1] === 0xfe)
    return { decoder: new TextDecoder('utf-16le'), skip: 2, utf8: false };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { decoder: new TextDecoder('utf-16be'), skip: 2, utf8: false };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return { decoder: new TextDecoder('utf-8', { fatal: true }), skip: bom, utf8: true };
}

/**
 * Reads a byte stream and calls onLine for every line (1-based line numbers; a line longer than
 * MAX_LINE_CHARS comes in several pieces with the same number). Binary data and images stop at the first chunk.
 */
export async function readLines(
  chunks: AsyncIterable<Buffer | string>,
  onLine: (text: string, line: number) => void,
  /** Called after each chunk's lines; reading waits for the promise it returns (the scan's threads catching up). */
  pace?: () => Promise<void> | undefined,
): Promise<ReadOutcome> {
  let decoder: TextDecoder | undefined;
  let invalidUtf8At: number | undefined;
  let carry = '';
  let line = 1;
  let bytes = 0;
  let image: Buffer[] | undefined;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (image) {
      image.push(chunk);
      bytes += chunk.length;
      if (bytes > MAX_IMAGE_BYTES) return { kind: 'image-too-large', bytes };
      continue;
    }
    let body: Uint8Array = chunk;
    if (!decoder) {
      if (isImage(chunk)) {
        image = [chunk];
        bytes = chunk.length;
        continue;
      }
      const chosen = decoderFor(chunk);
      if (chosen.utf8 && looksBinary(chunk)) return { kind: 'binary' };
      decoder = chosen.decoder;
      body = chunk.subarray(chosen.skip);
    }
    let text: string;
    try {
      text = decoder.decode(body, { stream: true });
    } catch {
      // Invalid UTF-8: say where, then read on with replacement characters so nothing after it is lost.
      invalidUtf8At = bytes + firstInvalidUtf8(body);
      decoder = new TextDecoder('utf-8');
      text = decoder.decode(body, { stream: true });
    }
    bytes += chunk.length;
    carry = emit(
      carry + text,
      onLine,
      () => line++,
      () => line,
    );
    const wait = pace?.();
    if (wait) await wait;
  }
  if (image) return { kind: 'image', bytes: Buffer.concat(image) };
  if (decoder) carry += decoder.decode();
  if (carry) onLine(carry.replace(/\r$/, ''), line);
  else if (bytes > 0) line--;
  return {
    kind: 'text',
    bytes,
    lines: bytes === 0 ? 0 : line,
    ...(invalidUtf8At !== undefined ? { invalidUtf8At } : {}),
  };
}

/** Calls onLine for each complete line of `text`; returns the unfinished rest. */
function emit(
  text: string,
  onLine: (text: string, line: number) => void,
  next: () => number,
  current: () => number,
): string {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    onLine(text.slice(start, end), next());
    start = nl + 1;
  }
  let rest = text.slice(start);
  while (rest.length > MAX_LINE_CHARS) {
    onLine(rest.slice(0, MAX_LINE_CHARS), current());
    rest = rest.slice(MAX_LINE_CHARS);
  }
  return rest;
}

/** Offset of the first byte that breaks UTF-8 in `bytes` (0 when the break is a sequence cut at the start). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const size =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      if (i + k >= bytes.length) return 0;
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += size;
  }
  return 0;
}
