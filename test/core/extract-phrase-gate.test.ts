// The phrase gate (extract/phrase-gate.ts) only skips lines where the full phrase test finds nothing: every
// line it turns away gives no phrase through the full test. Lines: the fixtures, the tune snippets, the speed
// benches' logs, and random lines built from catalog phrases with the changes normalizeMessage undoes (case,
// OCR slips, IPs, rid tails, punctuation, `|`, İ and K). See docs/extract-history.md, 3g.
import { random } from '../../bench/random';
import { loadBlindFixtures, loadExtractFixtures } from '../../bench/data/extract-fixtures';
import { loadRealCorpus, loadTuneFiles } from '../../bench/data/real/load';
import { buildLog, stampLines } from '../../bench/suites/extract';
import { generate } from '../../bench/suites/scan-stream';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import {
  codesFromPhrases,
  linePhraseGate,
  messageIndex,
  phrasesIn,
} from '../../miniprogram/core/extract/messages';
import { mayStartPhrase } from '../../miniprogram/core/extract/phrase-gate';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const index = messageIndex(bundledCatalog());
const gate = linePhraseGate(index);

/** Lines the gate turns away although the full test finds a phrase on them (must be none). */
const missed = (lines: string[]) =>
  lines.filter((l) => !mayStartPhrase(gate, l) && phrasesIn(index, l).length > 0);

test('only U+0130 and U+212A lower-case into the characters a normalised word is made of', () => {
  const word = /[a-z0-9_\u4e00-\u9fff]/;
  const found: number[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (cp >= 0x4e00 && cp <= 0x9fff) continue;
    if (word.test(String.fromCodePoint(cp).toLowerCase())) found.push(cp);
  }
  expect(found).toEqual([0x130, 0x212a]);
});

test('no fixture, tune or benchmark line the gate turns away holds a phrase', () => {
  const fixtures = [...loadExtractFixtures(), ...loadBlindFixtures()];
  const tune = [...loadRealCorpus().tune, ...loadTuneFiles()];
  const log = buildLog(loadExtractFixtures(), 256 * 1024);
  const dir = mkdtempSync(join(tmpdir(), 'wxerr-gate-'));
  let stream: string[];
  try {
    stream = readFileSync(generate(join(dir, 'app.log'), 2 * 1024 * 1024).file, 'utf8').split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = [
    ...[...fixtures, ...tune].flatMap((s) => s.text.split('\n')),
    ...stampLines(log, log.length).split('\n'),
    ...stream,
  ];
  expect(missed(lines)).toEqual([]);
  // It turns most log lines away (what it is for), and lets every line with a phrase through.
  const phrased = lines.filter((l) => phrasesIn(index, l).length > 0);
  expect(phrased.length).toBeGreaterThan(100);
  expect(phrased.every((l) => codesFromPhrases(index, l).length > 0)).toBe(true);
  expect(stream.filter((l) => !mayStartPhrase(gate, l)).length).toBeGreaterThan(stream.length * 0.7);
});

test('random lines of catalog phrases with the slips normalizeMessage undoes: none turned away wrongly', () => {
  const r = random(20261202);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const phrases = [...index.phrases.values()].flat().map((p) => p.words);
  const slip = (word: string) =>
    word
      .split('')
      .map((c) => {
        const x = r();
        if (c === 'l' && x < 0.15) return pick(['1', '|']);
        if (c === 'o' && x < 0.15) return '0';
        if (c === 'i' && x < 0.05) return pick(['\u0130', 'I']);
        if (c === 'k' && x < 0.2) return pick(['K', '\u212a']);
        return x < 0.3 ? c.toUpperCase() : c;
      })
      .join('');
  const gaps = [
    ' ',
    '  ',
    ', ',
    '-',
    '\t',
    '|',
    ' | ',
    '_',
    '.',
    ' 10.0.3.17 ',
    ' ipv6 ::1 ',
    '/',
    '"',
    '：',
    '，',
  ];
  const noise = [
    'GET',
    '/api/v1',
    '200',
    '2024-03-12',
    'rid: 65bb65b7-402cd2bc',
    'hint: [x]',
    '微信',
    'errmsg',
  ];
  const lines: string[] = [];
  for (let n = 0; n < 20000; n++) {
    const words = [...pick(phrases)];
    // Drop, double or swap a word now and then: near misses as well as phrases.
    if (r() < 0.2) words.splice(Math.floor(r() * words.length), 1);
    if (r() < 0.1) words.splice(1, 0, words[0]);
    const parts: string[] = [];
    for (let k = Math.floor(r() * 3); k > 0; k--) parts.push(pick(noise));
    for (const w of words) parts.push(slip(w), r() < 0.8 ? ' ' : pick(gaps));
    for (let k = Math.floor(r() * 3); k > 0; k--) parts.push(pick(noise), pick(gaps));
    let line = parts.join('');
    if (r() < 0.05) line = `${'x'.repeat(280)} ${line}`;
    lines.push(line);
  }
  expect(missed(lines)).toEqual([]);
  // The random lines do test it: many hold a phrase, and many of those are let through only by a fallback.
  const phrased = lines.filter((l) => phrasesIn(index, l).length > 0);
  expect(phrased.length).toBeGreaterThan(2000);
  expect(phrased.filter((l) => gate.fallback.test(l) || /[|\u0130\u212a]/.test(l)).length).toBeGreaterThan(
    200,
  );
});
