// The `learned` option of extractCodes (extract/learned.ts, docs/extract-history.md section 8): on by default for
// texts up to LEARNED_MAX_CHARS, off above (a log's throughput); on, the learned evidence weights overrule the
// rules where sure. Real tune snippets (their
// sources are in the corpus files), and the staleness check of the generated weights.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { extractCodes, LEARNED_MAX_CHARS } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';
import { loadTune5, loadTune6, type RealSnippet } from '../../bench/data/real/load';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { scanWritten } from '../../miniprogram/core/extract';
import { applySureFlips } from '../../miniprogram/core/extract/learned';
import { messageIndex } from '../../miniprogram/core/extract/messages';

const tune6 = loadTune6();
const snippet = (id: string): RealSnippet => {
  const found = tune6.find((s) => s.id === id);
  if (!found) throw new Error(`tune6 has no ${id}`);
  return found;
};
const written = (text: string, learned = false) =>
  extractCodes(text, { learned })
    .codes.filter((c) => !c.inferred)
    .map(labelOf);

describe('extractCodes { learned }', () => {
  it('is on by default for a text up to LEARNED_MAX_CHARS, off past it', () => {
    for (const s of tune6) expect(extractCodes(s.text)).toEqual(extractCodes(s.text, { learned: true }));
    const s = snippet('web-wechat-2017-issue-476-audio-10004');
    expect(written(s.text, true)).toContain('10004@wxapi');
    const codesOf = (text: string) => extractCodes(text).codes.map(labelOf);
    expect(codesOf(s.text)).toContain('10004@wxapi');
    // The same snippet at the end of a long log: past the bound the rules alone read it.
    const filler = 'INFO request served in 12 ms\n'.repeat(Math.ceil(LEARNED_MAX_CHARS / 28));
    expect(filler.length).toBeGreaterThan(LEARNED_MAX_CHARS);
    expect(codesOf(filler + s.text)).not.toContain('10004@wxapi');
    expect(extractCodes(filler + s.text, { learned: true }).codes.map(labelOf)).toContain('10004@wxapi');
  });

  // A devtool URL's `?e=45009` beside the errcode the rules took is that line's one mention, not a second one.
  it('adds no second occurrence of a code the rules took on the same line', () => {
    const line =
      'Authentication failed: errcode=45009, errmsg=api freq out of limit, more info at https://open.work.weixin.qq.com/devtool/query?e=45009';
    for (const learned of [false, true])
      expect(extractCodes(line, { learned }).codes.map((c) => [c.code, c.occurrences])).toEqual([
        ['45009', 1],
      ]);
  });

  // github:binarywang/WxJava#197 (tune5): `* 42001 access_token超时` in a javadoc and
  // `error.getErrorCode() == 42001` below it — no error word, no errmsg, no key the rules read; the evidence (a
  // 5-digit catalog code, its own text after it, WeChat words near) is sure of it.
  it('adds a code the rules leave: one compared in code under its own text', () => {
    const s = loadTune5().find((x) => x.id === 'wxjava-issue-197-40014');
    expect(s?.explicit).toContain('42001');
    const text = s?.text ?? '';
    expect(written(text)).not.toContain('42001');
    const found = extractCodes(text, { learned: true }).codes.find((c) => c.code === '42001');
    expect(found).toMatchObject({
      inferred: false,
      context: 'learned evidence',
      entryId: expect.any(String),
    });
  });

  // github:hzuapps/web-wechat-2017#476: `…Guzhou.mp3却出现10004格式错误` under wx.createInnerAudioContext() —
  // the number glued to the URL before it; added on the platform the platform weights pick, the audio API's.
  it('adds a client API errCode on its own platform', () => {
    const s = snippet('web-wechat-2017-issue-476-audio-10004');
    expect(s.explicit).toEqual(['10004@wxapi']);
    expect(written(s.text)).not.toContain('10004@wxapi');
    expect(written(s.text, true)).toContain('10004@wxapi');
  });

  // The shipped weights drop no number the rules take in any tune batch (docs/extract-history.md §8); weights sure
  // that nothing is a code show the drop: every number the rules took goes.
  it('drops what the rules took where the weights are sure it is no code', () => {
    const s = snippet('web-wechat-2017-issue-476-audio-10004');
    const text = `${s.text}\n{"errcode":40001,"errmsg":"invalid credential"}`;
    const catalog = bundledCatalog();
    const { ctx, scan } = scanWritten(text, catalog);
    const taken = scan.hits.filter((h) => /^-?\d+$/.test(h.code)).length;
    expect(taken).toBeGreaterThan(0);
    const never = { accept: { bias: -10 }, platform: { '': {}, wecom: {}, wxapi: {} } };
    const flips = applySureFlips(catalog, messageIndex(catalog), ctx, scan.hits, new Set(), never);
    expect(flips).toEqual({ dropped: taken, added: 0 });
    expect(scan.hits.filter((h) => /^-?\d+$/.test(h.code))).toEqual([]);
  });
});

describe('generated learned weights', () => {
  const run = (file: string) => {
    try {
      execFileSync(
        'npx',
        ['ts-node', '--transpile-only', 'bench/learn/weights.ts', '--check', '--file', file],
        {
          cwd: join(__dirname, '../..'),
          stdio: 'pipe',
        },
      );
      return { code: 0, err: '' };
    } catch (e) {
      const failure = e as { status: number; stderr: Buffer };
      return { code: failure.status, err: failure.stderr.toString() };
    }
  };

  it('are what the corpus gives today, and a changed weight is caught', () => {
    const committed = join(__dirname, '../../miniprogram/core/generated/learned-weights.ts');
    expect(run(committed)).toEqual({ code: 0, err: '' });
    const copy = join(mkdtempSync(join(tmpdir(), 'wxerr-weights-')), 'learned-weights.ts');
    writeFileSync(copy, readFileSync(committed, 'utf8').replace(/"bias": (-?[\d.]+)/, '"bias": 9$1'));
    const stale = run(copy);
    expect(stale.code).toBe(1);
    expect(stale.err.trim()).toBe(
      'learned-weights.ts is stale: run `npm run learn:weights` and commit the result',
    );
  }, 240_000);
});
