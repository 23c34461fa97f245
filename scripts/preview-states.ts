// The states the page previews show (scripts/preview-pages.ts), each reached through the page as a user
// would: a query typed, a chip tapped, a detail opened, a log pasted and scanned; the same few again at
// WeChat's largest usual font setting; and the favourites and recent items a returning user has.
import type { PAGES } from './preview-render';
import { stub, type Rendered } from './preview-sim';

export interface State {
  name: string;
  page: keyof typeof PAGES;
  /** Rendered as with a larger WeChat font setting: fonts scaled, and checked for clipped content. */
  fontScale?: number;
  /** Also take a full-length screenshot. */
  full?: boolean;
  drive: (comp: Rendered) => Promise<void> | void;
}

const SCAN_LOG = [
  '2024-03-12 09:41:22.118 INFO  [wx-api] POST /cgi-bin/token grant_type=client_credential',
  '2024-03-12 09:41:22.301 ERROR [wx-api] get token failed',
  '{"errcode":40164,"errmsg":"invalid ip 47.96.121.18 ipv6 ::ffff:47.96.121.18, not in whitelist rid: 65efb3a2-1c0e5d7a-3f1b2c44"}',
  '2024-03-12 09:41:25.004 WARN  [wx-api] retry in 300s',
  '2024-03-12 09:46:25.550 ERROR [wx-api] sendMessage {"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 65efb4d1-5a2b9c3e-71d04f8a"}',
  '2024-03-12 09:46:26.010 ERROR [mp] {"errcode":45009,"errmsg":"reach max api daily quota limit"}',
  '2024-03-12 09:46:27.777 ERROR [pay] {"errcode":45999,"errmsg":"something new"}',
].join('\n');

async function event(comp: Rendered, selector: string, name: string, detail: unknown = {}): Promise<void> {
  const value = (detail as { value?: unknown }).value;
  if (name === 'input' && typeof value === 'string') stub.typed.set(selector.slice(1), value);
  const node = comp.querySelector(selector);
  if (!node) throw new Error(`no node matches ${selector}`);
  node.dispatchEvent(name, { detail });
  await stub.sleep();
}
/** Changes storage, then shows the page again as when coming back to it (it reads storage once per show). */
async function reshow(comp: Rendered, change: () => void): Promise<void> {
  change();
  const page = comp.instance as unknown as { onShow(): void };
  page.onShow(); // the first show follows attached() and reads nothing
  page.onShow();
  await stub.sleep();
}
function searchFor(query: string): State['drive'] {
  return (comp) => event(comp, '.search-bar__input', 'input', { value: query });
}

