import { parseErrnoTsv } from '../../catalog/parsers/errno-tsv';
import { parseFlatRst } from '../../catalog/parsers/flat-rst';
import { parseHtmlTable } from '../../catalog/parsers/html-table';
import { parseOfficialSections } from '../../catalog/parsers/official-sections';
import { parsePhpArray } from '../../catalog/parsers/php-array';
import { parseSpaceSections } from '../../catalog/parsers/space-sections';
import { sourceLines, sourceLinesWhere, sourceText } from '../helpers/sources';

const OFFICIAL = '001_41c214d88feefdf0.txt';

describe('official page (tab-separated sections)', () => {
  it('reads the 公共错误码 header and rows, keeping rows without Chinese', () => {
    const rows = parseOfficialSections(sourceLines(OFFICIAL, 14, 30), '001');
    expect(rows[0]).toMatchObject({
      code: '-1',
      en: 'system error',
      platform: '开放平台通用',
      section: '公共错误码',
    });
    const r61016 = rows.find((r) => r.code === '61016');
    expect(r61016).toMatchObject({ en: 'function category of API need be confirmed by component', zh: '' });
    // Line numbers count from the start of the text given: line 17 of the file is line 4 of the excerpt.
    expect(rows[0].line).toBe(4);
  });

  it('keeps rows with no English and moves Chinese found in the errmsg column to zh', () => {
    const rows = parseOfficialSections(sourceLines(OFFICIAL, 42, 48), '001');
    expect(rows.find((r) => r.code === '1003')).toMatchObject({ en: '', zh: 'POST参数非法' });
    const shop = parseOfficialSections(sourceLines(OFFICIAL, 1854, 1884), '001');
    const r = shop.find((x) => x.code === '10080000');
    expect(r).toMatchObject({ en: '', zh: '账号发起注销，进入注销公示期', platform: '微信小店' });
    expect(r?.fix).toContain('channels.weixin.qq.com/shop');
  });

  it('drops the stray trailing quote of 45035 and keeps the 解决方法 column as fix', () => {
    const rows = parseOfficialSections(sourceLines(OFFICIAL, 1854, 1884), '001');
    const r = rows.find((x) => x.code === '45035');
    expect(r?.en).toBe('access clientip is not registered, not in ip-white-list');
    expect(r?.fix).toBe('需要登录 channels.weixin.qq.com/shop 配置IP白名单');
  });

  it('keeps -40400x and both rows of -404011, and resolves footnote digits into notes', () => {
    const all = parseOfficialSections(sourceText(OFFICIAL), '001');
    const cloud = all.filter((r) => r.platform === '云开发');
    expect(cloud.find((r) => r.code === '-40400x')?.zh).toBe('SDK 云函数错误：云函数调用失败');
    expect(cloud.filter((r) => r.code === '-404011').map((r) => r.zh)).toEqual([
      'SDK 云函数错误：云函数调用失败：函数执行失败',
      'SDK 云函数错误：云函数执行失败',
    ]);
    const r = cloud.find((x) => x.code === '-404010');
    expect(r?.zh).toBe('SDK 云函数错误：云函数调用失败：轮询结果已超时过期');
    expect(r?.note).toMatch(/^常见原因：发起调用后客户端网络异常/);
  });

  it('splits the page into its nine sections and ignores the navigation footer', () => {
    const all = parseOfficialSections(sourceText(OFFICIAL), '001');
    const sections = [...new Set(all.map((r) => r.section))];
    expect(sections).toEqual([
      '公共错误码',
      '通用错误码',
      '微信小店',
      '视频号',
      '腾讯小微',
      '商业能力',
      '微信云开发',
      '微信云托管',
      '微信网关',
    ]);
    expect(all).toHaveLength(2030);
  });

  it('rejects a row whose first cell is not a code', () => {
    expect(() => parseOfficialSections('公共错误码\n错误码\t英文描述\t中文描述\nabc\tx\ty', '001')).toThrow(
      /not a code/,
    );
  });
});

