import { parseErrnoTsv } from '../../catalog/parsers/errno-tsv';
import { parseMiniprogramExtra } from '../../catalog/parsers/miniprogram-extra';
import {
  parsePayV2Wxjava,
  parsePayV3Common,
  parsePayV3Go,
  parsePayV3HttpStatus,
  parsePayV3Senparc,
} from '../../catalog/parsers/wechatpay';
import { parseWecomGoWorkwx, parseWecomWxjava } from '../../catalog/parsers/wecom';
import { parseWxapiErrors } from '../../catalog/parsers/wxapi';
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

/** The header line and the rows of a TSV source whose first cells are `keys` (real lines of the file). */
function tsvExcerpt(file: string, keys: string[], column = 0): string {
  const rows = sourceLinesWhere(file, (l) => keys.includes(l.split('\t')[column]));
  return [sourceLines(file, 1, 1), ...rows].join('\n');
}

describe('企业微信 tables', () => {
  const GO = 'wecom_errcodes_go-workwx.tsv';
  const JAVA = 'wecom_errcodes_wxjava_WxCpErrorMsgEnum.tsv';

  it('reads go-workwx: title, a short 排查方法 cell as fix, "-" and [查看帮助] as no fix, the first link as doc', () => {
    const rows = parseWecomGoWorkwx(tsvExcerpt(GO, ['-1', '40001', '40007', '49004', '60020']), 'wecom');
    expect(rows.map((r) => r.code)).toEqual(['-1', '40001', '40007', '49004', '60020']);
    expect(rows[0]).toMatchObject({ platform: '企业微信', zh: '系统繁忙', en: '' });
    expect(rows[0].fix).toBe('服务器暂不可用，建议稍候重试。建议重试次数不超过3次。');
    const r40001 = rows[1];
    expect(r40001).toMatchObject({ zh: '不合法的secret参数', line: 3 });
    expect(r40001.fix).toBeUndefined();
    expect(r40001.doc).toMatch(/^https:\/\/developer\.work\.weixin\.qq\.com\/document\/path\/90313#.*40001$/);
    // 40007 names four links: the first (its own help) is the doc.
    expect(rows[2].doc).toMatch(/40007$/);
    expect(rows[3].fix).toBeUndefined();
  });

  it('reads all 1,251 go-workwx rows and refuses the original file with its long help column', () => {
    expect(parseWecomGoWorkwx(sourceText(GO), 'wecom')).toHaveLength(1251);
    const original = [
      'code\tzh_title\tzh_troubleshooting\tzh_troubleshooting_detail\tlinks',
      '0\t请求成功\t\t\t',
    ];
    expect(() => parseWecomGoWorkwx(original.join('\n'), 'wecom')).toThrow(/expected the header/);
  });

  it('splits the WxJava cell on the first full-width semicolon into title and fix', () => {
    const rows = parseWecomWxjava(tsvExcerpt(JAVA, ['40001', '40003', '60020', '301069']), 'wecom-wxjava');
    expect(rows[0]).toMatchObject({
      code: '40001',
      zh: '不合法的secret参数',
      fix: 'secret在应用详情/通讯录管理助手可查看',
    });
    expect(rows[1]).toMatchObject({ code: '40003', zh: '无效的UserID' });
    expect(rows[1].fix).toBeUndefined();
    expect(rows[2]).toMatchObject({
      zh: '访问ip不在白名单之中',
      fix: '请确认访问ip是否在服务商白名单IP列表',
    });
    expect(rows[3]).toMatchObject({ code: '301069', zh: '输入userid无对应成员' });
    expect(parseWecomWxjava(sourceText(JAVA), 'wecom-wxjava')).toHaveLength(281);
  });
});

describe('微信支付 tables', () => {
  it('reads the APIv3 status table: a typical code keeps its row, a status without one is HTTP_<status>', () => {
    const rows = parsePayV3HttpStatus(sourceText('wechatpay_v3_http_status_official.tsv'), 'pay3-http');
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.code)).toEqual([
      'HTTP_200',
      'HTTP_202',
      'HTTP_204',
      'PARAM_ERROR',
      'SIGN_ERROR',
      'NO_AUTH',
      'ORDER_NOT_EXIST',
      'HTTP_405',
      'RATELIMIT_EXCEEDED',
      'SYSTEM_ERROR',
      'SERVICE_UNAVAILABLE',
      'SERVICE_UNAVAILABLE',
    ]);
    expect(rows[8]).toMatchObject({ http: 429, zh: '请求超过频率限制', en: 'Rate limit exceeded' });
    expect(rows[8].note).toMatch(/RATE_LIMITED/);
  });

  it('reads the 公共错误码, carrying the page named once to the rows that say "same"', () => {
    const rows = parsePayV3Common(sourceText('wechatpay_v3_common_codes_official.tsv'), 'pay3-common');
    expect(rows.map((r) => `${r.code} ${r.zh}`)).toEqual([
      'PARAM_ERROR 参数错误',
      'INVALID_REQUEST HTTP 请求不符合微信支付 APIv3 接口规则',
      'SIGN_ERROR 验证不通过',
      'SYSTEM_ERROR 系统异常，请稍后重试',
    ]);
    const page = 'https://pay.weixin.qq.com/docs/merchant/development/interface-rules/basic-rules.html';
    expect(rows.every((r) => r.doc === page)).toBe(true);
  });

  it('reads Senparc rows with status, description, solution and the file note', () => {
    const file = 'wechatpay_v3_errcodes_senparc_TenPayApiResultCode.tsv';
    const rows = parsePayV3Senparc(tsvExcerpt(file, ['USERPAYING', 'ORDER_NOT_EXIST'], 1), 'pay3-senparc');
    expect(rows[0]).toMatchObject({ code: 'USERPAYING', http: 202, zh: '用户支付中，需要输入密码' });
    expect(rows[0].fix).toMatch(/^等待5秒/);
    expect(rows[1]).toMatchObject({ code: 'ORDER_NOT_EXIST', http: 404 });
    expect(rows[1].note).toMatch(/ORDER_NO_TEXIST/);
  });

  it('reads the Go SDK rows per API: the service package, the cause as note, rows without a status', () => {
    const file = 'wechatpay_v3_errcodes_wechatpay-go_comments.tsv';
    const rows = parsePayV3Go(tsvExcerpt(file, ['NOT_ENOUGH'], 1), 'pay3-go');
    expect(rows.map((r) => `${r.api} ${r.http ?? '-'} ${r.zh}`)).toEqual([
      'profitsharing 403 分账金额不足',
      'profitsharing 403 分账金额为0',
      'refunddomestic - 余额不足',
    ]);
    expect(rows[0]).toMatchObject({
      note: '传入的分账金额超过了当前订单的剩余可分金额',
      fix: '调整分账金额',
    });
    expect(parsePayV3Go(sourceText(file), 'pay3-go')).toHaveLength(49);
  });

  it('reads APIv2 rows per API, keeping code-only rows and return messages with spaces', () => {
    const file = 'wechatpay_v2_errcodes_wxjava_WxPayErrorCode.tsv';
    const rows = parsePayV2Wxjava(sourceText(file), 'pay2-wxjava');
    expect(rows).toHaveLength(57);
    const notenough = rows.filter((r) => r.code === 'NOTENOUGH');
    expect(notenough.map((r) => `${r.api} ${r.note}`)).toEqual([
      'UnifiedOrder 用户帐号余额不足',
      'Refund 商户可用退款余额不足',
    ]);
    expect(rows.find((r) => r.code === 'TRADE_STATE_ERROR')).toMatchObject({
      api: 'OrderClose',
      zh: '',
      en: '',
    });
    // A cause that repeats the description is not kept twice.
    expect(rows.find((r) => r.code === 'XML_FORMAT_ERROR')?.note).toBeUndefined();
    expect(rows.find((r) => r.code === 'No Bill Exist')).toMatchObject({
      api: 'DownloadBill',
      zh: '账单不存在',
    });
  });

  it('refuses a row whose code is not a Pay code', () => {
    const text = 'api_group\terr_code\tzh_desc\tzh_cause\tzh_solution\nUnifiedOrder\t账单\tx\ty\tz';
    expect(() => parsePayV2Wxjava(text, 'pay2-wxjava')).toThrow(/not a Pay code/);
  });
});

