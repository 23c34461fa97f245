// Audit 2026-12-01, line 24: a value filled into a fix must come from the code's own line or its own
// request block, never from another request's line. The log is the audit's fill.log (four answers, one per
// line, two of them after another request's line) plus a request logged before its pretty-printed answer.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ScanJson } from '../../cli/commands/scan';
import { run } from '../../cli/index';
import { ownBlock } from '../../miniprogram/core/fill';
import { fakeIO } from '../helpers/cli-io';

const LOG = [
  'WeCom gettoken {"errcode":60020,"errmsg":"not allow to access from your ip, hint: [1700000000_12_abc], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020"}',
  '{"errcode":40013,"errmsg":"invalid appid rid: 6601aa1b-3c4d5e6f-7a8b9c0d"} appid=wx1234567890abcdef',
  'POST /cgi-bin/message/custom/send {"errcode":48001,"errmsg":"api unauthorized rid: 6601aa1b-3c4d5e6f-7a8b9c0e"}',
  '{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6601aa1b-3c4d5e6f-7a8b9c0f"}',
  '',
  '2026-12-01 10:00:02 INFO POST https://api.weixin.qq.com/wxa/getwxacodeunlimit?access_token=ACCESS_TOKEN',
  '2026-12-01 10:00:02 INFO response:',
  '{',
  '  "errcode": 45009,',
  '  "errmsg": "reach max api daily quota limit rid: 6601aa1b-3c4d5e6f-7a8b9c10"',
  '}',
];

async function scanNext(lines: string[]): Promise<Map<string, string | undefined>> {
  const dir = mkdtempSync(join(tmpdir(), 'wxerr-fill-'));
  try {
    const file = join(dir, 'fill.log');
    writeFileSync(file, lines.join('\n'));
    const io = fakeIO();
    await run(['scan', file, '--json'], io);
    const json = JSON.parse(io.stdout.join('\n')) as ScanJson;
    return new Map(json.codes.map((c) => [c.code, c.next?.en]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('values come from the code’s own line: no appid or API path of the line above', async () => {
  const next = await scanNext(LOG.slice(0, 4));
  expect(next.get('60020')).toMatch(/^add 203\.0\.113\.7 to the app's trusted IPs/);
  expect(next.get('40013')).toMatch(/^check that wx1234567890abcdef is the right AppID/);
  // Before: "wx1234567890abcdef has no permission for /cgi-bin/message/custom/send" (the appid of 40013's line).
  expect(next.get('48001')).toMatch(/^the account has no permission for \/cgi-bin\/message\/custom\/send/);
  // Before: "the daily quota of /cgi-bin/message/custom/send" (48001's request). 45009's own line names no API.
  expect(next.get('45009')).toBeUndefined();
});

test('a request line above a pretty-printed answer is the answer’s own request', async () => {
  const next = await scanNext(LOG.slice(5));
  expect(next.get('45009')).toMatch(/^the daily quota of \/wxa\/getwxacodeunlimit is used up/);
});

test('ownBlock: own line first, then up to the request line; stops at another code and at a blank line', () => {
  expect(ownBlock(LOG, 3)).toBe(LOG[3]);
  expect(ownBlock(LOG, 2)).toBe(LOG[2]);
  expect(ownBlock(LOG, 8).split('\n')).toEqual([LOG[8], LOG[7], LOG[6], LOG[5]]);
  expect(ownBlock(['POST /cgi-bin/a', '', '{"errcode":45009}'], 2)).toBe('{"errcode":45009}');
});
