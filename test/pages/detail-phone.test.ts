// The detail page as a Chinese-reading support person sees it on a phone (pages8): the header names the
// platform once, in Chinese; the project's English advice is one tap away instead of five lines under the
// Chinese; a long string code (a Pay code, a client errMsg) gets a size that fits the screen.
// miniprogram-simulate with the official compiler, on the real catalog; wx is strict.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { platformInfo } from '../../miniprogram/core/platforms';
import { fire, installWx, instanceOf, loader, textOf } from '../helpers/simulate';

const renderDetail = loader('pages/detail/index');

function open(id: string) {
  installWx();
  const comp = renderDetail();
  instanceOf(comp).onLoad({ id: encodeURIComponent(id) } as never);
  return comp;
}

test.each(['open:40001', 'wxapi:requestPayment:fail cancel', 'payv3:APPID_MCHID_NOT_MATCH'])(
  '%s: the header names the platform once, without its English name',
  (id) => {
    const entry = bundledCatalog().get(id)!;
    const head = textOf(open(id).querySelector('.head__platform'));
    expect(head).not.toContain(platformInfo(entry.platform).en);
    expect(head).toMatch(/[\u4e00-\u9fff]/);
  },
);

test.each([
  ['open:40001', '.todo .advice', '.advice-en-fold', 'adviceZh', 'adviceEn'],
  ['open:40125', '.project-note', '.note-en-fold', 'noteZh', 'noteEn'],
] as const)(
  "%s: the project's English (%s) is folded under the Chinese; a tap opens it",
  async (id, box, fold, zh, en) => {
    const entry = bundledCatalog().get(id)!;
    expect(entry[en]).toBeTruthy();
    const comp = open(id);
    const shown = (): string => textOf(comp.querySelector(box));
    expect(shown()).toContain(entry[zh]!);
    expect(shown()).not.toContain(entry[en]!.slice(0, 30));
    await fire(comp, fold, 'tap');
    expect(shown()).toContain(entry[en]!.slice(0, 30));
  },
);

test('a long string code is set smaller, so it is not broken inside the word; a number keeps the big size', () => {
  const cls = (id: string): string => String(open(id).querySelector('.head__code')?.dom?.className ?? '');
  expect(cls('payv3:APPID_MCHID_NOT_MATCH')).toContain('head__code--long');
  expect(cls('wxapi:requestPayment:fail cancel')).toContain('head__code--long');
  expect(cls('open:40001')).not.toContain('head__code--long');
  expect(cls('cloudbase:-606006')).not.toContain('head__code--long');
});
