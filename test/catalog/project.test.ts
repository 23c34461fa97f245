import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildCatalog, parseSources } from '../../catalog/build';
import { SEEN_ERRMSG_SOURCES } from '../../catalog/parsers/seen';
import { buildFullCatalog } from '../../catalog/generate';
import { applyProjectTexts } from '../../catalog/project/apply';
import { fakeIO } from '../helpers/cli-io';
import { checkCatalog, checkProblems, identifiers, missingIdentifiers } from '../../catalog/project/check';
import {
  loadProjectTexts,
  ProjectTextError,
  readAliases,
  type ProjectPaths,
  type ProjectTexts,
} from '../../catalog/project/load';
import { formatEntry, painter } from '../../cli/format';
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { entryAdvice } from '../../miniprogram/core/advice';
import { decodeCatalog, packCatalog } from '../../miniprogram/core/codec';
import type { CatalogData, Entry, Platform } from '../../miniprogram/core/types';

function entry(id: string, platform: Platform, en: string, zh: string): Entry {
  const code = id.split(':')[1];
  return {
    id,
    code,
    platform,
    en,
    zh,
    ...(en ? { enSource: '001' } : {}),
    ...(zh ? { zhSource: '001' } : {}),
    family: 'x',
    action: 'fix-request',
    texts: [{ en, zh, sources: [{ source: '001', row: 1, line: 1 }] }],
    sources: [{ source: '001', row: 1, line: 1 }],
  };
}

/** A small catalog: one English-only, one Chinese-only, one complete, and the non-WeChat platform's 40003. */
function synthetic(): CatalogData {
  return {
    version: 1,
    sources: [],
    entries: [
      entry('open:61003', '开放平台通用', 'component is not authorized by this account', ''),
      entry('open:40003', '开放平台通用', '', '不合法的 openid'),
      entry('mp:40003', '公众号', 'invalid openid', '不合法的OpenID'),
      entry('thirdparty:40003', '第三方账号平台（非微信）', 'missing scope', ''),
    ],
  };
}

const at = { file: 't.tsv', line: 2 };
const texts = (p: Partial<ProjectTexts>): ProjectTexts => ({ translations: [], notes: [], advice: [], ...p });

