// The scan prefilter loses nothing: every extract fixture (tuned and blind sets) and every snippet of the
// real-world corpora (bench/data/real, both parts and the tune2 harvest: this checks that the prefilter
// changes no answer, it does not score the extractor), read line by line through prefilter + extractor, gives
// exactly what the extractor alone gives on the whole text, platform attribution included.
import { readFileSync } from 'fs';
import { join } from 'path';
import { LineFilter, mayHoldCode, SKIPPED_LINE } from '../../cli/scan/prefilter';
import { extractCodes } from '../../miniprogram/core/extract';

const DATA = join(__dirname, '..', '..', 'bench', 'data');

/** Fixtures of one file: `=== name | codes` headers, text until the next header. */
function fixtures(file: string): { name: string; text: string }[] {
  return readFileSync(join(DATA, file), 'utf8')
    .split(/^=== /m)
    .slice(1)
    .map((part) => {
      const newline = part.indexOf('\n');
      return {
        name: part.slice(0, newline).split(' | ')[0],
        // The real corpus's `# why:` lines are the labeller's notes, not text.
        text: part
          .slice(newline + 1)
          .split('\n')
          .filter((line) => !line.startsWith('# why:'))
          .join('\n')
          .replace(/\n+$/, ''),
      };
    });
}

function prefiltered(text: string): string {
  const filter = new LineFilter();
  return text
    .split('\n')
    .map((line) => (filter.keep(line) ? line : SKIPPED_LINE))
    .join('\n');
}

const view = (text: string) => {
  const result = extractCodes(text);
  return {
    codes: result.codes.map((c) => ({
      code: c.code,
      inferred: c.inferred,
      line: c.line,
      errmsg: c.errmsg,
      rid: c.rid,
      ip: c.ip,
      n: c.occurrences,
      platform: c.platform,
      entryId: c.entryId,
    })),
    rids: result.rids,
  };
};

describe.each([
  'extract-fixtures.txt',
  'extract-fixtures-blind.txt',
  'real/snippets.txt',
  'real/snippets-tune2.txt',
  'real/snippets-tune2b.txt',
  'real/snippets-tune2c.txt',
  'real/snippets-tune2d.txt',
])('prefilter on %s', (file) => {
  const all = fixtures(file);
  it('has fixtures to check', () => expect(all.length).toBeGreaterThan(5));
  it.each(all.map((f) => [f.name, f.text]))('%s: same codes, lines, errmsgs and rids', (_name, text) => {
    expect(view(prefiltered(text))).toEqual(view(text));
  });
});

describe('mayHoldCode', () => {
  it('skips noise lines of the kinds big logs are made of', () => {
    const noise = [
      '2024-03-12 10:21:33.417  INFO 48213 --- [nio-8080-exec-7] c.e.shop.web.OrderController : GET /api/orders/8812 200 in 12 ms',
      '\tat com.example.shop.service.PayService.notify(PayService.java:142)',
      'GET /api/goods/123 200 12.345 ms - 532',
    ];
    for (const line of noise) expect(mayHoldCode(line)).toBe(false);
  });

  it('keeps what the extractor needs: keys, known codes, errmsg words, rids, markers, Chinese, blank lines', () => {
    const kept = [
      '{"errcode":40001}',
      'order failed with 40164 again',
      'got 4OOO1 from the server',
      'invalid credential, access_token is invalid or not latest',
      'rid: 65efc0ad-61c5d4a2-3a6b0a31',
      'calling qyapi.weixin.qq.com now',
      '接口调用超过限制',
      '| -1 | system busy |',
      '',
    ];
    for (const line of kept) expect(mayHoldCode(line)).toBe(true);
  });

  it('keeps the line after a key: a value may sit on the next line', () => {
    const filter = new LineFilter();
    expect(filter.keep('  ["errmsg"]=>')).toBe(true);
    expect(filter.keep('  string(13) "appid missing"')).toBe(true);
    expect(filter.keep('  string(13) "appid missing"')).toBe(false);
  });
});

describe('platform markers', () => {
  // A Pay SDK's exception: the code line alone says nothing of Pay; the stack frame below it does.
  const text = [
    '[tenpay] unifiedorder failed',
    '2024-05-02 10:11:12 POST /pay/unifiedorder 200 38ms',
    '{"code":"ORDERPAID","message":"该订单已支付"}',
  ].join('\n');
  it('keeps a line that only names the platform, so the codes near it keep their meaning', () => {
    expect(view(prefiltered(text))).toEqual(view(text));
  });
});
