// The official doc link stays whole (copyable) and, when "  doc <url>" would pass the terminal width, stands
// on a line of its own (walk6: `wxerr 40001` printed an 84-column line in an 80-column terminal, although the
// 78-character link fits). The real CLI, in a child process.
import { spawnSync } from 'child_process';
import { displayWidth } from '../../cli/text';
import { PLATFORM_DOCS } from '../../miniprogram/core/view/detail';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

function lines(args: string[]): string[] {
  return spawnSync(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', env: CLI_ENV }).stdout.split(
    '\n',
  );
}

test('wxerr 40001 fits 80 columns, its doc link whole on a line of its own', () => {
  const out = lines(['40001']);
  expect(PLATFORM_DOCS.open.length).toBeLessThanOrEqual(80);
  for (const line of out) expect({ line, width: displayWidth(line) <= 80 }).toEqual({ line, width: true });
  expect(out).toContain(PLATFORM_DOCS.open);
  expect(out[out.indexOf(PLATFORM_DOCS.open) - 1]).toBe('  doc');
});

test('a link longer than the width is never cut', () => {
  const out = lines(['60020']);
  const link = out.find((l) => l.startsWith('https://developer.work.weixin.qq.com/'));
  expect(link).toMatch(/^https:\/\/developer\.work\.weixin\.qq\.com\/document\/path\/90313#\S+60020$/);
});

test('an explicit COLUMNS sets the width even when the output is not a terminal; a nonsense one is ignored', () => {
  const run = (columns: string): string[] =>
    spawnSync(process.execPath, [CLI_BIN, '40001'], {
      encoding: 'utf8',
      env: { ...CLI_ENV, COLUMNS: columns },
    }).stdout.split('\n');
  const narrow = run('40');
  const widest = (out: string[]): number =>
    Math.max(...out.filter((l) => !l.startsWith('https://')).map(displayWidth));
  expect(widest(narrow)).toBeLessThanOrEqual(40);
  expect(widest(narrow)).toBeGreaterThan(30);
  expect(widest(run('abc'))).toBeGreaterThan(40);
  expect(widest(run('abc'))).toBeLessThanOrEqual(80);
});