describe('project translations, notes and advice', () => {
  it('fills only a missing language and labels it as the project’s', () => {
    const data = synthetic();
    applyProjectTexts(
      data,
      texts({
        translations: [
          { ...at, id: 'open:61003', lang: 'zh', text: '该帐号未授权给此第三方平台（component）' },
          { ...at, id: 'open:40003', lang: 'en', text: 'invalid openid' },
        ],
      }),
    );
    const [a, b] = data.entries;
    expect(a).toMatchObject({ zhSource: 'wxerr', enSource: '001' });
    expect(b).toMatchObject({ en: 'invalid openid', enSource: 'wxerr', zhSource: '001' });
    // The official wording stays where it was: the translation is not a source text.
    expect(a.texts).toEqual(synthetic().entries[0].texts);
  });

  it('rejects a translation over an official text and one for an unknown id, listing both', () => {
    const data = synthetic();
    const run = () =>
      applyProjectTexts(
        data,
        texts({
          translations: [
            { ...at, id: 'mp:40003', lang: 'zh', text: '无效的 openid' },
            { ...at, line: 3, id: 'open:99999', lang: 'zh', text: '什么' },
            { ...at, line: 4, id: 'nope:1', lang: 'zh', text: '什么' },
          ],
        }),
      );
    expect(run).toThrow(ProjectTextError);
    try {
      run();
    } catch (e) {
      const problems = (e as ProjectTextError).problems;
      expect(problems).toHaveLength(3);
      expect(problems[0]).toMatch(/t\.tsv:2: mp:40003 already has an official zh text/);
      expect(problems[1]).toMatch(/no entry open:99999/);
      expect(problems[2]).toMatch(/unknown platform key "nope"/);
    }
  });

  it('applies advice by code to WeChat platforms only, and advice by id over advice by code', () => {
    const data = synthetic();
    applyProjectTexts(
      data,
      texts({
        advice: [
          { ...at, key: 'mp:40003', zh: '公众号专用', en: 'for mp' },
          { ...at, key: '40003', zh: '检查 openid', en: 'check the openid' },
        ],
      }),
    );
    const byId = Object.fromEntries(data.entries.map((e) => [e.id, e]));
    expect(byId['open:40003'].adviceEn).toBe('check the openid');
    expect(byId['mp:40003'].adviceEn).toBe('for mp');
    expect(byId['thirdparty:40003'].adviceEn).toBeUndefined();
    expect(entryAdvice(byId['thirdparty:40003']).kind).toBe('action');
    expect(() =>
      applyProjectTexts(synthetic(), texts({ advice: [{ ...at, key: '12345', zh: 'x', en: 'x' }] })),
    ).toThrow(/no WeChat entry has code 12345/);
  });

  it('strict check fails while a language is missing or an identifier was lost, and passes when complete', () => {
    const data = synthetic();
    expect(checkProblems(checkCatalog(data), false)).toEqual([]);
    const strict = checkProblems(checkCatalog(data), true);
    expect(strict.join('\n')).toMatch(/2 entries have no zh text: open:61003, thirdparty:40003/);
    expect(strict.join('\n')).toMatch(/1 entries have no en text: open:40003/);

    applyProjectTexts(
      data,
      texts({
        translations: [
          { ...at, id: 'open:61003', lang: 'zh', text: '该帐号未授权给此第三方平台' },
          { ...at, id: 'open:40003', lang: 'en', text: 'invalid openid' },
          { ...at, id: 'thirdparty:40003', lang: 'zh', text: '缺少 scope' },
        ],
      }),
    );
    expect(checkProblems(checkCatalog(data), true)).toEqual([]);

    data.entries[0].en = data.entries[0].texts[0].en = 'invalid component_appid, call getStableAccessToken';
    const gaps = checkProblems(checkCatalog(data), true);
    expect(gaps).toEqual([
      'open:61003 zh: identifiers lost in translation: component_appid, getStableAccessToken',
    ]);
  });

  it('flags a text that no source gives but is not labelled, even outside strict mode', () => {
    const data = synthetic();
    data.entries[0].zh = '偷偷写的';
    expect(checkProblems(checkCatalog(data), false)).toEqual([
      'open:61003 zh: text no source gives is not labelled "wxerr"',
    ]);
  });

  it('finds snake_case and camelCase identifiers, not ordinary words', () => {
    expect(
      identifiers('invalid component_appid or ext_json, use getStableAccessToken; access_token expired'),
    ).toEqual(['component_appid', 'ext_json', 'getStableAccessToken', 'access_token']);
    expect(identifiers('bonus is out of limit, see mp.weixin.qq.com')).toEqual([]);
    expect(missingIdentifiers('invalid ext_json', '无效的 ext_json')).toEqual([]);
    expect(missingIdentifiers('invalid ext_json', '无效的扩展配置')).toEqual(['ext_json']);
  });

  it('round-trips project fields through the compact bundle', () => {
    const data = synthetic();
    applyProjectTexts(
      data,
      texts({
        translations: [{ ...at, id: 'open:61003', lang: 'zh', text: '未授权' }],
        notes: [{ ...at, id: 'mp:40003', zh: '注', en: 'note' }],
        advice: [{ ...at, key: '40003', zh: '建议', en: 'advice' }],
      }),
    );
    const round = decodeCatalog(JSON.parse(JSON.stringify(packCatalog(data))));
    for (const e of round.entries) e.family = 'x'; // family is derived from the code on decode
    expect(round.entries).toEqual(data.entries);
  });
});

