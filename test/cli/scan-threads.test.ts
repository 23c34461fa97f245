/** @jest-environment node */
// `wxerr scan` with worker threads gives exactly what one thread gives (codes, counts, first and last places,
// evidence, rids), and a worker that dies costs one line and exit 2, not a lost batch.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generate, type Planted } from '../../bench/suites/scan-stream';
import { scanSources, toJson } from '../../cli/commands/scan';
import { run } from '../../cli/index';
import { fakeIO } from '../helpers/cli-io';
import { loadTune6 } from '../../bench/data/real/load';

describe('wxerr scan with worker threads', () => {
  let dir: string;
  let log: Planted;
  let oneThread: ReturnType<typeof toJson>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-threads-'));
    // Large enough that threads start (after 1 M characters) and several batches are in flight at once.
    log = generate(join(dir, 'app.log'), 4 * 1024 * 1024);
    oneThread = toJson(await scanSources([log.file], fakeIO(), { workers: 0 }));
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one thread finds every planted code', () => {
    expect(new Map(oneThread.codes.map((c) => [c.code, c.count]))).toEqual(log.counts);
  });

  it('two workers give the same summary as one thread, in the same order', async () => {
    const io = fakeIO();
    const threaded = toJson(await scanSources([log.file], io, { workers: 2 }));
    expect(threaded).toEqual(oneThread);
    expect(io.stderr).toEqual([]);
  }, 120000);

  it('a worker that dies: one line, the batches redone here, nothing lost', async () => {
    const io = fakeIO();
    const workerScript = join(__dirname, 'fixtures', 'failing-scan-worker.js');
    const failed = toJson(await scanSources([log.file], io, { workers: 1, workerScript }));
    expect(failed.codes).toEqual(oneThread.codes);
    expect(failed.rids).toEqual(oneThread.rids);
    expect(failed.summary).toEqual(oneThread.summary);
    expect(io.stderr).toEqual([
      'wxerr: a scan thread failed (it exited with code 3); the scan went on in one thread',
    ]);
    expect(failed.problems).toHaveLength(1);
  }, 120000);

  it('--threads takes a whole number from 1', async () => {
    const io = fakeIO();
    expect(await run(['scan', log.file, '--threads', '0'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--threads needs a whole number from 1 to 64, not "0"/);
    const one = fakeIO();
    expect(await run(['scan', log.file, '--json', '--threads', '1'], one)).toBe(0);
    expect(JSON.parse(one.stdout.join('\n'))).toEqual(oneThread);
  }, 120000);

  // Learned decisions (core/extract.ts rule 8) apply to each file's first LEARNED_MAX_CHARS, in this thread or a
  // worker alike: a short file read after a long log, when the threads are already up, still gets them.
  // github:hzuapps/web-wechat-2017#476 (tune6): the audio API's 10004, found only by the learned evidence.
  it('a short file after a long log gets the learned decisions, with or without threads', async () => {
    const audio = loadTune6().find((x) => x.id === 'web-wechat-2017-issue-476-audio-10004');
    const short = join(dir, 'short.txt');
    writeFileSync(short, audio?.text ?? '');
    const codes = async (workers: number) =>
      toJson(await scanSources([log.file, short], fakeIO(), { workers })).codes.map((c) => c.code);
    const alone = await codes(0);
    expect(alone).toContain('10004');
    expect(await codes(2)).toEqual(alone);
  }, 120000);
});
