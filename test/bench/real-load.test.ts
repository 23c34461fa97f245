// The real-snippet loaders (bench/data/real/load.ts): the committed files parse as their headers say, and a
// second harvest that reuses an id or a source thread of snippets.txt, or writes a malformed label, is refused
// with a line naming the snippet (such a thread could carry held-out text into what is tuned on).
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  harvestsBefore,
  loadRealCorpus,
  loadTune2,
  loadTune3,
  loadTune4,
  loadTune5,
  loadTune6,
  TUNE2_FILES,
  TUNE3_FILES,
  TUNE4_FILES,
  TUNE5_FILES,
  TUNE6_FILES,
} from '../../bench/data/real/load';
import { sharedWithEarlier } from '../helpers/real-data';

describe('committed real corpora', () => {
  it('splits snippets.txt into 169 tune and 113 held snippets', () => {
    const corpus = loadRealCorpus();
    expect(corpus.tune).toHaveLength(169);
    expect(corpus.held).toHaveLength(113);
  });

  it('loads every tune2 file in order, each part alone when asked', () => {
    const parts = TUNE2_FILES.map((file) => loadTune2(undefined, [file]));
    expect(parts.map((p) => p.length > 0)).toEqual(TUNE2_FILES.map(() => true));
    expect(loadTune2()).toEqual(parts.flat());
  });

  it('loads tune2 with unique ids, at least 100 snippets and 30 negatives, every text non-empty', () => {
    const tune2 = loadTune2();
    expect(tune2.length).toBeGreaterThanOrEqual(100);
    expect(new Set(tune2.map((s) => s.id)).size).toBe(tune2.length);
    expect(tune2.filter((s) => s.explicit.length + s.implied.length === 0).length).toBeGreaterThanOrEqual(30);
    for (const s of tune2) {
      expect(s.text.trim()).not.toBe('');
      expect(s.source).toMatch(/^github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)$/);
      expect(s.text).not.toMatch(/^# why:/m);
    }
  });

  it('reads tune2 labels as written: explicit, implied (~) and platform suffixes', () => {
    const byId = new Map(loadTune2().map((s) => [s.id, s]));
    expect(byId.get('serverchan-issue-2-error-code-header-60111')?.explicit).toEqual(['60111@wecom']);
    expect(byId.get('wecom-sdk-issue-22-error-code-42001-40014')?.explicit).toEqual([
      '42001@wecom',
      '40014@wecom',
    ]);
    expect(byId.get('watch-life-issue-23-invalid-appsecret')).toMatchObject({
      explicit: [],
      implied: ['40125'],
    });
    expect(byId.get('neg-godingtalk-issue-5-40014')).toMatchObject({ explicit: [], implied: [] });
  });
});

describe('tune3, the third harvest', () => {
  it('loads at least 120 snippets and 40 negatives, none sharing an id or a thread with earlier files', () => {
    const tune3 = loadTune3();
    expect(tune3.length).toBeGreaterThanOrEqual(120);
    expect(tune3.filter((s) => s.explicit.length + s.implied.length === 0).length).toBeGreaterThanOrEqual(40);
    expect(sharedWithEarlier(tune3, harvestsBefore(TUNE3_FILES))).toEqual([]);
    for (const s of tune3) {
      expect(s.text.trim()).not.toBe('');
      expect(s.source).toMatch(/^github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)$/);
    }
  });

  it('reads a Pay code with a digit (NOT_UTF8) and WeCom crypto codes as written', () => {
    const byId = new Map(loadTune3().map((s) => [s.id, s]));
    expect(byId.get('wechat4j-pay-errorcode-comment-table')?.explicit).toContain('NOT_UTF8@pay');
    expect(byId.get('wechatpy-issue-799-minus-40005')?.explicit).toEqual(['-40005@wecom']);
    expect(byId.get('yansongda-pay-issue-965-appid-mchid')).toMatchObject({
      explicit: [],
      implied: ['APPID_MCHID_NOT_MATCH@pay'],
    });
  });
});