describe('project text files', () => {
  let dir: string;
  let paths: ProjectPaths;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-project-'));
    mkdirSync(join(dir, 'translations'));
    paths = {
      translations: join(dir, 'translations'),
      notes: join(dir, 'notes.tsv'),
      advice: join(dir, 'advice.tsv'),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads translations from every zh-*/en-* file, skipping comments and blank lines', () => {
    writeFileSync(join(paths.translations, 'zh-1.tsv'), 'id\tzh\n# comment\n\nopen:40034\t模板大小不合法\n');
    writeFileSync(join(paths.translations, 'en-2.tsv'), 'id\ten\nopen:1003\tinvalid POST parameter\n');
    const t = loadProjectTexts(paths);
    expect(
      t.translations.map((x) => `${x.lang} ${x.id} ${x.file.endsWith('zh-1.tsv') ? 'zh-1' : 'en-2'}`),
    ).toEqual(['en open:1003 en-2', 'zh open:40034 zh-1']);
  });

  it('rejects malformed lines, duplicate ids, bad headers and bad names with file and line', () => {
    writeFileSync(
      join(paths.translations, 'zh-1.tsv'),
      'id\tzh\nopen:40034\t模板大小不合法\nopen:40040\nopen:40041\t \n',
    );
    writeFileSync(join(paths.translations, 'zh-2.tsv'), 'id\tzh\nopen:40034\t重复\n40042\t无id前缀\n');
    writeFileSync(join(paths.translations, 'en-1.tsv'), 'id\tzh\n');
    writeFileSync(join(paths.translations, 'fr.tsv'), 'id\tfr\n');
    writeFileSync(paths.notes, 'id\tnoteZh\tnoteEn\nopen:40125\t注\tnote\nopen:40125\t注\tnote\n');
    writeFileSync(paths.advice, 'key\tadviceZh\tadviceEn\nabc\t建议\tadvice\n');
    let problems: string[] = [];
    try {
      loadProjectTexts(paths);
    } catch (e) {
      problems = (e as ProjectTextError).problems;
    }
    const text = problems.join('\n');
    expect(text).toMatch(/en-1\.tsv:1: header must be "id\\ten"/);
    expect(text).toMatch(/fr\.tsv: translation files must be named/);
    expect(text).toMatch(/zh-1\.tsv:3: expected 2 tab-separated cells, found 1/);
    expect(text).toMatch(/zh-1\.tsv:4: empty zh/);
    expect(text).toMatch(/zh-2\.tsv:2: duplicate zh translation of open:40034 \(first at .*zh-1\.tsv:2\)/);
    expect(text).toMatch(/zh-2\.tsv:3: malformed id "40042"/);
    expect(text).toMatch(/notes\.tsv:3: duplicate note for open:40125/);
    expect(text).toMatch(/advice\.tsv:2: malformed key "abc"/);
    expect(problems).toHaveLength(8);
  });

  it('builds without any project file (translators not started yet)', () => {
    rmSync(paths.translations, { recursive: true });
    const data = buildCatalog(parseSources(), loadProjectTexts(paths));
    expect(data.entries.some((e) => e.zhSource === 'wxerr' || e.adviceEn)).toBe(false);
  });
});

