// Speed: a test on the raw line that says when codesFromPhrases (messages.ts) cannot find a phrase, before the
// line is normalised (normalizeMessage costs ~20 µs a log line; a stream batch asks it of every kept line).
//
// Why it is exact. normalizeMessage lower-cases the line, undoes OCR slips (1 and | read as l, 0 as o, between
// letters), drops IPs, `ipv6 …`, a rid tail, and turns every run of other characters than [a-z0-9_] and CJK
// into one space. Fold each character instead: A–Z to a–z, 0 to o, 1 to l, the rest as it is. On a line with
// none of what the tail and ipv6 replaces need (`fallback`), no `|`, no İ or K (U+0130, U+212A: the only
// characters that lower-case into ASCII letters, test/core/extract-phrase-gate.test.ts) and at most
// MAX_CLEAN characters (no cut), the words of the normalised line are the runs of word characters of the
// folded line, with its IPs replaced first as normalizeMessage replaces them (the IP pattern reads digits,
// dots and word boundaries, which lower-casing and collapsing spaces leave as they are there), each run folded
// the same way. A phrase starts at word i (with three words after it) only where
// fold(word i) is a folded first word and (fold(word i), fold(word i + 1)) a folded pair: when no run's hashes
// are in the hash sets of those, no phrase can be found. Any other line answers "maybe" and takes the full
// test (a hash that only collides costs that test, never an answer).

/** cleanErrmsg keeps the first 300 characters: a longer line may have a word cut. */
const MAX_CLEAN = 300;

export interface PhraseGate {
  /** What the tail and ipv6 replaces of normalizeMessage need (its guards), in one case-blind test. */
  fallback: RegExp;
  /** normalizeMessage's IP test and pattern. */
  ipLike: RegExp;
  ip: RegExp;
  /** Bit sets over hashes (wordHash) of the folded first words, and of the folded pairs (pairHash). */
  firsts: Uint8Array;
  pairs: Uint8Array;
  /** Scratch: the hash of each run of a line (a line of MAX_CLEAN characters has at most 150 runs). */
  hashes: Int32Array;
}

/** Hash-set size (bits): a false hit only sends a line to the full test. */
const BITS = 1 << 16;

function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 48) return 111;
  if (c === 49) return 108;
  return c;
}

const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 0x4e00 && c <= 0x9fff);

/** The hash of a folded word, one character at a time (the same steps as mayStartPhrase's loop). */
const step = (h: number, c: number) => (Math.imul(h, 31) + c) | 0;
const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) & (BITS - 1);

function wordHash(word: string): number {
  let h = 7;
  for (let i = 0; i < word.length; i++) h = step(h, foldCode(word.charCodeAt(i)));
  return h;
}

/** What normalizeMessage tests before its tail replace (TAIL_WORD) and its IP replace (IP_LIKE, IP). */
export interface Guards {
  tail: RegExp;
  ipLike: RegExp;
  ip: RegExp;
}

/** The gate of a phrase index: its first words and first-word pairs (`a b`), and normalizeMessage's guards. */
export function phraseGate(firsts: Iterable<string>, pairs: Iterable<string>, guards: Guards): PhraseGate {
  const gate: PhraseGate = {
    fallback: new RegExp(`${guards.tail.source}|ipv6`, 'i'),
    ipLike: guards.ipLike,
    ip: guards.ip,
    firsts: new Uint8Array(BITS),
    pairs: new Uint8Array(BITS),
    hashes: new Int32Array(MAX_CLEAN),
  };
  for (const w of firsts) gate.firsts[wordHash(w) & (BITS - 1)] = 1;
  for (const p of pairs) {
    const [a, b] = p.split(' ');
    gate.pairs[pairHash(wordHash(a), wordHash(b))] = 1;
  }
  return gate;
}

/** False only when codesFromPhrases finds nothing on the line (see the header); true means "ask it". */
export function mayStartPhrase(gate: PhraseGate, text: string): boolean {
  if (text.length > MAX_CLEAN) return true;
  const line = gate.ipLike.test(text) ? text.replace(gate.ip, ' ') : text;
  const { hashes } = gate;
  let runs = 0;
  let h = 7;
  let inRun = false;
  for (let i = 0; i < line.length; i++) {
    const raw = line.charCodeAt(i);
    if (raw === 124 || raw === 0x130 || raw === 0x212a) return true;
    const c = foldCode(raw);
    if (isWordCode(c)) {
      h = step(inRun ? h : 7, c);
      inRun = true;
    } else if (inRun) {
      hashes[runs++] = h;
      inRun = false;
    }
  }
  if (inRun) hashes[runs++] = h;
  for (let r = 0; r + 3 < runs; r++)
    if (gate.firsts[hashes[r] & (BITS - 1)] && gate.pairs[pairHash(hashes[r], hashes[r + 1])]) return true;
  return gate.fallback.test(text);
}
