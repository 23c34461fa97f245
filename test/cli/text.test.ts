import { closest, editDistance } from '../../cli/suggest';
import { displayWidth, fit, wrap } from '../../cli/text';

describe('terminal text', () => {
  it('counts CJK and full-width characters as two columns, colour codes as none', () => {
    expect(displayWidth('40001')).toBe(5);
    expect(displayWidth('白名单')).toBe(6);
    expect(displayWidth('（非微信）')).toBe(10);
    expect(displayWidth('\x1b[1m40001\x1b[22m')).toBe(5);
  });

  it('wraps at word boundaries for Latin text and between characters for Chinese, with a hanging indent', () => {
    const en = wrap(
      'The access_token is invalid or not the latest: fetch a new one once and retry',
      30,
      '  ',
      '    ',
    );
    expect(en).toEqual([
      '  The access_token is invalid',
      '    or not the latest: fetch a',
      '    new one once and retry',
    ]);
    const zh = wrap('获取 access_token 时 AppSecret 错误，或者 access_token 无效', 20, '  ');
    for (const line of zh) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(zh.join('').replace(/\s+/g, '')).toBe('获取access_token时AppSecret错误，或者access_token无效');
  });

  it('cuts a word longer than the width instead of overflowing, and fit() ends a cut line with …', () => {
    for (const line of wrap(`url ${'x'.repeat(100)}`, 40, '  '))
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(fit('白名单白名单', 7)).toBe('白名单…');
    expect(displayWidth(fit('a'.repeat(200), 80))).toBe(80);
  });
});

describe('did you mean', () => {
  it('finds the closest name within a typo’s distance, and nothing for a different word', () => {
    expect(editDistance('jsn', 'json')).toBe(1);
    expect(editDistance('serach', 'search')).toBe(1);
    expect(closest('jsn', ['json', 'jsonl', 'all'])).toBe('json');
    expect(closest('serch', ['lookup', 'search', 'scan'])).toBe('search');
    expect(closest('frobnicate', ['lookup', 'search', 'scan'])).toBeUndefined();
  });
});
