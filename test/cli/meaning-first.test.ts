// Issue 12, "Order: the meaning, then the code's own fix": a remedy that an official table prints in its
// meaning column (61004 on the 开放平台 page: "把ip加入白名单ip列表再重试") never stands where the meaning
// should, neither in `wxerr search`, in `wxerr <code>` nor in the pages' cells.
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { isRemedy, meaningTexts } from '../../miniprogram/core/meaning';
import { searchIndex } from '../../miniprogram/core/search';
import { hitCell } from '../../miniprogram/core/view/cells';
import { detailView } from '../../miniprogram/core/view/detail';
import { fakeIO } from '../helpers/cli-io';

const REMEDY_61004 = '把ip加入白名单ip列表再重试';

describe('meaning first', () => {
  it('tells a remedy from a meaning, also when the meaning is a requirement or names a check', () => {
    expect(isRemedy(REMEDY_61004)).toBe(true);
    expect(isRemedy('请按照文档使用 component_access_token 调用api')).toBe(true);
    expect(isRemedy('需要 POST 请求')).toBe(false);
    expect(isRemedy('检查 url（check url）不合法')).toBe(false);
    expect(isRemedy('将图片 key 存入 kv 出错，请重试')).toBe(false);
    expect(isRemedy('请求参数错误')).toBe(false);
    const open61004 = bundledCatalog().get('open:61004');
    expect(open61004?.zh).toBe(REMEDY_61004);
    expect(meaningTexts(open61004!)).toEqual({
      meaning: ['access clientip is not registered'],
      remedy: [REMEDY_61004],
    });
  });

  it('wxerr search ip白名单: every block shows a meaning, and 61004 no remedy', async () => {
    const io = fakeIO();
    expect(await run(['search', 'ip白名单'], io)).toBe(0);
    const blocks = io.stdout.join('\n').split('\n\n');
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      const [, firstText] = block.split('\n');
      expect(isRemedy(firstText.trim())).toBe(false);
    }
    const b61004 = blocks.find((b) => b.startsWith('61004'));
    expect(b61004).toContain('access clientip is not registered');
    expect(b61004).not.toContain(REMEDY_61004);
  });

  it('wxerr 61004 prints the meaning, then the remedy as the fix', async () => {
    const io = fakeIO();
    expect(await run(['61004'], io)).toBe(0);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines[1].trim()).toBe('access clientip is not registered');
    expect(lines[2].trim()).toBe(`fix ${REMEDY_61004}`); // the label in the screen's language (walk7)
  });

  it('the search page cell of 61004 shows its meaning', () => {
    const hit = searchIndex(bundledCatalog())
      .search('ip白名单', { limit: 20 })
      .find((h) => h.entry.id === 'open:61004');
    expect(hit).toBeDefined();
    const line = hitCell(hit!)
      .line.map((s) => s.t)
      .join('');
    expect(line).toBe('access clientip is not registered');
  });
});

describe('meaning first on the detail page', () => {
  it('61004: the meaning stands as the text, the remedy as the official fix', () => {
    const catalog = bundledCatalog();
    const view = detailView(catalog, catalog.get('open:61004')!);
    expect(view.zh).toBeNull();
    expect(view.en?.text).toBe('access clientip is not registered');
    expect(view.todo.fix).toEqual({ text: REMEDY_61004, project: false });
    expect(view.message.split('\n')).toEqual(['61004 access clientip is not registered', REMEDY_61004]);
  });

  it('40164: nothing moves when the Chinese text is a meaning', () => {
    const catalog = bundledCatalog();
    const entry = catalog.get('open:40164')!;
    expect(detailView(catalog, entry).zh?.text).toBe(entry.zh);
  });
});
