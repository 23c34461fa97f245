// Issue 12: an unknown code lists the nearest known codes of its family, and a query with nothing in common
// gets "no match" with the nearest suggestions, in the CLI as on the pages (the same core functions).
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { nearestCodes } from '../../miniprogram/core/search/group';
import { fakeIO } from '../helpers/cli-io';

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const io = fakeIO();
  const code = await run(argv, io);
  return { code, lines: io.stdout.join('\n').split('\n') };
}

describe('suggestions instead of an answer', () => {
  it('wxerr 45999 names its family, then its nearest known codes, and exits 1', async () => {
    const { code, lines } = await cli('45999');
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^45999 not in the catalog\. 45xxx: /);
    const at = lines.indexOf('nearest known 45xxx codes:');
    expect(at).toBeGreaterThan(0);
    const shown = lines.slice(at + 1).map((l) => l.trim().split(/\s+/)[0]);
    expect(shown).toEqual(nearestCodes(bundledCatalog(), '45999', 5).map((c) => c.code));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
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
    expect(lines).toContain(
      '  doc https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html',
    );
  });
});

describe('the non-WeChat platform of seed 003', () => {
  it('stays folded in a plain search and shows apart when the query names it', async () => {
    const plain = (await cli('search', '40001')).lines.join('\n');
    expect(plain).not.toContain('── not WeChat');
    expect(plain).toMatch(/non-WeChat platform \(--all\)/);
    const named = (await cli('search', '40001 非微信')).lines.join('\n');
    const apart = named.indexOf('── not WeChat: 第三方账号平台（非微信） ──');
    expect(apart).toBeGreaterThan(0);
    expect(named.indexOf('40001  第三方账号平台（非微信）')).toBeGreaterThan(apart);
  });
});
