// walk8: mid-incident, a developer pastes the failing body or errmsg as the argument; `wxerr '{"errcode":…}'`
// answered "unknown command {…}". Text (not one plain word) is scanned as stdin would be, or searched when it
// holds no code; a typo'd command word keeps its did-you-mean. Through bin/wxerr.js, as a user runs it.
import { spawnSync } from 'child_process';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

const wxerr = (...args: string[]) =>
  spawnSync(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', env: CLI_ENV });

describe('wxerr <pasted text>', () => {
  it('an errcode body: its code, the next step filled in from it, its rid', () => {
    const out = wxerr(
      '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6561a3b2-1234abcd-5678ef01"}',
    );
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toMatch(/^40164 {2}开放平台通用/);
    expect(out.stdout).toMatch(/next step add 1\.2\.3\.4 to the IP whitelist/);
    expect(out.stdout).toMatch(/^ {2}rid 6561a3b2-1234abcd-5678ef01$/m);
    expect(out.stderr).toBe('');
  });

  it('a key=value line and a lone errmsg (read whole, not dropped as a short line)', () => {
    expect(wxerr('errcode=45009').stdout.split('\n')[0]).toMatch(/^45009 /);
    const errmsg = wxerr('invalid credential', '--json');
    expect(errmsg.status).toBe(0);
    const json = JSON.parse(errmsg.stdout) as { codes: { code: string; inferred: boolean }[] };
    expect(json.codes.map((c) => [c.code, c.inferred])).toEqual([['40001', true]]);
  });

  it('words with no code are searched; a typo of a command is still a typo', () => {
    const words = wxerr('ip 白名单', '--limit', '1');
    expect(words.status).toBe(0);
    expect(words.stdout.split('\n')[0]).toMatch(/^40164 /);
    const typo = wxerr('serch', 'ip');
    expect(typo.status).toBe(2);
    expect(typo.stderr.trim()).toBe('wxerr: unknown command serch (did you mean search?)');
  });
});

describe('wxerr scan - with a short paste', () => {
  const scan = (input: string, ...flags: string[]) =>
    spawnSync(process.execPath, [CLI_BIN, 'scan', '-', '--json', ...flags], {
      encoding: 'utf8',
      env: CLI_ENV,
      input,
    });
  const codes = (out: { stdout: string }) =>
    (JSON.parse(out.stdout) as { codes: { code: string }[] }).codes.map((c) => c.code);

  it('reads a lone short errmsg whole, as without the prefilter (it dropped the line: no code)', () => {
    expect(codes(scan('invalid credential\n'))).toEqual(['40001']);
    expect(codes(scan('api unauthorized'))).toEqual(codes(scan('api unauthorized', '--no-prefilter')));
  });

  it('past a file’s first lines the prefilter skips as before: the same answer as reading every line', () => {
    const log = `${'GET /healthz 200\n'.repeat(80)}invalid credential\n`;
    expect(codes(scan(log))).toEqual(codes(scan(log, '--no-prefilter')));
  });
});
