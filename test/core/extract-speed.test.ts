// The extractor's speed paths give the same answers as the plain code they replace: end-anchored patterns
// matched on a tail of the text only, char tests instead of a regex. Random strings over every character the
// patterns name (and others around them) compare both ways, so a pattern that later learns a new character
// without its tail set fails here.
import {
  endsWithSeparator,
  KEY_BEFORE,
  keyTail,
  WORD_BEFORE,
  wordTail,
} from '../../miniprogram/core/extract/numbers';
import { parseCodeToken } from '../../miniprogram/core/extract/text';
import { CASE_HEAD, KEY_HEAD, mayHoldHeads } from '../../miniprogram/core/extract/blocks';
import { DECLARATION, LISTING } from '../../miniprogram/core/extract/shapes';
import { LineIndex } from '../../miniprogram/core/extract/text';
import { readFileSync } from 'fs';
import { join } from 'path';
import { random } from '../../bench/random';

/**
 * Every printable ASCII character, full-width punctuation, CJK and the spaces JavaScript's \s knows, drawn
 * rarely; the characters the patterns name, often (so that keys, words and separators meet at the end).
 */
const RARE = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...'\t\n\r\v\f\u00a0\u2003\u3000\ufeff：（），。；【】错误码端口订单一龟',
];
const OFTEN = [...'aZ_5-中 \t)"\'\\][(=>:：（#.,/'];

function strings(count: number, seed: number): string[] {
  const r = random(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const length = Math.floor(r() * 16);
    for (let i = 0; i < length; i++) {
      const pool = r() < 0.2 ? RARE : OFTEN;
      s += pool[Math.floor(r() * pool.length)];
    }
    out.push(s);
  }
  return out;
}

const cases = strings(60000, 20261201);

test('KEY_BEFORE on the key tail finds what it finds on the whole text', () => {
  const differ = cases.filter((s) => KEY_BEFORE.exec(s)?.[1] !== KEY_BEFORE.exec(keyTail(s))?.[1]);
  expect(differ).toEqual([]);
  // The check is not empty: keys are found.
  expect(cases.filter((s) => KEY_BEFORE.test(s)).length).toBeGreaterThan(500);
});

test('WORD_BEFORE on the word tail finds what it finds on the whole text', () => {
  const differ = cases.filter((s) => WORD_BEFORE.exec(s)?.[1] !== WORD_BEFORE.exec(wordTail(s))?.[1]);
  expect(differ).toEqual([]);
  expect(cases.filter((s) => WORD_BEFORE.test(s)).length).toBeGreaterThan(10000);
});

test('endsWithSeparator is /[:=：>"\'([]\\s*$/', () => {
  const differ = cases.filter((s) => endsWithSeparator(s) !== /[:=：>"'([]\s*$/.test(s));
  expect(differ).toEqual([]);
});

test('parseCodeToken: plain numbers lose leading zeros, OCR slips still read', () => {
  expect(parseCodeToken('040001', 3)).toBe('40001');
  expect(parseCodeToken('-0404011', 3)).toBe('-404011');
  expect(parseCodeToken('000', 3)).toBe('0');
  expect(parseCodeToken('-0', 2)).toBe('-0');
  expect(parseCodeToken('-', 2)).toBeUndefined();
  expect(parseCodeToken('', 2)).toBeUndefined();
  expect(parseCodeToken('4OOO1', 2)).toBe('40001');
  expect(parseCodeToken('０４０００１', 3)).toBe('40001');
  expect(parseCodeToken('12a', 2)).toBeUndefined();
});

test('mayHoldHeads is the block-head test it replaces', () => {
  const HEADS = /\bcase[ \t]|["']?-?\d{4,7}["']?[ \t]*:[ \t]*[{[]?[ \t]*(?:\n|$)/;
  const r = random(20261202);
  const parts = [
    ...'0123456789',
    ':',
    ' ',
    '\t',
    '{',
    '[',
    '\n',
    '\r',
    '"',
    "'",
    '-',
    'case',
    'a',
    '_',
    'x',
    '：',
  ];
  const texts: string[] = [];
  for (let n = 0; n < 60000; n++) {
    let s = '';
    for (let i = Math.floor(r() * 24); i > 0; i--) s += parts[Math.floor(r() * parts.length)];
    texts.push(s);
  }
  expect(texts.filter((s) => mayHoldHeads(s) !== HEADS.test(s))).toEqual([]);
  // Not empty: both answers occur.
  expect(texts.filter((s) => HEADS.test(s)).length).toBeGreaterThan(1000);
  expect(texts.filter((s) => !HEADS.test(s)).length).toBeGreaterThan(1000);
});

test('LineIndex.lineStartMatches finds what matchAll finds, for every line-anchored pattern', () => {
  const r = random(20261203);
  const parts = [
    ...'0123456789',
    ...' \t\n\r\u2028:：|=>-#/*[]"\'(){},;.',
    'case ',
    '//',
    'const ',
    'NAME',
    '40001',
    '-404011',
    '无效',
    'ok',
    '\n"40001": {',
    '\n  40029\t',
    '\n  -1 => ',
    '\nE40001 = 40001',
    '\n  case 40001',
    '\ncase -1 || ',
  ];
  const texts: string[] = [];
  for (let n = 0; n < 20000; n++) {
    let s = '';
    for (let i = Math.floor(r() * 30); i > 0; i--) s += parts[Math.floor(r() * parts.length)];
    texts.push(s);
  }
  // Real text too: the fixtures, whose listings, enums and switch blocks these patterns are for.
  texts.push(readFileSync(join(__dirname, '../../bench/data/extract-fixtures.txt'), 'utf8'));
  const show = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => `${m.index}:${[...m].join('|')}`);
  for (const re of [CASE_HEAD, KEY_HEAD, DECLARATION, LISTING]) {
    const differ = texts.filter(
      (t) => show(new LineIndex(t).lineStartMatches(re)).join() !== show(t.matchAll(re)).join(),
    );
    expect(differ).toEqual([]);
    // Not empty: the sticky path (\n only) meets texts the pattern matches.
    const sticky = texts.filter((t) => new LineIndex(t).onlyNewlines && [...t.matchAll(re)].length > 0);
    expect(sticky.length).toBeGreaterThan(20);
  }
});
