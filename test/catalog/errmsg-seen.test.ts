// The seen-errmsg sources (catalog/sources/*_errmsg_seen.tsv, docs/errmsg-seen.md): every row is a wording of
// its code's entry with the thread it was seen in, never a meaning that displaces an official text or the
// project's labelled translation; and a body copied from one of those threads is found on the right platform
// by the scan and by search.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseSources } from '../../catalog/build';
import { buildFullCatalog } from '../../catalog/generate';
import {
  parseCloudSeen,
  parsePaySeen,
  parseWecomSeen,
  SEEN_ERRMSG_SOURCES,
} from '../../catalog/parsers/seen';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { search } from '../../miniprogram/core/search';

const { data } = buildFullCatalog();
const byId = new Map(data.entries.map((e) => [e.id, e]));
const seenRows = parseSources().filter((p) => SEEN_ERRMSG_SOURCES.has(p.spec.id));
const catalog = bundledCatalog();
const sourcesDir = join(__dirname, '..', '..', 'catalog', 'sources');
const SEEN_FILES: Record<string, string> = {
  'wecom-seen': 'wecom_errmsg_seen.tsv',
  'cloud-seen': 'cloud_errmsg_seen.tsv',
  'pay-seen': 'wechatpay_errmsg_seen.tsv',
};

