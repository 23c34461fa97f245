// walk7: a support person forwards a screenshot of wxerr's own detail page. Scanned as any text, the 40125 page
// gave 40013 (named in the page's note) and the 40001 page an "inferred" 40001; the page names one entry, and
// core/own-page.ts gives that one, stated, on the platform the page shows.
// fixtures/ocr-detail-40125-dark.txt: what tesseract (cli/ocr.ts) read from `npm run preview:pages`'s
// detail-40125-note-dark.png, verbatim (the dot read as " - ", （ as 〈).
import { readFileSync } from 'fs';
import { join } from 'path';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { ownDetailPage } from '../../miniprogram/core/own-page';
import { PLATFORMS, platformLong } from '../../miniprogram/core/platforms';

const catalog = bundledCatalog();
const ocr40125 = readFileSync(join(__dirname, 'fixtures', 'ocr-detail-40125-dark.txt'), 'utf8');

describe('a screenshot of wxerr’s own detail page', () => {
  it('the 40125 page is 40125 on 开放平台通用, stated (the extractor alone says 40013)', () => {
    expect(extractCodes(ocr40125).codes.map((c) => c.code)).not.toContain('40125');
    const own = ownDetailPage(ocr40125, catalog);
    expect(own?.codes).toHaveLength(1);
    expect(own?.codes[0]).toMatchObject({
      code: '40125',
      inferred: false,
      entryId: 'open:40125',
      line: 3,
      evidence: '40125 - 通用',
    });
  });

  it('reads the title and platform line as OCR spells them, minus signs and other platforms included', () => {
    const page = (title: string, platform: string) => `9:41\n\n${title}\n\n-人 mem\n${platform}\n\n系统繁忙`;
    expect(
      ownDetailPage(page('-1 。通用', '通用〈微信开放平台) - WeChat Open Platform (common)'), catalog)
        ?.codes[0].entryId,
    ).toBe('open:-1');
    const wecom = catalog.lookup('60020').find((e) => e.platform === '企业微信');
    if (!wecom) throw new Error('catalog has no WeCom 60020');
    // Another platform: the page's title and platform line (long name · English name) for WeCom's 60020.
    const en = PLATFORMS.find((p) => p.name === wecom.platform)?.en ?? '';
    const line = `${platformLong(wecom.platform)} · ${en}`;
    expect(ownDetailPage(page('60020 · 企业微信', line), catalog)?.codes[0].entryId).toBe(wecom.id);
  });

  it('is not fooled by a log: a title-like line without the page’s platform line scans as usual', () => {
    expect(
      ownDetailPage('40001 - 通用\n{"errcode":40001,"errmsg":"invalid credential"}', catalog),
    ).toBeUndefined();
    expect(ownDetailPage('今天开始，授权时候一直报40029，invalid code的错误', catalog)).toBeUndefined();
    expect(
      ownDetailPage('99999 - 通用\n通用（微信开放平台） · WeChat Open Platform (common)', catalog),
    ).toBeUndefined();
  });
});

describe('the detail page since round 8 (the platform line in Chinese only)', () => {
  const page = (title: string, platform: string) =>
    `9:41\n\n${title}\n\n40164 配置\n${platform}\n\n调用方 IP 不在白名单`;
  it('reads the line with its small bracket misread, and a long name without a bracket', () => {
    // What tesseract read from docs/screenshots/detail-light.png: the grey 微信开放平台 came back as Latin.
    expect(ownDetailPage(page('40164 - 通用', '通用 (REFARTES)'), catalog)?.codes[0].entryId).toBe(
      'open:40164',
    );
    const wecom = catalog.lookup('60020').find((e) => e.platform === '企业微信');
    if (!wecom) throw new Error('catalog has no WeCom 60020');
    expect(ownDetailPage(page('60020 · 企业微信', '企业微信'), catalog)?.codes[0].entryId).toBe(wecom.id);
  });

  it('still needs the platform line: a title alone is any text', () => {
    expect(ownDetailPage(page('40164 - 通用', '配置问题'), catalog)).toBeUndefined();
  });
});
