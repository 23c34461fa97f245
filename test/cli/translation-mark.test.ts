// Texts the project translated carry their mark wherever the CLI prints them, not only in `wxerr <code>`
// (walk6: `wxerr search ip白名单` and `wxerr scan` printed 40164's Chinese, which wxerr wrote, as if official);
// and a scan block puts the meaning first, as lookup and search do (61004's official table prints a remedy,
// "把ip加入白名单ip列表再重试", in its meaning column). The real CLI, in a child process.
import { spawnSync } from 'child_process';
import { ZH_MARK } from '../../cli/format';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

function wxerr(args: string[], input = ''): { status: number | null; lines: string[] } {
  const out = spawnSync(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', env: CLI_ENV, input });
  return { status: out.status, lines: out.stdout.split('\n') };
}

/** The lines of the block that starts with `code` (blocks are separated by a blank line). */
function blockOf(lines: string[], code: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(`${code} `));
  if (start < 0) throw new Error(`no block for ${code} in:\n${lines.join('\n')}`);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

const e40164 = bundledCatalog().get('open:40164');

test('40164 has a Chinese text the project translated (the premise of these tests)', () => {
  expect(e40164?.zhSource).toBe('wxerr');
});

test('wxerr search marks the project translation in its block', () => {
  const { status, lines } = wxerr(['search', 'ip白名单']);
  expect(status).toBe(0);
  expect(blockOf(lines, '40164')).toContain(`  ${e40164?.zh} ${ZH_MARK}`);
});

test('wxerr scan marks it too, and shows 61004 meaning first, its remedy after', () => {
  const log = [
    '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"}',
    '{"errcode":61004,"errmsg":"access clientip is not registered requestIP: 1.2.3.4"}',
  ].join('\n');
  const { status, lines } = wxerr(['scan', '-'], log);
  expect(status).toBe(0);
  expect(blockOf(lines, '40164')[1]).toBe(`  ${e40164?.zh} ${ZH_MARK}`);
  const b61004 = blockOf(lines, '61004');
  expect(b61004[1]).toBe('  access clientip is not registered');
  const remedy = b61004.findIndex((l) => l.includes('把ip加入白名单ip列表再重试'));
  expect(remedy === -1 || remedy > 1).toBe(true);
});

test('a mark is never cut off a fitted line', () => {
  const { lines } = wxerr(['search', 'ip白名单']);
  for (const line of lines) if (line.includes('[wxerr')) expect(line.endsWith(ZH_MARK)).toBe(true);
});
