// The learned pass's candidates and features (extract/learned.ts candidatesOf) are the ones the weights were
// fitted on: its fast path (facts shared with the rules' pass, worked out once per line or code) must give what
// the old computation gives (test/helpers/learned-reference.ts), feature for feature and in the same key order,
// on every text the weights saw (fixtures, blind fixtures, tune batches) and on the speed bench's logs.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { scanWritten } from '../../miniprogram/core/extract';
import { candidatesOf, type Candidate } from '../../miniprogram/core/extract/learned';
import { messageIndex } from '../../miniprogram/core/extract/messages';
import { loadBlindFixtures, loadExtractFixtures } from '../../bench/data/extract-fixtures';
import { tuneBatches } from '../../bench/data/real/load';
import { buildLog, stampLines } from '../../bench/suites/extract';
import { referenceCandidatesOf } from '../helpers/learned-reference';

const catalog = bundledCatalog();
const index = messageIndex(catalog);

/** The candidates of a text by one computation, from a fresh run of the rules (no cache shared between them). */
function candidates(text: string, of: typeof candidatesOf): Candidate[] {
  const { ctx, scan } = scanWritten(text, catalog);
  const ignoredOffsets = new Set([...scan.ignored.values()].map((i) => i.start));
  return of(catalog, index, ctx, { hits: scan.hits, ignoredOffsets });
}

/** Texts whose candidates differ between the fast path and the reference (JSON: values and key order). */
function differing(texts: string[]): string[] {
  return texts.filter(
    (text) =>
      JSON.stringify(candidates(text, candidatesOf)) !==
      JSON.stringify(candidates(text, referenceCandidatesOf)),
  );
}

function expectSame(texts: string[]): void {
  const bad = differing(texts);
  // On a difference, the first one in full (toEqual shows which feature moved).
  if (bad.length) expect(candidates(bad[0], candidatesOf)).toEqual(candidates(bad[0], referenceCandidatesOf));
  expect(bad).toEqual([]);
}

describe('learned candidates: the fast path gives the reference features', () => {
  it('on the own and blind fixtures', () => {
    const texts = [...loadExtractFixtures(), ...loadBlindFixtures()].map((f) => f.text);
    expect(texts.length).toBeGreaterThan(250);
    expectSame(texts);
  });

  it('on every tune batch', () => {
    const texts = [...tuneBatches().flatMap(([, snippets]) => snippets)].map((s) => s.text);
    expect(texts.length).toBeGreaterThan(800);
    expectSame(texts);
  });

  it('on the speed bench’s logs, repeated lines and stamped ones', () => {
    const log = buildLog(loadExtractFixtures(), 120_000);
    const stamped = stampLines(log, log.length);
    expectSame([log.slice(0, 60_000), stamped.slice(0, 60_000), stamped.slice(60_000)]);
  });

  it('on markers the line-by-line and the whole-text passes read differently', () => {
    expectSame([
      // A marker broken over two lines (`rid\n:`): the text is marked whole, the fast path reads each line.
      '微信 errcode 40001 rid\n: 65bb65b7-402cd2bc-0d97216b\nerror 45009 again\nnext 40029 line',
      // Lower-case `qq小程序` (the line test ignores case; the Chinese pass does not), WxJava's shared text.
      'qq小程序 报错 40001\n\nWxErrorException: 错误代码：45009, 错误信息：api freq out of limit',
      // A foreign name glued to a WeChat one (blanking it leaves a word boundary), a line with two platforms.
      'dingtalkwx.login fail 40029\n企业微信 返回 60020，微信 返回 40001',
      '支付宝 alipay {"code":"40004"}\r\n\r\nwx.request errcode: 40164\r\n',
      // A repeated log whose lines hold markers (markers per distinct line).
      'wecom 40001 error\nwechat 40001 error\n'.repeat(40) + 'alipay 40001 error\n',
    ]);
  });
});
