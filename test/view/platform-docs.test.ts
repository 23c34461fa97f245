// Issue 12: "a copyable link to the official doc per platform where it is known". Every link must be a page
// the repo's own sources name (catalog/sources), and a platform without one is one of the three said so.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { PLATFORMS } from '../../miniprogram/core/platforms';
import { PLATFORM_DOCS, officialDoc } from '../../miniprogram/core/view/detail';

const sourcesDir = join(__dirname, '../../catalog/sources');
const sources = readdirSync(sourcesDir)
  .map((file) => readFileSync(join(sourcesDir, file), 'utf8'))
  .join('\n');

test('every platform link appears in catalog/sources', () => {
  for (const url of new Set(Object.values(PLATFORM_DOCS)))
    expect({ url, named: sources.includes(url.replace(/^https:\/\//, '')) }).toEqual({ url, named: true });
});

test('only Pay APIv2, the client API (own page per entry) and the non-WeChat platform have no platform link', () => {
  const without = PLATFORMS.filter((p) => !PLATFORM_DOCS[p.key]).map((p) => p.key);
  expect(without.sort()).toEqual(['payv2', 'thirdparty', 'wxapi']);
});

test('40001 and 40164 (开放平台通用) now carry the Open Platform page; a client API entry its own page', () => {
  const catalog = bundledCatalog();
  for (const id of ['open:40001', 'open:40164']) {
    const entry = catalog.get(id);
    if (!entry) throw new Error(`missing ${id}`);
    expect(officialDoc(entry)).toBe(PLATFORM_DOCS.open);
  }
  const client = catalog.entries.find((e) => e.platform === '小程序客户端 API' && e.doc);
  if (!client) throw new Error('no client API entry with a doc');
  expect(officialDoc(client)).toBe(client.doc);
});
