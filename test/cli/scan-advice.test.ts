// A scan block labels its advice as `wxerr <code>` does: "advice (wxerr)" for the code's own advice,
// "advice (wxerr, general)" for its action class's (walk6: scan printed "fix (wxerr)" for both, so a general
// step read as the code's own fix). The real CLI, in a child process.
import { spawnSync } from 'child_process';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

function wxerr(args: string[], input = ''): string[] {
  return spawnSync(process.execPath, [CLI_BIN, ...args], {
    encoding: 'utf8',
    env: CLI_ENV,
    input,
  }).stdout.split('\n');
}

const labelOf = (lines: string[]) =>
  lines.find((l) => l.startsWith('  advice') || l.startsWith('  fix'))?.split(')')[0];

test.each(['40029', '40034'])('scan labels %s’s advice as lookup does', (code) => {
  const lookup = labelOf(wxerr([code]));
  expect(lookup).toMatch(/^ {2}advice \(wxerr/);
  expect(labelOf(wxerr(['scan', '-'], `{"errcode":${code},"errmsg":"x"}`))).toBe(lookup);
});