const STATES_BASE: State[] = [
  {
    name: 'search-home',
    page: 'search',
    full: true,
    drive: () => undefined, // storage seeded by seedUser() before rendering
  },
  { name: 'search-40001', page: 'search', full: true, drive: searchFor('40001') },
  { name: 'search-ip-whitelist', page: 'search', drive: searchFor('ip白名单') },
  { name: 'search-invalid-credential', page: 'search', drive: searchFor('invalid credential') },
  { name: 'search-not-wechat-40001', page: 'search', drive: searchFor('40001 非微信') },
  { name: 'search-no-match-45999', page: 'search', drive: searchFor('45999') },
  { name: 'search-typo-4001', page: 'search', drive: searchFor('4001') },
  // A first-time user: no favourites, history or searches.
  { name: 'search-home-empty', page: 'search', drive: (comp) => reshow(comp, () => stub.storage.clear()) },
  // A history value corrupted in storage (another version wrote it, say): the page starts it empty, with a notice.
  {
    name: 'search-home-corrupt-storage',
    page: 'search',
    drive: (comp) => reshow(comp, () => stub.storage.set('wxerr:history:v1', '{"items": [oops')),
  },
  {
    name: 'categories-chip',
    page: 'categories',
    drive: async (comp) => {
      // The 45xxx chip (限制与拦截): a family of many codes, as a support person would pick.
      const keys = (comp.instance.data.chips as { key: string }[]).map((c) => c.key);
      comp.querySelectorAll('.family-chip')[keys.indexOf('45xxx')]?.dispatchEvent('tap', { detail: {} });
      await stub.sleep();
    },
  },
  {
    name: 'detail-40001',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A40001' } as never),
  },
  // A code met on many platforms (-1 系统繁忙).
  {
    name: 'detail-minus1-many-platforms',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A-1' } as never),
  },
  {
    name: 'detail-40125-note',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A40125' } as never),
  },
  {
    name: 'detail-40034-translated',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A40034' } as never),
  },
  // pages8: a WeCom code, a Pay string code and a client API errMsg, as a support person meets them.
  {
    name: 'detail-wecom-60020',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'wecom%3A60020' } as never),
  },
  {
    name: 'detail-pay-appid-mchid',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: encodeURIComponent('payv3:APPID_MCHID_NOT_MATCH') } as never),
  },
  {
    name: 'detail-client-errmsg',
    page: 'detail',
    full: true,
    drive: (c) =>
      void c.instance.onLoad({ id: encodeURIComponent('wxapi:requestPayment:fail cancel') } as never),
  },
  {
    name: 'detail-not-found',
    page: 'detail',
    drive: (c) => void c.instance.onLoad({ id: 'open%3A99999999' } as never),
  },
  {
    name: 'detail-typo-4001',
    page: 'detail',
    drive: (c) => void c.instance.onLoad({ id: 'open%3A4001' } as never),
  },
  { name: 'scan-empty', page: 'scan', drive: () => undefined },
  // walk7: the edges a new user meets. A paste past the page's bound (it says so and scans nothing).
  {
    name: 'scan-paste-100k',
    page: 'scan',
    drive: async (comp) => {
      const line = '2024-03-12 09:41:22.118 INFO  [wx-api] GET /cgi-bin/user/info ok\n';
      await event(comp, '.paste', 'input', {
        value: `${line.repeat(Math.ceil(100_001 / line.length))}${SCAN_LOG}`,
      });
      await event(comp, '.scan-text', 'tap');
    },
  },
  // The clipboard read on tap holds nothing (the page toasts and keeps its state).
  {
    name: 'scan-clipboard-empty',
    page: 'scan',
    drive: async (comp) => {
      stub.calls.clipboard = '';
      await event(comp, '.clipboard', 'tap');
    },
  },
  // The clipboard holds a customer's pasted log: read on tap and scanned at once.
  {
    name: 'scan-clipboard',
    page: 'scan',
    drive: async (comp) => {
      stub.calls.clipboard = SCAN_LOG;
      await event(comp, '.clipboard', 'tap');
    },
  },
  // A chat screenshot read by VisionKit (stubbed as documented: anchors with text), then scanned.
  {
    name: 'scan-screenshot',
    page: 'scan',
    drive: async (comp) => {
      stub.ocrAnchors = ['客户 10:02', '今天开始，授权时候一直报40029，invalid code的错误', '怎么处理？'];
      await comp.instance.onScanImage();
    },
  },
  // A screenshot that cannot be read: the preview's wx has no chooseMedia, so picking fails as on an old client.
  { name: 'scan-ocr-failed', page: 'scan', drive: async (comp) => void (await comp.instance.onScanImage()) },

  {
    name: 'scan-results',
    page: 'scan',
    full: true,
    drive: async (comp) => {
      await event(comp, '.paste', 'input', { value: SCAN_LOG });
      await event(comp, '.scan-text', 'tap');
    },
  },
];

/** The same states again as with WeChat's largest usual font setting (about 1.3× the default 17 px). */
function LARGE_FONT_STATES(): State[] {
  const again = [
    'search-home',
    'search-ip-whitelist',
    'search-no-match-45999',
    'categories-chip',
    'detail-40001',
    'detail-minus1-many-platforms',
    'detail-pay-appid-mchid',
    'scan-empty',
    'scan-results',
  ];
  return again.map((name) => {
    const base = STATES_BASE.find((s) => s.name === name) as State;
    return { ...base, name: `${name}-large-font`, full: false, fontScale: 1.3 };
  });
}

export const STATES: State[] = [...STATES_BASE, ...LARGE_FONT_STATES()];

/** Favourites, recent views and recent searches, made through the pages as a user would. */
export async function seedUser(render: (page: keyof typeof PAGES) => Rendered): Promise<void> {
  for (const id of ['open:45009', 'open:40164', 'open:40001']) {
    const detail = render('detail');
    detail.instance.onLoad({ id: encodeURIComponent(id) } as never);
    if (id !== 'open:45009') detail.instance.toggleFavourite();
  }
  for (const q of ['ip白名单', '40001']) {
    const search = render('search');
    search.instance.run(q as never);
    await stub.sleep(); // the first query waits for the search index (adapters/search-index.ts)
    search.instance.onOpen({ currentTarget: { dataset: { id: 'open:40001' } } } as never);
  }
  await stub.sleep();
}