describe('tune4, the fourth harvest', () => {
  it('loads at least 120 snippets and 40 negatives, none sharing an id or a thread with earlier files', () => {
    const tune4 = loadTune4();
    expect(tune4.length).toBeGreaterThanOrEqual(120);
    expect(tune4.filter((s) => s.explicit.length + s.implied.length === 0).length).toBeGreaterThanOrEqual(40);
    expect(sharedWithEarlier(tune4, harvestsBefore(TUNE4_FILES))).toEqual([]);
    for (const s of tune4) {
      expect(s.text.trim()).not.toBe('');
      expect(s.source).toMatch(/^github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)$/);
    }
  });

  it('reads negative WeCom codes, implied WeCom wording and two-code labels as written', () => {
    const byId = new Map(loadTune4().map((s) => [s.id, s]));
    expect(byId.get('wechatpy-issue-516-wecom-dept-minus1')?.explicit).toEqual(['-1@wecom']);
    expect(byId.get('wxjava-pr-2253-suite-ticket-wording')).toMatchObject({
      explicit: [],
      implied: ['40085@wecom'],
    });
    expect(byId.get('chanxuehong-wechat-corp-error-go')?.explicit).toEqual(['42001@wecom', '42009@wecom']);
    expect(byId.get('openapi-demo-php-issue-5-dingtalk-40014')).toMatchObject({ explicit: [], implied: [] });
  });
});

describe('tune5, the fifth harvest', () => {
  it('loads at least 100 snippets, 70 with codes and at most 30 negatives, none from a thread earlier files hold', () => {
    const tune5 = loadTune5();
    expect(tune5.length).toBeGreaterThanOrEqual(100);
    const negatives = tune5.filter((s) => s.explicit.length + s.implied.length === 0).length;
    expect(tune5.length - negatives).toBeGreaterThanOrEqual(70);
    expect(negatives).toBeLessThanOrEqual(30);
    expect(sharedWithEarlier(tune5, harvestsBefore(TUNE5_FILES))).toEqual([]);
    for (const s of tune5) {
      expect(s.text.trim()).not.toBe('');
      expect(s.source).toMatch(/^github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)$/);
    }
  });

  it('reads errno, client errCode, finance-SDK and implied-only labels as written', () => {
    const byId = new Map(loadTune5().map((s) => [s.id, s]));
    expect(byId.get('washer-issue-14-errno-600009')?.explicit).toEqual(['600009']);
    expect(byId.get('wxadev-docs-createbleconnection-errors')?.explicit).toContain('10012@wxapi');
    expect(byId.get('weworkfinancesdk-py-issue-2-10008')?.explicit).toEqual(['10008@wecom']);
    expect(byId.get('thenbsp-wechat-issue-21-code-been-used')).toMatchObject({
      explicit: [],
      implied: ['40163'],
    });
    expect(byId.get('golibcookie-issue-12-app-error-40008')).toMatchObject({ explicit: [], implied: [] });
  });
});

describe('tune6, the sixth harvest', () => {
  it('loads at least 110 snippets, 70 with codes and 25 negatives, none from a thread earlier files hold', () => {
    const tune6 = loadTune6();
    expect(tune6.length).toBeGreaterThanOrEqual(110);
    const negatives = tune6.filter((s) => s.explicit.length + s.implied.length === 0).length;
    expect(tune6.length - negatives).toBeGreaterThanOrEqual(70);
    expect(negatives).toBeGreaterThanOrEqual(25);
    expect(sharedWithEarlier(tune6, harvestsBefore(TUNE6_FILES))).toEqual([]);
    for (const s of tune6) {
      expect(s.text.trim()).not.toBe('');
      expect(s.source).toMatch(/^github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)$/);
    }
  });

  it('reads client-API families, WeCom, implied-only and look-alike negatives as labelled', () => {
    const byId = new Map(loadTune6().map((s) => [s.id, s]));
    expect(byId.get('hotel-control-miniapp-wifi-error-code')?.explicit).toContain('12005@wxapi');
    expect(byId.get('uni-app-issue-4363-inner-audio-10001')?.explicit).toEqual(['10001@wxapi']);
    expect(byId.get('openclaw-plugin-wecom-issue-82-81013')?.explicit).toEqual(['81013@wecom']);
    expect(byId.get('wechat-public-account-push-issue-10-ip-40001')).toMatchObject({
      explicit: ['40001'],
      implied: ['40164'],
    });
    expect(byId.get('auth-center-mp-config-fix-invalid-appsecret')).toMatchObject({
      explicit: [],
      implied: ['40125'],
    });
    expect(byId.get('qcloud-docs-tcmpp-getbluetoothadapterstate')).toMatchObject({
      explicit: [],
      implied: [],
    });
    expect(byId.get('discord-username-sniper-issue-7-code-40001')).toMatchObject({
      explicit: [],
      implied: [],
    });
  });
});