describe('the repository’s project texts', () => {
  const { data, report } = buildFullCatalog();
  const wechat = data.entries.filter((e) => !e.id.startsWith('thirdparty:'));

  it('reads in both languages for every entry, and the strict build check passes', () => {
    expect(data.entries.filter((e) => !e.zh || !e.en).map((e) => e.id)).toEqual([]);
    expect(() => buildFullCatalog({ strict: true })).not.toThrow();
  });

  it('labels every text no source gives', () => {
    expect(report.unlabeled).toEqual([]);
    for (const e of data.entries)
      for (const lang of ['zh', 'en'] as const)
        // A translation fills a language only seen errmsgs (wordings, not meanings) may have.
        if (e[`${lang}Source`] === 'wxerr')
          expect(
            e.texts.every((t) => !t[lang] || t.sources.every((r) => SEEN_ERRMSG_SOURCES.has(r.source))),
          ).toBe(true);
  });

  it('has notes on real discrepancies, in both languages', () => {
    const noted = data.entries.filter((e) => e.noteZh && e.noteEn);
    expect(noted.length).toBeGreaterThanOrEqual(25);
    expect(data.entries.find((e) => e.id === 'open:40125')?.noteEn).toMatch(/appsecret/i);
    expect(data.entries.find((e) => e.id === 'component:87013')?.noteZh).toMatch(/5/);
  });

  it('has specific advice for at least 150 WeChat codes and none for the non-WeChat platform by accident', () => {
    const codes = new Set(wechat.filter((e) => e.adviceZh && e.adviceEn).map((e) => e.code));
    expect(codes.size).toBeGreaterThanOrEqual(150);
    expect(data.entries.find((e) => e.id === 'thirdparty:40003')?.adviceEn).toBeUndefined();
  });

  it('shows project texts with a mark in the CLI', () => {
    const e = entry('open:61003', '开放平台通用', 'component is not authorized by this account', '');
    applyProjectTexts(
      { version: 1, sources: [], entries: [e] },
      texts({
        translations: [{ ...at, id: 'open:61003', lang: 'zh', text: '该帐号未授权给此第三方平台' }],
        notes: [{ ...at, id: 'open:61003', zh: '项目注释', en: 'a project note' }],
      }),
    );
    const out = formatEntry(e, painter(false));
    expect(out).toContain('该帐号未授权给此第三方平台 [wxerr 译]');
    expect(out).not.toContain('component is not authorized by this account (translated');
    expect(out).toMatch(/note \(wxerr\) 项目注释\n\s+a project note/);
    expect(out).toMatch(/advice \(wxerr, general\) /);
  });

  it('wxerr stats --json reports labels, missing counts, notes and advice that match the bundled catalog', async () => {
    const io = fakeIO();
    expect(await run(['stats', '--json'], io)).toBe(0);
    const stats = JSON.parse(io.stdout.join('\n')) as {
      entries: number;
      missing: { en: number; zh: number };
      labels: { en: Record<string, number>; zh: Record<string, number> };
      notes: number;
      advice: { entries: number; codes: number; actionClasses: number };
    };
    const entries = bundledCatalog().entries;
    for (const lang of ['en', 'zh'] as const) {
      const labelled = Object.values(stats.labels[lang]).reduce((a, b) => a + b, 0);
      expect(labelled + stats.missing[lang]).toBe(stats.entries);
      expect(stats.labels[lang].wxerr).toBe(entries.filter((e) => e[`${lang}Source`] === 'wxerr').length);
    }
    expect(stats.notes).toBe(entries.filter((e) => e.noteZh).length);
    expect(stats.advice.entries).toBe(entries.filter((e) => e.adviceZh).length);
    expect(stats.advice.actionClasses).toBe(9);
  });
});

