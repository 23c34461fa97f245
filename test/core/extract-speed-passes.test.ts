// Whole-text passes that the extractor narrows for speed find what the full pass finds: random texts built
// from the pieces each pattern names (and the fixtures), matched both ways. See docs/extract-history.md, 3e.
import { readFileSync } from 'fs';
import { join } from 'path';
import { random } from '../../bench/random';
import { WECOM_ASCII, wecomAsciiFor } from '../../miniprogram/core/extract/markers';
import { HEADER_CELL, headerCellStarts } from '../../miniprogram/core/extract/table';

const FIXTURES = readFileSync(join(__dirname, '../../bench/data/extract-fixtures.txt'), 'utf8');

/** `count` random texts of up to `pieces` pieces drawn from `parts`. */
function texts(parts: string[], count: number, seed: number, pieces = 12): string[] {
  const r = random(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let i = Math.floor(r() * pieces); i > 0; i--) s += parts[Math.floor(r() * parts.length)];
    out.push(s);
  }
  return out;
}

/** Every match with its offset (matchAll: a global pattern's lastIndex is left as it was). */
const show = (re: RegExp, t: string) => [...t.matchAll(re)].map((m) => `${m.index}:${m[0]}`).join('|');

test('the WeCom ASCII pass without ValidateCorpid finds what the full one finds', () => {
  const parts = [
    ...' _.-:\n\t[]*',
    'x',
    '9',
    'Validate',
    'Corpid',
    'ValidateCorpid',
    'validatecorpid',
    'VALIDATECORPID_Error',
    'qywx_',
    'qyab',
    'QYWX',
    'wecom',
    'suite_ticket',
    'hint: [1597733128',
    '1234567',
    'from ip:',
  ];
  const all = [...texts(parts, 30000, 20261206), FIXTURES];
  expect(all.filter((t) => show(wecomAsciiFor(t), t) !== show(WECOM_ASCII, t))).toEqual([]);
  // Not empty: the constant is matched, and the narrowed pattern is the one taken where it cannot be.
  expect(all.filter((t) => /validatecorpid/i.test(t) && show(WECOM_ASCII, t) !== '').length).toBeGreaterThan(
    1000,
  );
  expect(all.filter((t) => wecomAsciiFor(t) !== WECOM_ASCII && show(WECOM_ASCII, t)).length).toBeGreaterThan(
    1000,
  );
});

test('headerCellStarts is where HEADER_CELL matches start', () => {
  const parts = [
    ...'|,\t \n\rx_-:',
    '\u2028',
    'code',
    'Code',
    'errcode',
    'ERR_CODE',
    'error_code',
    'errorcode',
    'errno',
    'err_no',
    'ret_code',
    'retcode',
    'err',
    'or',
    '错误码',
    '错误代码',
    '返回码',
    '错误编号',
    '错误',
  ];
  const all = [...texts(parts, 60000, 20261207, 20), FIXTURES];
  const starts = (t: string) => [...t.matchAll(HEADER_CELL)].map((m) => m.index).join();
  expect(all.filter((t) => headerCellStarts(t).join() !== starts(t))).toEqual([]);
  // Not empty: cells after a separator, at a line start and after a tab all occur.
  expect(all.filter((t) => /(?:^|\n)[ \t]*code[ \t]*\|/i.test(t)).length).toBeGreaterThan(100);
  expect(all.filter((t) => /[^,|\n\r]\tcode,/i.test(t)).length).toBeGreaterThan(20);
  expect(headerCellStarts('x \t code|')).toEqual([2]);
  expect(all.filter((t) => starts(t) !== '').length).toBeGreaterThan(10000);
});
