/**
 * @jest-environment node
 */
// walk7: the README's committed screenshot of wxerr's own 40001 detail page, scanned by bin/wxerr.js in a child
// process with the real tesseract.js: the page's one entry, stated (it came back "inferred from errmsg").
import { spawnSync } from 'child_process';
import { join } from 'path';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

const SHOT = join(__dirname, '..', '..', 'docs', 'screenshots', 'detail-light.png');

test('wxerr scan <screenshot of the 40001 detail page> --json: 40001 on 开放平台通用, not inferred, alone', () => {
  const out = spawnSync(process.execPath, [CLI_BIN, 'scan', SHOT, '--json'], {
    encoding: 'utf8',
    env: CLI_ENV,
  });
  expect(out.status).toBe(0);
  const json = JSON.parse(out.stdout) as {
    codes: { code: string; inferred: boolean; entries: { id: string }[] }[];
    summary: { lines: number };
    ocr: { text: string }[];
  };
  expect(json.codes.map((c) => [c.code, c.inferred, c.entries[0].id])).toEqual([
    ['40001', false, 'open:40001'],
  ]);
  // walk8: the summary counts the lines OCR read, as for any other screenshot (it said "0 lines").
  expect(json.summary.lines).toBe(json.ocr[0].text.split('\n').length);
  expect(json.summary.lines).toBeGreaterThan(5);
}, 120_000);
