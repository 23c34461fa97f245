// Search (home): answers as you type, 20 hits at a time (more on reaching the bottom), matched parts
// highlighted. Without a query it shows the notice, recent searches, favourites, recent views and the most
// looked-up codes. Only cell view-models travel through setData, never entries.
import { bundledCatalog } from '../../core/catalog';
import { search } from '../../core/search';
import { apartTogether, cellOf, hitCell, type CellView } from '../../core/view/cells';
import {
  COMMON_CODES,
  homeChips,
  noMatchHint,
  typoHint,
  type Hint,
  type HomeChip,
  type TypoHint,
} from '../../core/view/browse';
import { afterIndex, loadPrebuiltIndex } from '../../adapters/search-index';
import { pageUserData, type UserData } from '../../adapters/storage';
import { openDetail } from '../../adapters/ui';

/** Hits per page. */
export const PAGE_SIZE = 20;
/** Hits rendered at most (keeps the page under 1000 WXML nodes); past it the user is asked to refine. */
export const MAX_HITS = 60;
/** Favourites shown on the home before "show all". */
const FAV_PREVIEW = 10;
const HISTORY_SHOWN = 5;
const POPULAR_SHOWN = 10;

type State = 'home' | 'results' | 'none';

interface Home {
  queries: string[];
  favourites: CellView[];
  favTotal: number;
  history: CellView[];
  popular: HomeChip[];
  /** True when `popular` comes from the user's own lookups, false for the built-in common codes. */
  personal: boolean;
}

const EMPTY_HOME: Home = {
  queries: [],
  favourites: [],
  favTotal: 0,
  history: [],
  popular: [],
  personal: false,
};

function cellsOf(ids: readonly string[]): CellView[] {
  const catalog = bundledCatalog();
  const out: CellView[] = [];
  for (const id of ids) {
    const entry = catalog.get(id);
    if (entry) out.push(cellOf(entry));
  }
  return out;
}

function homeView(user: UserData, allFavourites: boolean): { home: Home; notice: string } {
  const catalog = bundledCatalog();
  const favourites = user.favourites();
  const shownFavourites = allFavourites ? favourites : favourites.slice(0, FAV_PREVIEW);
  // 最近查看 leaves out what 收藏 shows just above it: the same cell twice is a screen lost on a phone.
  const starred = new Set(shownFavourites);
  const history = user
    .history()
    .filter((id) => !starred.has(id))
    .slice(0, HISTORY_SHOWN);
  const codesOf = (ids: readonly string[]): string[] => ids.flatMap((id) => catalog.get(id)?.code ?? []);
  const seen = new Set(codesOf([...shownFavourites, ...history]));
  const mine = codesOf(user.mostViewed(POPULAR_SHOWN));
  // The user's most looked-up codes only when they add a code 收藏 or 最近查看 does not already show; else the
  // common codes. Chips carry the code's short meaning ("40001 access_token 无效"), not a bare number.
  const personal = mine.some((code) => !seen.has(code));
  const home: Home = {
    queries: user.recentQueries(),
    favourites: cellsOf(shownFavourites),
    favTotal: favourites.length,
    history: cellsOf(history),
    // Common codes the lists above already show are not offered again.
    popular: homeChips(catalog, personal ? mine : COMMON_CODES.filter((code) => !seen.has(code))),
    personal,
  };
  return { home, notice: user.notice };
}

const firstShowDone = new WeakSet<object>();
/** The query typed last, which a late index answers (kept out of setData). */
const latestQuery = new WeakMap<object, string>();
/**
 * The cells of a query whose hits include the non-WeChat platform, reordered once (apartTogether) up to MAX_HITS, and
 * whether more hits lay past them; pages are cut from it. Absent for other queries, which page through the engine.
 */
const reordered = new WeakMap<object, { cells: CellView[]; past: boolean }>();

