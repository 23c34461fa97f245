// Scan rows as a support person reads them on a phone (pages8): the meaning uses the row's two lines and is
// never cut inside a word, and the evidence line always shows the code it found, however far into a long
// log line the code sits. Rendered in miniprogram-simulate with the official compiler; wx is strict.
import { fire, installWx, loader, textOf, type Rendered } from '../helpers/simulate';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { contextLine } from '../../miniprogram/pages/scan/results';

const render = loader('pages/scan/index');

async function paste(comp: Rendered, text: string): Promise<void> {
  await fire(comp, '.paste', 'input', { value: text });
  await fire(comp, '.scan-text', 'tap');
}

interface Row {
  id: string;
  code: string;
  title: string;
  evidence: string;
}
const rowsOf = (comp: Rendered): Row[] => (comp.instance.data as { rows: Row[] }).rows;

/** A cut ("…") never falls between two Latin letters or digits of one word of the full text. */
function cutOnBoundary(shown: string, full: string): boolean {
  if (!shown.endsWith('…')) return shown === full.replace(/\s+/g, ' ').trim();
  const kept = shown.slice(0, -1);
  const flat = full.replace(/\s+/g, ' ');
  const at = flat.indexOf(kept);
  if (at !== 0) return false;
  const before = flat[kept.length - 1] ?? '';
  const after = flat[kept.length] ?? '';
  return !(/[A-Za-z0-9_]/.test(before) && /[A-Za-z0-9_]/.test(after));
}

test("a row's meaning is cut on a word boundary, not inside 'access_token'", async () => {
  installWx();
  const comp = render();
  await paste(
    comp,
    '2024-03-12 09:46:25.550 ERROR [wx-api] sendMessage {"errcode":40001,"errmsg":"invalid credential"}',
  );
  const [row] = rowsOf(comp);
  const full = bundledCatalog().get(row.id)!.zh;
  expect(full.length).toBeGreaterThan(40); // long enough to be cut at all
  expect(cutOnBoundary(row.title, full)).toBe(true);
  // Two lines of the row (about 38 Chinese characters' width), not 40 characters of mixed text.
  expect(row.title.length).toBeGreaterThan(40);
  expect(textOf(comp.querySelector('.title'))).toBe(row.title);
});

test('the evidence shows the code even when it sits far into a long line', async () => {
  installWx();
  const comp = render();
  const prefix =
    '2024-03-12 09:46:25.550 ERROR [http-nio-8080-exec-7] c.e.wechat.service.impl.MessageServiceImpl#sendTemplate : ';
  await paste(
    comp,
    `${prefix}wechat api failed {"errcode":45009,"errmsg":"reach max api daily quota limit"}`,
  );
  const [row] = rowsOf(comp);
  expect(row.code).toBe('45009');
  expect(row.evidence).toContain('45009');
  expect(row.evidence.length).toBeLessThanOrEqual(92);
});

test('with results the paste box shrinks to a few lines, so the first codes fill the screen; editing restores it', async () => {
  installWx();
  const comp = render();
  const box = (): string => String(comp.querySelector('.paste')?.dom?.className ?? '');
  expect(box()).not.toContain('paste--short');
  await paste(comp, '{"errcode":40164,"errmsg":"invalid ip 47.96.121.18, not in whitelist"}');
  expect(box()).toContain('paste--short');
  await fire(comp, '.paste', 'focus');
  expect(box()).not.toContain('paste--short');
  await fire(comp, '.scan-text', 'tap');
  expect(box()).toContain('paste--short');
  // Nothing found: the box keeps its height (the user is still working on the text).
  await paste(comp, 'all good');
  expect(box()).not.toContain('paste--short');
});

describe('what decided the platform is said in words, never as an internal key', () => {
  test('a code in Chinese prose (the learned pass) does not show "learned evidence"', async () => {
    installWx();
    const comp = render();
    // The chat message issue 10 quotes, with the half-width commas OCR repair gives it.
    await paste(comp, '今天开始,授权时候一直报40029,invalid code的错误');
    const shown = textOf(comp.querySelector('.row'));
    expect(shown).toContain('40029');
    expect(shown).not.toMatch(/learned|evidence/);
  });

  test("every label the extractor writes (context: '…' in core/extract) has the page's wording", () => {
    const dir = join(__dirname, '..', '..', 'miniprogram', 'core', 'extract');
    const labels = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
        const m = /context: ([^;]*)/.exec(line);
        for (const q of m?.[1].match(/'[^']*'/g) ?? []) labels.add(q.slice(1, -1));
      }
    }
    labels.delete('');
    labels.delete('default');
    expect(labels.size).toBeGreaterThanOrEqual(8);
    for (const label of labels) {
      const said = contextLine(label);
      expect(said).not.toContain(label);
      expect(said).toMatch(/[\u4e00-\u9fff]/);
    }
    // Words of the text itself are quoted as they stand.
    expect(contextLine('qyapi.weixin.qq.com')).toBe('按“qyapi.weixin.qq.com”判断平台');
  });
});
