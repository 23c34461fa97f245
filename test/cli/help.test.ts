// walk8: `wxerr help lookup` listed 12 --platform keys while the catalog has more (wecom, payv3, payv2, wxapi
// were missing, though `--platform wecom` works); the list now comes from core/platforms.ts. `wxerr help foo`
// said only "no help for foo".
import { run } from '../../cli/index';
import { PLATFORMS } from '../../miniprogram/core/platforms';
import { fakeIO } from '../helpers/cli-io';

test('wxerr help lookup names every --platform key, within 80 columns', async () => {
  const io = fakeIO();
  expect(await run(['help', 'lookup'], io)).toBe(0);
  const help = io.stdout.join('\n');
  const listed = /--platform KEY +one platform: ([^]*?)\n {2}--/.exec(help);
  expect(listed).not.toBeNull();
  const keys = (listed as RegExpExecArray)[1].split(/,\s*/).map((k) => k.trim());
  expect(keys).toEqual(PLATFORMS.map((p) => p.key));
  for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
});

test('wxerr help <unknown topic>: a suggestion when one is close, else the topics there are', async () => {
  const near = fakeIO();
  expect(await run(['help', 'serch'], near)).toBe(2);
  expect(near.stderr).toEqual(['wxerr: no help for serch (did you mean search?)']);
  const far = fakeIO();
  expect(await run(['help', 'foo'], far)).toBe(2);
  expect(far.stderr).toEqual([
    'wxerr: no help for foo; help on: lookup, search, scan, annotate, stats, export, help',
  ]);
});
