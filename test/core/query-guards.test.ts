// parseQuery and the foreign-service tests run a costly regex only when the text holds a substring every
// match of it needs (a regex compiles on first use: up to 2 ms in a fresh process without a JIT). A guard that
// missed a match would change answers; these check the guards against the regexes on the documented examples
// and on every tuned query (held real queries are never read here).
import {
  isRuntimeError,
  mayNameOtherCode,
  NOT_A_WECHAT_CODE,
  RUNTIME_ERROR,
} from '../../miniprogram/core/search/foreign';
import { foldChars } from '../../miniprogram/core/search/text';
import { queriesOf, realTuneQueries } from './query-sets';

/** The examples foreign.ts names for each kind of match. */
const OTHER_CODES = [
  '状态码：429',
  'http 502',
  'HTTP status code 500',
  'invalid status code: -1',
  '400 Bad Request',
  '错误码:404，错误原因:Not Found',
  '500 Server Error',
  '503 service unavailable',
  '504 Gateway Time-out',
  'Erreur 500',
  '[error] => 401',
  'exit code 1',
  'exit status 2',
];
const RUNTIME = [
  'TypeError: cannot read property',
  'KeyError: openid',
  'NullPointerException at line 3',
  "invalid character '<' looking for beginning of value",
  'UNIQUE constraint failed',
  'ssl error in _ssl.c:1123',
  'wx is not defined',
  'Error: Cannot find module ./x',
];

const CORPUS = [
  ...OTHER_CODES,
  ...RUNTIME,
  ...queriesOf('search-queries.json'),
  ...queriesOf('search-queries-blind.json'),
  ...realTuneQueries(),
  // Later real sets are tune-only files.
  ...['2', '3', '4'].flatMap((n) => queriesOf(`search-queries-real-${n}.json`)),
].map(foldChars);

describe('regex guards', () => {
  it('match the documented examples', () => {
    for (const q of OTHER_CODES.map(foldChars)) {
      expect(new RegExp(NOT_A_WECHAT_CODE.source).test(q)).toBe(true);
      expect(mayNameOtherCode(q)).toBe(true);
    }
    for (const q of RUNTIME.map(foldChars)) expect(isRuntimeError(q)).toBe(true);
  });

  it('never rule out a text the regex matches', () => {
    const other = new RegExp(NOT_A_WECHAT_CODE.source);
    let matched = 0;
    for (const q of CORPUS) {
      if (other.test(q)) {
        matched++;
        expect(mayNameOtherCode(q)).toBe(true);
      }
      expect(isRuntimeError(q)).toBe(RUNTIME_ERROR.test(q));
    }
    expect(matched).toBeGreaterThan(OTHER_CODES.length);
    expect(mayNameOtherCode('ip白名单')).toBe(false);
  });
});