Component({
  data: {
    query: '',
    state: 'home' as State,
    cells: [] as CellView[],
    more: false,
    capped: false,
    hint: { title: '', text: '', near: [] } as Hint,
    /** Above the hits of a code query the catalog lacks ("4001"): the codes one typo away. */
    typo: null as TypoHint | null,
    home: EMPTY_HOME,
    allFavourites: false,
    notice: '',
  },

  lifetimes: {
    attached() {
      // Started by app.ts already; here too for a page opened without it (tests, a cold deep link).
      void loadPrebuiltIndex();
      pageUserData(this, true);
      this.refreshHome();
    },
  },

  methods: {
    /** Back from a detail page: favourites and history may have changed, so storage is read again. */
    onShow() {
      // The first show follows attached(), which has just read storage.
      if (!firstShowDone.has(this)) {
        firstShowDone.add(this);
        return;
      }
      pageUserData(this, true);
      if (this.data.state === 'home') this.refreshHome();
    },

    refreshHome() {
      const { home, notice } = homeView(pageUserData(this), this.data.allFavourites);
      this.setData({ home, notice });
    },

    onInput(e: WechatMiniprogram.Input) {
      this.run(e.detail.value);
    },

    /** Runs a query and shows the first page of hits (or the home, or the no-match state). */
    run(query: string) {
      latestQuery.set(this, query); // also when cleared: a late answer to an older query is dropped
      const q = query.trim();
      if (!q) {
        this.setData({ query, state: 'home', cells: [], more: false, capped: false });
        this.refreshHome();
        return;
      }
      // Before the index subpackage has arrived, the query waits for it (adapters/search-index.ts); only the
      // latest query is answered then. Once it is there the answer comes at once and carries the query: one
      // setData per keystroke, not two.
      let answered = false;
      afterIndex(() => {
        answered = true;
        if (latestQuery.get(this) === query) this.answer(query);
      });
      if (!answered) this.setData({ query });
    },

    /** The first page of hits of a non-empty query. */
    answer(query: string) {
      const q = query.trim();
      const hits = search(bundledCatalog(), q, { limit: PAGE_SIZE + 1 });
      if (!hits.length) {
        this.setData({
          query,
          state: 'none',
          cells: [],
          more: false,
          capped: false,
          hint: noMatchHint(bundledCatalog(), q),
        });
        return;
      }
      let cells = hits.slice(0, PAGE_SIZE).map(hitCell);
      let more = hits.length > PAGE_SIZE;
      reordered.delete(this);
      if (hits.some((h) => hitCell(h).apart)) {
        // The query names the non-WeChat platform: its cells are gathered into one block, so all are ranked first.
        const all = search(bundledCatalog(), q, { limit: MAX_HITS + 1 });
        const ordered = apartTogether(all.slice(0, MAX_HITS).map(hitCell));
        reordered.set(this, { cells: ordered, past: all.length > MAX_HITS });
        cells = ordered.slice(0, PAGE_SIZE);
        more = ordered.length > PAGE_SIZE;
      }
      this.setData({
        query,
        state: 'results',
        cells,
        more,
        capped: false,
        typo: typoHint(bundledCatalog(), q),
      });
    },

    /** Next page of hits: only the new cells are sent (path keys), not the whole list again. */
    onReachBottom() {
      const { state, more, query, cells } = this.data;
      if (state !== 'results' || !more) return;
      const offset = cells.length;
      const room = Math.min(PAGE_SIZE, MAX_HITS - offset);
      const kept = reordered.get(this);
      const next = kept
        ? kept.cells.slice(offset, offset + room + 1)
        : search(bundledCatalog(), query.trim(), { offset, limit: room + 1 }).map(hitCell);
      const patch: Record<string, unknown> = {};
      next.slice(0, room).forEach((cell, i) => {
        patch[`cells[${offset + i}]`] = cell;
      });
      const left = next.length > room || (!!kept && kept.past && offset + room >= kept.cells.length);
      patch.more = left && offset + room < MAX_HITS;
      patch.capped = left && offset + room >= MAX_HITS;
      this.setData(patch);
    },

    clear() {
      this.run('');
    },

    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id ?? '');
      if (!id) return;
      if (this.data.state === 'results') pageUserData(this).recordQuery(this.data.query);
      openDetail(id);
    },

    /** A recent search or a popular code: search it. */
    onChip(e: WechatMiniprogram.TouchEvent) {
      this.run(String(e.currentTarget.dataset.q ?? ''));
    },

    showAllFavourites() {
      this.setData({ allFavourites: true });
      this.refreshHome();
    },

    onShareAppMessage() {
      return { title: 'wxerr：微信错误码离线查询', path: '/pages/search/index' };
    },
  },
});