describe('project texts on the issue-9 platforms', () => {
  /** The synthetic catalog plus WeCom's 40003 and one Pay entry with aliases. */
  function withNewPlatforms(): CatalogData {
    const data = synthetic();
    const pay = {
      ...entry('payv3:RATELIMIT_EXCEEDED', '微信支付 APIv3', 'Rate limit exceeded', '请求超过频率限制'),
    };
    pay.aliases = ['RATE_LIMITED', 'FREQUENCY_LIMITED'];
    data.entries.push(entry('wecom:40003', '企业微信', '', '无效的UserID'), pay);
    return data;
  }
  const group = {
    ...at,
    spellings: ['RATELIMIT_EXCEEDED', 'RATE_LIMITED', 'FREQUENCY_LIMITED'],
    zh: '合并说明',
    en: 'why merged',
  };

  it('never applies advice by bare code to WeCom, Pay or the client API', () => {
    const data = withNewPlatforms();
    applyProjectTexts(
      data,
      texts({ advice: [{ ...at, key: '40003', zh: '检查 openid', en: 'check the openid' }] }),
    );
    const byId = Object.fromEntries(data.entries.map((e) => [e.id, e]));
    expect(byId['mp:40003'].adviceEn).toBe('check the openid');
    expect(byId['wecom:40003'].adviceEn).toBeUndefined();
  });

  it('resolves Pay keys through any spelling, and puts an alias group note on its entries', () => {
    const data = withNewPlatforms();
    applyProjectTexts(
      data,
      texts({
        advice: [{ ...at, key: 'payv3:frequency_limited', zh: '降低频率', en: 'slow down' }],
        translations: [{ ...at, id: 'wecom:40003', lang: 'en', text: 'invalid UserID' }],
        aliases: [group],
      }),
    );
    const pay = data.entries.find((e) => e.id === 'payv3:RATELIMIT_EXCEEDED');
    expect(pay).toMatchObject({ adviceEn: 'slow down', noteZh: '合并说明', noteEn: 'why merged' });
    expect(data.entries.find((e) => e.id === 'wecom:40003')?.en).toBe('invalid UserID');
  });

  it('refuses a note for an entry that its alias group already notes', () => {
    const note = { ...at, id: 'payv3:RATE_LIMITED', zh: '另一条', en: 'another' };
    expect(() => applyProjectTexts(withNewPlatforms(), texts({ notes: [note], aliases: [group] }))).toThrow(
      /payv3:RATELIMIT_EXCEEDED has a second note/,
    );
  });

  it('puts the English of a Chinese-only fix on its entry, and refuses one for an entry without such a fix', () => {
    const data = withNewPlatforms();
    const wecom = data.entries.find((e) => e.id === 'wecom:40003') as Entry;
    wecom.fix = '检查 UserID';
    const fixTranslations = [
      { ...at, id: 'wecom:40003', text: 'check the UserID' },
      { file: 't.tsv', line: 3, id: 'mp:40003', text: 'no fix here' },
    ];
    expect(() => applyProjectTexts(data, texts({ fixTranslations }))).toThrow(
      /t\.tsv:3: mp:40003 has no Chinese-only fix to translate/,
    );
    expect(wecom.fixEn).toBe('check the UserID');
  });

  it('refuses two advice rows that name one Pay entry by different spellings', () => {
    const advice = [
      { ...at, key: 'payv3:FREQUENCY_LIMITED', zh: '降低频率', en: 'slow down' },
      { file: 't.tsv', line: 3, key: 'payv3:RATELIMIT_EXCEEDED', zh: '退避', en: 'back off' },
    ];
    expect(() => applyProjectTexts(withNewPlatforms(), texts({ advice }))).toThrow(
      /t\.tsv:3: payv3:RATELIMIT_EXCEEDED has a second advice \(the first at t\.tsv:2\)/,
    );
  });

  it('reads alias groups and refuses a spelling in two groups or a key that is not a list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-aliases-'));
    const path = join(dir, 'aliases.tsv');
    writeFileSync(
      path,
      'spellings\tnoteZh\tnoteEn\nNOT_ENOUGH,NOTENOUGH\t余额\tbalance\nNOTENOUGH,NO_MONEY\t重复\tagain\nSIGN ERROR\t签名\tsign\n',
    );
    const problems: string[] = [];
    const groups = readAliases(path, problems);
    rmSync(dir, { recursive: true, force: true });
    expect(groups.map((g) => g.spellings)).toEqual([['NOT_ENOUGH', 'NOTENOUGH']]);
    expect(problems.join('\n')).toMatch(/aliases\.tsv:3: NOTENOUGH already in the group at .*aliases\.tsv:2/);
    expect(problems.join('\n')).toMatch(/aliases\.tsv:4: malformed spellings "SIGN ERROR"/);
  });

  it('accepts ids whose code holds spaces or colons (Pay return messages, client errMsg)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-ids-'));
    mkdirSync(join(dir, 'translations'));
    writeFileSync(
      join(dir, 'translations', 'zh-1.tsv'),
      'id\tzh\nwxapi:requestPayment:fail cancel\t用户取消支付\npayv2:No Bill Exist\t账单不存在\n',
    );
    const t = loadProjectTexts({
      translations: join(dir, 'translations'),
      notes: join(dir, 'notes.tsv'),
      advice: join(dir, 'advice.tsv'),
      aliases: join(dir, 'aliases.tsv'),
    });
    rmSync(dir, { recursive: true, force: true });
    expect(t.translations.map((x) => x.id)).toEqual([
      'wxapi:requestPayment:fail cancel',
      'payv2:No Bill Exist',
    ]);
  });
});
