// Bytes → lines, in constant memory: chunks are decoded as they come (UTF-8, UTF-16 with a BOM, or GB18030 when
// the bytes that break UTF-8 are GB2312 Chinese, as logs written on Chinese Windows are), the partial last line is
// carried over to the next chunk, and nothing else is kept. The first chunk tells text from binary data and images.
import { TextDecoder } from 'util';
import { isImage } from '../ocr';

/** A line longer than this (characters) is handed on in pieces, so one huge line cannot exhaust memory. */
export const MAX_LINE_CHARS = 1024 * 1024;
/** Largest image read whole for OCR (bytes). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; bytes: number; lines: number; invalidUtf8At?: number; gb18030?: boolean }
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
  let gb18030 = false;
  /** The bytes of an unfinished UTF-8 sequence the last chunk ended with (held in the UTF-8 decoder). */
  let tail: Uint8Array = new Uint8Array(0);
  /** A lone byte ≥ 0x80 that ended the last chunk, held until the next one says whether it starts a GBK pair. */
  let held: Uint8Array = new Uint8Array(0);
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
    if (held.length) body = Buffer.concat([held, body]);
    const offset = bytes - held.length;
    held = new Uint8Array(0);
    let text: string;
    try {
      text = decoder.decode(body, { stream: true });
    } catch {
      // Not UTF-8. Chinese in GB2312 byte pairs is a GBK / GB18030 log: read the rest so (the bytes before were
      // ASCII, or UTF-8 would have failed sooner; a lead byte the last chunk ended with is read again). A lone lead
      // byte at the chunk's end waits for the next chunk to decide. Otherwise say where, then read on with
      // replacement characters so nothing after it is lost.
      const gbBody = tail.length ? Buffer.concat([tail, body]) : body;
      const gb = gb18030 || invalidUtf8At !== undefined ? 'no' : looksGb2312(gbBody);
      if (gb === 'undecided') {
        held = body.subarray(body.length - 1);
        decoder = new TextDecoder('utf-8', { fatal: true });
        text = decoder.decode(gbBody.subarray(0, gbBody.length - 1), { stream: true });
      } else if (gb === 'yes') {
        gb18030 = true;
        decoder = new TextDecoder('gb18030');
        text = decoder.decode(gbBody, { stream: true });
      } else {
        invalidUtf8At = offset - tail.length + firstInvalidUtf8(gbBody);
        decoder = new TextDecoder('utf-8');
        text = decoder.decode(gbBody, { stream: true });
      }
    }
    tail = gb18030 || held.length ? new Uint8Array(0) : unfinishedUtf8(body);
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
  if (held.length) {
    // The file ended on the lone byte: not UTF-8 after all.
    invalidUtf8At ??= bytes - held.length;
    carry += '\ufffd';
  }
  if (carry) onLine(carry.replace(/\r$/, ''), line);
  else if (bytes > 0) line--;
  return {
    kind: 'text',
    bytes,
    lines: bytes === 0 ? 0 : line,
    ...(invalidUtf8At !== undefined ? { invalidUtf8At } : {}),
    ...(gb18030 ? { gb18030 } : {}),
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

/**
 * 'yes' when every byte ≥ 0x80 pairs into a GB2312 character (lead 0xA1–0xF7, trail 0xA1–0xFE) and there is at
 * least one: Chinese as GBK / GB18030 write it. Latin-1 (é before a space, a letter) and random bytes are 'no'.
 * 'undecided': no pair yet, only a lead byte at the very end (a pair the chunk cut).
 */
export function looksGb2312(bytes: Uint8Array): 'yes' | 'no' | 'undecided' {
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (b < 0xa1 || b > 0xf7) return 'no';
    if (i + 1 === bytes.length) return pairs ? 'yes' : 'undecided';
    const t = bytes[++i];
    if (t < 0xa1 || t > 0xfe) return 'no';
    pairs++;
  }
  return pairs ? 'yes' : 'no';
}

/** The last bytes of `bytes` that start a UTF-8 sequence they do not finish (what a streaming decoder holds). */
function unfinishedUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}
