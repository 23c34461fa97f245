// The detail page's navigation-bar title names the platform as the page's cells do (platforms.ts: one table of
// short and long names), not by the catalog's internal name (walk6: "40001 · 开放平台通用" above a header that
// says 通用（微信开放平台） and cells that say 通用).
import { platformShort } from '../../miniprogram/core/platforms';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { installWx, instanceOf, loader } from '../helpers/simulate';

const renderDetail = loader('pages/detail/index');

test.each(['open:40001', 'wecom:60020', 'thirdparty:40001'])(
  'the title of %s uses the short platform name',
  (id) => {
    const setTitle = jest.fn();
    installWx({ setNavigationBarTitle: setTitle });
    const entry = bundledCatalog().get(id);
    if (!entry) throw new Error(`${id} is not in the catalog`);
    instanceOf(renderDetail()).onLoad({ id: encodeURIComponent(id) } as never);
    expect(setTitle).toHaveBeenCalledTimes(1);
    expect(setTitle.mock.calls[0][0]).toEqual({ title: `${entry.code} · ${platformShort(entry.platform)}` });
  },
);

test('the open platform is 通用 in the title, as in the cells', () => {
  const setTitle = jest.fn();
  installWx({ setNavigationBarTitle: setTitle });
  instanceOf(renderDetail()).onLoad({ id: encodeURIComponent('open:40001') } as never);
  expect(setTitle.mock.calls[0][0].title).toBe('40001 · 通用');
});
