// The client API auth-denial and privacy rows of wxapi_errmsg_observed.tsv (docs/wxapi-errmsg-observed.md):
// found by their errMsg however it is typed, each with the official page, the public source it was seen in,
// zh and en meanings and advice labelled as the project's.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { run } from '../../cli/index';
import { fakeIO } from '../helpers/cli-io';

const catalog = bundledCatalog();

const ADDED: [errMsg: string, seen: string, docPage: RegExp][] = [
  [
    'getLocation:fail auth deny',
    'github:2663272622/car:src/utils/location/index.ts',
    /open-ability\/authorize\.md$/,
  ],
  [
    'getLocation:fail:auth denied',
    'github:2663272622/car:src/utils/location/index.ts',
    /open-ability\/authorize\.md$/,
  ],
  [
    'getUserProfile:fail auth deny',
    'github:forwardNow/uni-shop:components/my-login/my-login.vue',
    /wx\.getUserProfile\.md$/,
  ],
  [
    'chooseAddress:fail auth deny',
    'github:ChuTingzj/uni-shop:components/my-address/my-address.vue',
    /authorize\.md$/,
  ],
  [
    'chooseAddress:fail authorize no response',
    'github:ChuTingzj/uni-shop:components/my-address/my-address.vue',
    /authorize\.md$/,
  ],
  [
    'getLocation:fail api scope is not declared in the privacy agreement',
    'github:baidumapapi/wxapp-jsapi#31',
    /user-privacy\/PrivacyAuthorize\.html$/,
  ],
];

describe('client API auth denials and privacy failures', () => {
  it.each(ADDED)(
    '%s: one client-API entry with doc, source, zh/en meaning and advice',
    (errMsg, seen, docPage) => {
      const [entry, ...rest] = catalog.lookup(errMsg);
      expect(rest).toEqual([]);
      expect(entry.id).toBe(`wxapi:${errMsg}`);
      expect(entry.doc).toMatch(docPage);
      expect(entry.texts[0].note).toBe(`seen verbatim in ${seen}`);
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en).toMatch(/^[A-Za-z]/);
      expect(entry.adviceZh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.adviceEn).toMatch(/^[A-Z]/);
    },
  );

  it('is found however the errMsg is typed', () => {
    expect(catalog.lookup('  GETLOCATION:FAIL   AUTH DENY ').map((e) => e.id)).toEqual([
      'wxapi:getLocation:fail auth deny',
    ]);
  });

  it('an auth denial points to wx.openSetting from a tap, never to a retry loop', () => {
    for (const errMsg of ['getLocation:fail auth deny', 'chooseAddress:fail auth deny']) {
      const advice = catalog.lookup(errMsg)[0].adviceEn ?? '';
      expect(advice).toContain('wx.openSetting from a tap');
      expect(advice).toContain('do not retry in a loop');
    }
  });

  it('wxerr looks one up and marks the translation and advice as the project’s', async () => {
    const io = fakeIO();
    expect(await run(['getUserProfile:fail auth deny'], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('getUserProfile:fail auth deny  小程序客户端 API');
    expect(out).toContain('[wxerr 译]');
    expect(out).toContain('advice (wxerr)');
    expect(out).toContain('wx.getUserProfile.md');
  });
});
