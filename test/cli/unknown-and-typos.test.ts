// walk7: what a script and a hurried typist get back, through bin/wxerr.js in a child process.
// - `wxerr 45999 --json` printed `[]`: the JSON now carries what the text view says (family, did-you-mean,
//   nearest known codes) in one `found: false` record per code the catalog lacks; found codes are unchanged.
// - `wxerr --verison` said "no command given"; `wxerr hepl` offered no `help`.
import { spawnSync } from 'child_process';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { codeTypos } from '../../miniprogram/core/search/code-typos';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

function wxerr(...args: string[]) {
  const out = spawnSync(process.execPath, [CLI_BIN, ...args], { encoding: 'utf8', env: CLI_ENV });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

interface Brief {
  id: string;
  code: string;
}
interface Unknown {
  code: string;
  found: false;
  family?: { key: string };
  didYouMean: Brief[];
  nearest: Brief[];
}

describe('lookup --json of a code the catalog lacks', () => {
  it('45999: one found:false record with its family, the typos and the nearest codes the text view lists', () => {
    const json = wxerr('45999', '--json');
    expect(json.status).toBe(1);
    const [record, ...rest] = JSON.parse(json.stdout) as Unknown[];
    expect(rest).toEqual([]);
    expect(record).toMatchObject({ code: '45999', found: false, family: { key: '45xxx' } });
    const typos = codeTypos(bundledCatalog(), '45999', 4).map((c) => c.code);
    expect(record.didYouMean.map((e) => e.code)).toEqual(typos);
    const text = wxerr('45999').stdout.split('\n');
    const at = text.indexOf('nearest known 45xxx codes:');
    expect(at).toBeGreaterThan(0);
    const listed = text.slice(at + 1).flatMap((l) => (l.trim() ? [l.trim().split(/\s+/)[0]] : []));
    expect(record.nearest.map((e) => e.code)).toEqual(listed);
    for (const e of [...record.didYouMean, ...record.nearest])
      expect(
        bundledCatalog()
          .lookup(e.code)
          .map((x) => x.id),
      ).toContain(e.id);
  });

  it('a found code keeps its entries as before; a mixed lookup adds the record for the unknown one only', () => {
    const found = JSON.parse(wxerr('40001', '--json').stdout) as Record<string, unknown>[];
    const mixed = JSON.parse(wxerr('lookup', '40001', '45999', '--json').stdout) as Record<string, unknown>[];
    expect(mixed.slice(0, found.length)).toEqual(found);
    expect(found.every((e) => !('found' in e))).toBe(true);
    expect(mixed.slice(found.length)).toMatchObject([{ code: '45999', found: false }]);
  });
});

describe('typos with no command', () => {
  it.each([
    [['--verison'], 'wxerr: unknown option --verison (did you mean --version?)'],
    [['hepl'], 'wxerr: unknown command hepl (did you mean help?)'],
  ])('wxerr %j: one line with the suggestion, exit 2', (argv, line) => {
    const out = wxerr(...argv);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim()).toBe(line);
  });

  it('--version and --help alone still answer', () => {
    expect(wxerr('--version').stdout).toMatch(/^wxerr \d+\.\d+\.\d+/);
    expect(wxerr('--help').status).toBe(0);
  });
});