describe('loadTune2 refuses a second harvest that overlaps snippets.txt', () => {
  let dir: string;
  const first = [
    '# header',
    '=== a-40001 | 40001 | github:owner/repo#1',
    '{"errcode":40001}',
    '=== b-none | - | github:owner/repo#2',
    'nothing',
    '',
  ].join('\n');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-real-'));
    writeFileSync(join(dir, 'snippets.txt'), first);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tune2 = (text: string) => {
    writeFileSync(join(dir, 'snippets-tune2.txt'), text);
    return () => loadTune2(dir);
  };

  it('accepts new ids from new threads', () => {
    const load = tune2('=== c-60111 | 60111@wecom,~40029 | github:owner/repo#3\nError-Code: 60111\n');
    expect(load()).toEqual([
      {
        id: 'c-60111',
        explicit: ['60111@wecom'],
        implied: ['40029'],
        source: 'github:owner/repo#3',
        text: 'Error-Code: 60111',
      },
    ]);
  });

  it('refuses a source thread that snippets.txt already quotes', () => {
    expect(tune2('=== c-again | 40001 | github:owner/repo#1\n40001\n')).toThrow(
      'snippets-tune2.txt: c-again quotes github:owner/repo#1, a thread an earlier file already holds',
    );
  });

  it('refuses a thread that the first tune2 file already quotes in the second', () => {
    writeFileSync(join(dir, 'snippets-tune2.txt'), '=== c | - | github:o/r#7\nx\n');
    writeFileSync(join(dir, 'snippets-tune2b.txt'), '=== d | - | github:o/r#7\ny\n');
    expect(() => loadTune2(dir)).toThrow('snippets-tune2b.txt: d quotes github:o/r#7');
  });

  it('refuses an id used in snippets.txt or twice in tune2', () => {
    expect(tune2('=== a-40001 | 40001 | github:owner/repo#9\n40001\n')).toThrow('id a-40001 is not unique');
    expect(tune2('=== c | - | github:o/r#7\nx\n=== c | - | github:o/r#8\ny\n')).toThrow('id c is not unique');
  });

  it('refuses a tune3 thread that a tune2 file already quotes', () => {
    writeFileSync(join(dir, 'snippets-tune2.txt'), '=== c | - | github:o/r#7\nx\n');
    writeFileSync(join(dir, 'snippets-tune3.txt'), '=== e | 40001 | github:o/r#7\ny\n');
    expect(() => loadTune3(dir)).toThrow('snippets-tune3.txt: e quotes github:o/r#7');
  });

  it('refuses a tune4 thread that tune3 already quotes', () => {
    writeFileSync(join(dir, 'snippets-tune3.txt'), '=== e | - | github:o/r#9\nx\n');
    writeFileSync(join(dir, 'snippets-tune4.txt'), '=== f | 40013 | github:o/r#9\ny\n');
    expect(() => loadTune4(dir)).toThrow('snippets-tune4.txt: f quotes github:o/r#9');
  });

  it('refuses a label that is not CODE[@platform]', () => {
    expect(tune2('=== c | 40001@wechat | github:o/r#7\nx\n')).toThrow('c has a label not of the form');
  });
});
