// walk7: one language per screen. Under a zh locale `wxerr 40001` printed Chinese advice between English
// labels ("advice (wxerr)", "from 001 row 4", "+4 other platforms", "+ not WeChat"); lookup, search and scan
// now label in the screen's language (cli/labels.ts). Official texts stay in both languages: they are facts.
import { spawnSync } from 'child_process';
import { displayWidth } from '../../cli/text';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

function wxerrZh(args: string[], input = ''): string {
  const env = { ...CLI_ENV, LANG: 'zh_CN.UTF-8' };
  return spawnSync(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', env, input }).stdout;
}

/** The English labels the CLI puts around texts (never words of an official text). */
const ENGLISH_LABELS =
  /advice \(wxerr|^\s*from \S+ row|\brow \d|other platforms?:|not WeChat|nearest|not in the catalog|no match|summary:|next step|^\s*doc\b|\bcount\b.*\bfirst\b|rids \(|did you mean/m;

describe('a zh locale gets zh labels', () => {
  it('wxerr 40001: 建议, 出处, 文档, 另 N 个平台, 非微信; no English label, every line within 80 columns', () => {
    const out = wxerrZh(['40001']);
    expect(out).toMatch(/wxerr 建议 /);
    expect(out).toMatch(/出处 001 第 \d+ 条：/);
    expect(out).toMatch(/^ {2}文档/m);
    expect(out).toMatch(/另 \d+ 个平台：公众号、/);
    expect(out).toMatch(/\+ 非微信：第三方账号平台（非微信） 也有自己的 40001/);
    expect(out).not.toMatch(ENGLISH_LABELS);
    for (const line of out.split('\n').filter((l) => !l.startsWith('https://')))
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('an unknown code, a search with no match, and a scan with its summary', () => {
    const unknown = wxerrZh(['45999']);
    expect(unknown).toMatch(/^目录中没有 45999；是不是要查 /);
    expect(unknown).toMatch(/45xxx 段中最接近的已知错误码：/);
    const none = wxerrZh(['search', 'hello world']);
    expect(none).toMatch(/^没有与 "hello world" 匹配的错误码\n最接近的：/);
    const scan = wxerrZh(
      ['scan', '-'],
      '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}\n',
    );
    expect(scan).toMatch(/下一步 把 1\.2\.3\.4 加入 IP 白名单/);
    expect(scan).toMatch(/汇总：1 个错误码，共 1 次，1 个文件/);
    expect(scan).toMatch(/^错误码 {2}次数 {2}首次/m);
    for (const out of [unknown, none, scan]) expect(out).not.toMatch(ENGLISH_LABELS);
  });
});
