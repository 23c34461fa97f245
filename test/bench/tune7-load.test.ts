// The seventh harvest (bench/data/real/snippets-tune7.txt and bench/data/search-queries-real-7.json, tune only):
// both files parse as their headers say, labels and accept ids are well formed, ids and queries are unique, and
// no entry quotes a thread that earlier real data holds. Parse-only: nothing here runs the extractor or a search.
import { readFileSync } from 'fs';
import { join } from 'path';
import { fileThreads, usedThreads } from '../../bench/data/held-threads';
import { harvestsBefore, loadTune7, TUNE7_FILES } from '../../bench/data/real/load';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { sharedWithEarlier } from '../helpers/real-data';

const DATA = join(__dirname, '../../bench/data');
const SNIPPETS = 'snippets-tune7.txt';
const QUERIES = 'search-queries-real-7.json';

interface RealQuery {
  kind: string;
  q: string;
  accept: string[];
  source: string;
  written: string;
  note?: string;
}

const queries = (): RealQuery[] =>
  (JSON.parse(readFileSync(join(DATA, QUERIES), 'utf8')) as { queries: RealQuery[] }).queries;

describe('tune7 snippets', () => {
  const tune7 = loadTune7();
  const negatives = tune7.filter((s) => s.explicit.length + s.implied.length === 0);

  it('loads at least 100 snippets, 30 with codes and 40 negatives, every text non-empty', () => {
    expect(tune7.length).toBeGreaterThanOrEqual(100);
    expect(tune7.length - negatives.length).toBeGreaterThanOrEqual(30);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
    for (const s of tune7) expect(s.text.trim()).not.toBe('');
  });

  it('has unique ids, well-formed sources, at most 25 pages, and no id or source an earlier file holds', () => {
    expect(new Set(tune7.map((s) => s.id)).size).toBe(tune7.length);
    for (const s of tune7) expect(s.source).toMatch(/^(?:github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)|page:\S+)$/);
    expect(tune7.filter((s) => s.source.startsWith('page:')).length).toBeLessThanOrEqual(25);
    expect(sharedWithEarlier(tune7, harvestsBefore(TUNE7_FILES))).toEqual([]);
  });

  it('reads platform suffixes, implied codes and look-alike negatives as labelled', () => {
    const byId = new Map(tune7.map((s) => [s.id, s]));
    expect(byId.get('jd-freefuck-issue-45-wecom-media-40007')?.explicit).toEqual(['40007@wecom']);
    expect(byId.get('wxpay-java-wxpayerrorcode-queryorder')?.explicit).toEqual([
      'ORDERNOTEXIST@pay',
      'SYSTEMERROR@pay',
    ]);
    expect(byId.get('page-php-cn-448001-ble-10003-10001')?.explicit).toEqual(['10003@wxapi', '10001@wxapi']);
    expect(byId.get('twikoo-issue-474-wecom-trusted-ip')).toMatchObject({
      explicit: [],
      implied: ['60020@wecom'],
    });
    expect(byId.get('dingtalk-issue-416-subcode-60020')).toMatchObject({ explicit: [], implied: [] });
    expect(byId.get('puppet-padlocal-issue-1-node-pid-82001')).toMatchObject({ explicit: [], implied: [] });
  });
});

describe('tune7 queries', () => {
  const all = queries();
  const known = new Set(bundledCatalog().entries.map((e) => e.id));

  it('holds at least 80 queries, at most a third of them no-match, each q unique and non-empty', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    const none = all.filter((q) => q.accept.length === 0);
    expect(none.length * 3).toBeLessThanOrEqual(all.length);
    expect(none.every((q) => q.kind === 'none')).toBe(true);
    expect(new Set(all.map((q) => q.q)).size).toBe(all.length);
    for (const q of all) expect(q.q.trim()).not.toBe('');
  });

  it('accepts only catalog ids, names a kind and a well-formed source for every query', () => {
    const kinds = new Set(['paste', 'zh', 'en', 'errmsg', 'code', 'concept', 'none']);
    for (const q of all) {
      expect(kinds.has(q.kind)).toBe(true);
      expect(q.accept.filter((id) => !known.has(id))).toEqual([]);
      expect(q.source).toMatch(/^(?:github:[\w.-]+\/[\w.-]+(?:#\d+|:\S+)|page:\S+)$/);
      expect(q.written).toMatch(/^real: /);
    }
  });
});

describe('tune7 threads', () => {
  it('quotes no thread that earlier real data holds, in either file', () => {
    const used = usedThreads([SNIPPETS, QUERIES]);
    const mine = [...fileThreads(join(DATA, 'real', SNIPPETS)), ...fileThreads(join(DATA, QUERIES))];
    expect(mine.filter((e) => used.has(e.thread))).toEqual([]);
  });
});