describe('mini-program codes missing from the seeds', () => {
  it('reads 31 rows on 开放平台通用 with the official wording first and the first doc page', () => {
    const rows = parseMiniprogramExtra(sourceText('miniprogram_missing_codes.tsv'), 'mp-extra');
    expect(rows).toHaveLength(31);
    expect(rows[0]).toMatchObject({
      code: '76001',
      platform: '开放平台通用',
      zh: 'rid不存在',
      en: 'rid not found',
    });
    expect(rows[0].doc).toBe('https://developers.weixin.qq.com/doc/service/openApi/get_rid_info.html');
    const r89413 = rows.find((r) => r.code === '89413');
    expect(r89413).toMatchObject({
      zh: '该小程序被申请次数已达今日限制',
      note: 'WxJava: 该小程序被申请次数已达24h限制',
    });
    expect(rows.find((r) => r.code === '89418')?.doc).toBeUndefined();
  });
});

describe('小程序客户端 API table', () => {
  const FILE = 'wxapi_errors.tsv';
  it('keys per-API errCodes by scope and errMsg-only rows by their errMsg', () => {
    const lines = sourceLinesWhere(FILE, (l) =>
      /^(bluetooth\t10001|requestPayment\t\trequestPayment:fail cancel|nfc\t13000)\t/.test(l),
    );
    const rows = parseWxapiErrors([sourceLines(FILE, 1, 1), ...lines].join('\n'), 'wxapi');
    expect(rows.map((r) => `${r.scope} ${r.code}`)).toEqual([
      'bluetooth 10001',
      'nfc 13000',
      'requestPayment requestPayment:fail cancel',
    ]);
    expect(rows[0]).toMatchObject({
      platform: '小程序客户端 API',
      en: 'not available',
      zh: '当前蓝牙适配器不可用',
    });
    expect(rows[0].doc).toMatch(
      /^https:\/\/developers\.weixin\.qq\.com\/miniprogram\/dev\/api\/device\/bluetooth\//,
    );
    // The official NFC table has Chinese in its errMsg column: Chinese text, no English.
    expect(rows[1]).toMatchObject({ en: '', zh: '设备不支持NFC' });
    expect(rows[2]).toMatchObject({ en: 'requestPayment:fail cancel', zh: '用户取消支付' });
  });

  it('reads every row of the file and refuses a row with neither errCode nor errMsg', () => {
    expect(parseWxapiErrors(sourceText(FILE), 'wxapi').length).toBe(
      sourceText(FILE).trim().split('\n').length - 1,
    );
    expect(() => parseWxapiErrors('scope\terrCode\terrMsg\tzh\tdoc\nlogin\t\t\tx\t', 'wxapi')).toThrow(
      /errCode or an errMsg/,
    );
  });
});
