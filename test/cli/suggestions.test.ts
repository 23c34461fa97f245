// Issue 12: an unknown code lists the nearest known codes of its family, and a query with nothing in common
// gets "no match" with the nearest suggestions, in the CLI as on the pages (the same core functions).
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { codeTypos } from '../../miniprogram/core/search/code-typos';
import { nearestCodes } from '../../miniprogram/core/search/group';
import { fakeIO } from '../helpers/cli-io';

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const io = fakeIO();
  const code = await run(argv, io);
  return { code, lines: io.stdout.join('\n').split('\n') };
}

describe('suggestions instead of an answer', () => {
  it('wxerr 89999 (no code one typo away) names its family, then its nearest known codes, and exits 1', async () => {
    expect(codeTypos(bundledCatalog(), '89999')).toEqual([]);
    const { code, lines } = await cli('89999');
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^89999\s+not in the catalog\. 89xxx: /);
    const at = lines.indexOf('nearest known 89xxx codes:');
    expect(at).toBeGreaterThan(0);
    const shown = lines.slice(at + 1).map((l) => l.trim().split(/\s+/)[0]);
    expect(shown).toEqual(nearestCodes(bundledCatalog(), '89999', 5).map((c) => c.code));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('wxerr 45999: the codes one typo away first, then up to 3 more of its family, no family label', async () => {
    const typos = codeTypos(bundledCatalog(), '45999', 4).map((c) => c.code);
    expect(typos.length).toBeGreaterThan(0);
    const { code, lines } = await cli('45999');
    expect(code).toBe(1);
    const text = lines.join('\n');
    expect(lines[0]).toMatch(new RegExp(`^no code 45999 in the catalog; did you mean ${typos[0]} \\(`));
    for (const t of typos) expect(text).toContain(`${t} (`);
    expect(text).not.toMatch(/45xxx: /);
    const at = lines.indexOf('nearest known 45xxx codes:');
    const shown = lines.slice(at + 1).map((l) => l.trim().split(/\s+/)[0]);
    expect(shown.length).toBeLessThanOrEqual(3);
    for (const s of shown) expect(typos).not.toContain(s);
  });

  it('wxerr search "hello world": no match, then nearest suggestions with their meaning', async () => {
    const { code, lines } = await cli('search', 'hello world');
    expect(code).toBe(1);
    expect(lines[0]).toBe('no match for "hello world"');
    expect(lines[1]).toBe('nearest:');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(2)) expect(l).toMatch(/^ {2}\S+ {2}\S+ {2}\S/);
  });

  it('a code the catalog knows gets no suggestion block', async () => {
    const { lines } = await cli('40164');
    expect(lines.join('\n')).not.toContain('nearest');
  });
});

describe('official doc link', () => {
  it('wxerr <code> prints the platform’s official error-code page when the entry has no page of its own', async () => {
    const { lines } = await cli('600002');
    // Too wide for "  doc URL" in 80 columns: the link stands whole on the next line.
    const url = 'https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html';
    expect(lines[lines.indexOf(url) - 1]).toBe('  doc');
  });
});

describe('the non-WeChat platform of seed 003', () => {
  it('stays folded in a plain search and shows apart when the query names it', async () => {
    const plain = (await cli('search', '40001')).lines.join('\n');
    expect(plain).not.toContain('── not WeChat');
    expect(plain).toMatch(/non-WeChat platform \(--all\)/);
    const named = (await cli('search', '40001 非微信')).lines.join('\n');
    const apart = named.indexOf('── not WeChat: 第三方账号平台（非微信） ──');
    expect(apart).toBeGreaterThanOrEqual(0);
    expect(named.indexOf('40001  第三方账号平台（非微信）')).toBeGreaterThan(apart);
    // walk7: one block where its best hit ranks (first here, as on the search page), the WeChat codes after it
    const wechat = named.indexOf('\n── WeChat ──\n40001  开放平台通用');
    expect(wechat).toBeGreaterThan(apart);
    expect(named.slice(apart, wechat)).not.toMatch(/开放平台通用/);
    expect(named.match(/── not WeChat/g)).toHaveLength(1);
  });
});

describe('did you mean, for a typo’d code', () => {
  it('wxerr 4001: one sentence naming 40001 first, exit 1, within 20 lines of 80 columns', async () => {
    const { code, lines } = await cli('4001');
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^no code 4001 in the catalog; did you mean 40001 \(invalid credential\), /);
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const zh = await cli('4001', '--lang', 'zh');
    expect(zh.lines[0]).toMatch(/^目录中没有 4001；是不是要查 40001（/);
  });

  it('wxerr 400011: WeCom’s meaning, then the common code a typo may have hidden', async () => {
    const { code, lines } = await cli('400011');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^400011 {2}企业微信/);
    expect(lines[lines.length - 1]).toMatch(/^ {2}did you mean 40001 \(invalid credential\)/);
    expect(lines.length).toBeLessThanOrEqual(20);
  });

  it('wxerr search 4001: the did-you-mean line above the prefix hits (40010…)', async () => {
    const { code, lines } = await cli('search', '4001');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^no code 4001 in the catalog; did you mean 40001 /);
    expect(lines.join('\n')).toMatch(/^4001\d {2}/m);
  });
});

it('an errMsg the catalog lacks is looked up, not taken for a command, and gets no range label', async () => {
  const { code, lines } = await cli('authorize:fail auth deny');
  expect(code).toBe(1);
  expect(lines.join(' ')).toMatch(
    /^authorize:fail auth deny not in the catalog; try wxerr search "authorize:fail\s+auth deny"$/,
  );
});