describe('PHP array (seed 000)', () => {
  const text = sourceText('000_365373298a02a830.txt');
  const rows = parsePhpArray(text, '000');

  it('reads all 51 rows with their line numbers', () => {
    expect(rows).toHaveLength(51);
    expect(rows[0]).toMatchObject({ code: '-1', zh: '系统繁忙', platform: '第三方平台代小程序' });
  });

  it('keeps trailing comments as notes', () => {
    expect(rows.find((r) => r.code === '61023')?.note).toBe(
      'refresh_token is invalid hint: [xmQn1a08981466]',
    );
    expect(rows.find((r) => r.code === '85045')?.note).toBe('ext_json有不存在的路径');
  });

  it('joins text the blog wrapped with runs of spaces', () => {
    expect(rows.find((r) => r.code === '87012')?.zh).toContain('此版本为回退功能上线之前的版本');
    expect(rows.find((r) => r.code === '87013')?.zh).toBe('撤回次数达到上限（每天一次，每个月10次）');
  });
});

describe('HTML table (seed 002)', () => {
  const rows = parseHtmlTable(sourceText('002_80bf7a5f91bb0bf9.txt'), '002');
  it('reads 154 rows, Chinese only', () => {
    expect(rows).toHaveLength(154);
    expect(rows.find((r) => r.code === '40002')).toMatchObject({
      zh: '不合法的凭证类型',
      en: '',
      platform: '公众号',
    });
  });
  it('lifts an English errmsg in trailing parentheses into en', () => {
    expect(rows.find((r) => r.code === '61450')).toMatchObject({ zh: '系统错误', en: 'system error' });
    expect(rows.find((r) => r.code === '9001036')?.zh).toBe('查询起始值 begin 不合法');
  });
});

describe('flattened reStructuredText (seed 004)', () => {
  const rows = parseFlatRst(sourceText('004_5db3eff1bf217294.txt'), '004');
  it('splits 70 rows into code, English and Chinese', () => {
    expect(rows).toHaveLength(70);
    expect(rows[0]).toMatchObject({ code: '40001', en: 'invalid credential', zh: '不合法的调用凭证' });
    expect(rows.find((r) => r.code === '45002')).toMatchObject({
      en: 'content size out of limit',
      zh: 'content参数超过限制',
    });
    expect(rows.find((r) => r.code === '45007')?.zh).toBe('播放时间超过限制(语音为60s最大)');
    expect(rows[rows.length - 1]).toMatchObject({ code: '50001', en: 'api unauthorized', zh: '接口未授权' });
  });
});

describe('space-separated sections with string codes (seed 003)', () => {
  const rows = parseSpaceSections(sourceText('003_c104c6c75ec3ed17.txt'), '003');
  it('reads 79 rows on its own platform', () => {
    expect(rows).toHaveLength(79);
    expect(rows.every((r) => r.platform === '第三方账号平台（非微信）')).toBe(true);
  });
  it('splits description and 解决方案 of string codes, even with spaces inside English words', () => {
    expect(rows.find((r) => r.code === 'API_SYS_REQSIGN')).toMatchObject({
      zh: 'Signature签名错误',
      fix: '检查签名算法',
    });
    expect(rows.find((r) => r.code === 'SYS_ERR_USER')).toMatchObject({
      zh: '暂无用户Access Key信息',
      fix: '检查用户Access Key',
    });
  });
  it('reads numeric rows as English then Chinese', () => {
    expect(rows.find((r) => r.code === '40003')).toMatchObject({ en: 'missing scope', zh: '缺失scope参数' });
    expect(rows.find((r) => r.code === '40044')).toMatchObject({
      en: 'Access ABCD token no permission',
      zh: 'access_token无权限',
    });
  });
});

describe('errno TSV', () => {
  it('reads 295 rows with category sections', () => {
    const rows = parseErrnoTsv(sourceText('errno_miniprogram.tsv'), 'errno');
    expect(rows).toHaveLength(295);
    const r = rows.find((x) => x.code === '600002');
    expect(r).toMatchObject({ platform: '小程序客户端 errno', section: '06:网络' });
    expect(r?.en).toContain('url not in domain list');
  });
  it('refuses a file without the errno header', () => {
    expect(() =>
      parseErrnoTsv(sourceLinesWhere('errno_miniprogram.tsv', (l) => l.startsWith('6000')).join('\n'), 'x'),
    ).toThrow(/header/);
  });
});