describe('seen-errmsg sources: provenance and accounting', () => {
  it('reads the three tables', () => {
    expect(seenRows.map((p) => [p.spec.id, p.rows.length])).toEqual([
      ['wecom-seen', 19],
      ['cloud-seen', 5],
      ['pay-seen', 8],
    ]);
  });

  it('keeps every row as a wording of the entry of its platform and code, naming its first thread', () => {
    for (const { rows } of seenRows)
      for (const row of rows) {
        const owners = data.entries.filter((e) =>
          e.sources.some((r) => r.source === row.source && r.row === row.row),
        );
        expect(owners).toHaveLength(1);
        const [entry] = owners;
        expect([entry.platform, entry.code]).toEqual([row.platform, row.code]);
        const text = entry.texts.find((t) =>
          t.sources.some((r) => r.source === row.source && r.row === row.row),
        );
        expect(text).toMatchObject({ en: row.en, zh: row.zh, note: row.note });
        expect(text?.note).toMatch(/^seen verbatim in github:[\w.-]+\/[\w.-]+#\d+/);
      }
  });

  it('creates an entry only for a code no official table has', () => {
    const created = data.entries
      .filter((e) => e.sources.every((r) => SEEN_ERRMSG_SOURCES.has(r.source)))
      .map((e) => e.id)
      .sort();
    expect(created).toEqual([
      'cloudbase:-501000',
      'cloudbase:-504003',
      // payv2:INVALID_REQUEST was created here until pay2-tradejs (an SDK table) gave the code.
      'payv2:OPENID_ERROR',
      'payv2:PROCESSING',
      'wecom:93019',
    ]);
    const kept = Object.fromEntries(data.sources.map((s) => [s.id, s.kept]));
    expect([kept['wecom-seen'], kept['cloud-seen'], kept['pay-seen']]).toEqual([1, 2, 2]);
  });

  it('never lets a seen errmsg displace the official text or the labelled translation', () => {
    // WeCom's official table is Chinese only: the English meaning stays the project's, the errmsg a wording.
    const wecom = byId.get('wecom:60020');
    expect(wecom).toMatchObject({ zh: '不安全的访问IP', zhSource: 'wecom', enSource: 'wxerr' });
    expect(wecom?.en).not.toBe('not allow to access from your ip');
    expect(wecom?.texts.map((t) => t.en)).toContain('not allow to access from your ip');
    // An official English text stays primary (cloud -404011 has Chinese official rows and a seen errMsg).
    expect(byId.get('cloudbase:-404011')).toMatchObject({ zhSource: '001', enSource: 'wxerr' });
    // Where the seen wording is the only text, it is the entry's text and names its source.
    expect(byId.get('cloudbase:-501000')).toMatchObject({
      en: 'FunctionName parameter could not be found.',
      enSource: 'cloud-seen',
      zhSource: 'wxerr',
    });
    expect(byId.get('payv2:OPENID_ERROR')).toMatchObject({ zh: 'openid和appid不匹配', enSource: 'wxerr' });
  });

  it('rejects a row whose threads are not named, miscounted or repeated', () => {
    const head = 'code\terrmsg\tthreads\tseen\n';
    expect(() => parseWecomSeen(`${head}60020\tx\t1\thttps://example.com\n`, 't')).toThrow(/seen must list/);
    expect(() => parseWecomSeen(`${head}60020\tx\t2\tgithub:a/b#1\n`, 't')).toThrow(/threads says 2/);
    expect(() => parseCloudSeen(`${head}-501000\tx\t2\tgithub:a/b#1 github:a/b#1\n`, 't')).toThrow(/twice/);
    expect(() => parseCloudSeen(`${head}-501000\t\t1\tgithub:a/b#1\n`, 't')).toThrow(/needs the errmsg/);
    expect(() =>
      parsePaySeen('version\tcode\terrmsg\tthreads\tseen\nv4\tX\t\t1\tgithub:a/b#1\n', 't'),
    ).toThrow(/v2 or v3/);
  });
});

/** Bodies copied verbatim from the threads the rows name, and where each belongs. */
const SEEN_BODIES: [source: string, thread: string, body: string, entryId: string, query: string][] = [
  [
    'wecom-seen',
    'github:overtrue/laravel-wechat#235',
    'Request access_token fail: {"errcode":41004,"errmsg":"corpsecret missing"}',
    'wecom:41004',
    'corpsecret missing',
  ],
  [
    'cloud-seen',
    'github:buhuia/xixili#1',
    'VM31 WAService.js:1 Error: cloud.callFunction:fail Error: errCode: -501000  | errMsg: FunctionName parameter could not be found. (callId: 1663981981628-0.32650654948825886) (trace: 9:13:1 start->9:13:2 system error (Error: errCode: -501000  | errMsg: FunctionName parameter could not be found.), abort)',
    'cloudbase:-501000',
    'FunctionName parameter could not be found',
  ],
  [
    'pay-seen',
    'github:binarywang/weixin-java-pay-demo#52',
    [
      '<return_code><![CDATA[SUCCESS]]></return_code>',
      '<return_msg><![CDATA[请求已受理，请稍后使用原单号查询发放结果]]></return_msg>',
      '<result_code><![CDATA[FAIL]]></result_code>',
      '<err_code><![CDATA[PROCESSING]]></err_code>',
      '<err_code_des><![CDATA[请求已受理，请稍后使用原单号查询发放结果]]></err_code_des>',
    ].join('\n'),
    'payv2:PROCESSING',
    '请求已受理，请稍后使用原单号查询发放结果',
  ],
];

describe('a body seen in a public thread is found on the right platform', () => {
  it.each(SEEN_BODIES)('%s (%s): the scan and search find it', (source, thread, body, entryId, query) => {
    const row = seenRows
      .flatMap((p) => p.rows)
      .find((r) => r.source === source && r.code === byId.get(entryId)?.code);
    // The thread the body was copied from is one that the row's source line lists.
    const file = readFileSync(join(sourcesDir, SEEN_FILES[source]), 'utf8');
    expect(file.split('\n').filter((l) => l.split('\t').includes(row?.code ?? '?'))).toEqual([
      expect.stringContaining(thread),
    ]);
    expect(row?.platform).toBe(byId.get(entryId)?.platform);
    expect(extractCodes(body).codes.map((c) => c.entryId)).toEqual([entryId]);
    expect(search(catalog, query)[0].entry.id).toBe(entryId);
  });

  it('a WeCom-only errmsg beside its code makes the code WeCom’s with no WeCom marker near', () => {
    // overtrue/laravel-wechat#235's title; the main platforms' 41004 is "appsecret missing".
    const [found] = extractCodes(
      'Request access_token fail: {"errcode":41004,"errmsg":"corpsecret missing"}',
    ).codes;
    expect(found).toMatchObject({ code: '41004', platform: 'wecom', context: 'WeCom errmsg' });
    expect(extractCodes('{"errcode":41004,"errmsg":"appsecret missing"}').codes[0].platform).not.toBe(
      'wecom',
    );
  });

  it('a three-word wording in prose counts near a WeCom marker, not without one', () => {
    // OneDragon-Anything/ZenlessZoneZero-OneDragon#1767, one of 93000's threads; then its tail alone.
    const line = '企业微信通知无效，测试时显示成功，但收不到消息，日志显示失败：invalid webhook url';
    expect(extractCodes(line).codes).toMatchObject([{ code: '93000', platform: 'wecom', inferred: true }]);
    expect(extractCodes('日志显示失败：invalid webhook url').codes).toEqual([]);
  });

  it('a short wording alone is not enough, nor is a look-alike of another service', () => {
    expect(extractCodes('invalid corpid').codes).toEqual([]);
    // TencentCloud/TIMSDK#470's log: an IM SDK's message, not WeCom's 60111.
    expect(extractCodes('code:100\nmsg:Error! Userid not found.').codes.map((c) => c.entryId)).not.toContain(
      'wecom:60111',
    );
  });
});
