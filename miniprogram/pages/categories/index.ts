// Category tabs: one tab per platform with its entry count; within a platform, filter chips by family.
// The list renders a window of rows around the scroll position (spacers keep the scroll height true), so a
// platform of 1,800 entries costs the same as one of 10. Entries stay out of setData: only cells do.
import { bundledCatalog } from '../../core/catalog';
import { platformByKey, platformNames, type PlatformInfo } from '../../core/platforms';
import type { Entry } from '../../core/types';
import { cellOf, type CellView } from '../../core/view/cells';
import { platformEntries, platformTabs, tabChips, type Chip, type Tab } from '../../core/view/browse';
import { listWindow, sameWindow, type ListWindow } from '../../core/view/window';
import { openDetail } from '../../adapters/ui';

/** Height of one row in px at WeChat's default 17 px font; entry-cell rows are fixed to it (see index.wxss). */
export const ROW_HEIGHT = 72;
const DEFAULT_FONT = 17;

/**
 * The row height for the user's font-size setting: the windowed list needs one fixed height, and a fixed 72 px
 * clipped the second line at large font sizes. Scales with the setting, between 1× and 2×.
 */
export function rowHeightFor(fontSizeSetting: number | undefined): number {
  const scale =
    typeof fontSizeSetting === 'number' && fontSizeSetting > 0 ? fontSizeSetting / DEFAULT_FONT : 1;
  return Math.ceil(ROW_HEIGHT * Math.min(2, Math.max(1, scale)));
}

function fontSizeSetting(): number | undefined {
  try {
    return wx.getAppBaseInfo().fontSizeSetting;
  } catch {
    return undefined;
  }
}
/** Rows rendered at once. */
export const WINDOW_SIZE = 50;

/** Per-instance state that must not go through setData (the filtered entries). */
interface ListState {
  entries: Entry[];
  window?: ListWindow;
  viewport: number;
  rowHeight: number;
}

const lists = new WeakMap<object, ListState>();

/** The family chips of a platform's tab, capped (`cap` Infinity: all of them, after a tap on 更多). */
function chipsOf(
  platform: PlatformInfo,
  all: readonly Entry[],
  cap?: number,
): { chips: Chip[]; more: number } {
  const { short, long } = platformNames(platform.name);
  const { chips, more } = tabChips(all, [long, short, platform.name], cap);
  return { chips, more: more.length };
}

function viewportHeight(): number {
  try {
    return wx.getWindowInfo().windowHeight;
  } catch {
    return 700;
  }
}

Component({
  data: {
    tabs: [] as Tab[],
    active: '',
    chips: [] as Chip[],
    /** Family chips behind "更多" (0 when all are shown). */
    moreChips: 0,
    family: '',
    total: 0,
    rows: [] as CellView[],
    top: 0,
    bottom: 0,
    scrollTop: 0,
    rowHeight: ROW_HEIGHT,
  },

  lifetimes: {
    attached() {
      const tabs = platformTabs(bundledCatalog());
      this.setData({ tabs, rowHeight: rowHeightFor(fontSizeSetting()) });
      if (tabs.length) this.select(tabs[0].key, '');
    },
  },

  methods: {
    /** Shows a platform (and family, '' for all) from the top of its list. */
    select(platformKey: string, family: string) {
      const platform = platformByKey(platformKey);
      if (!platform) return;
      const all = platformEntries(bundledCatalog(), platform.name);
      const entries = family ? all.filter((e) => e.family === family) : all;
      const state: ListState = { entries, viewport: viewportHeight(), rowHeight: this.data.rowHeight };
      lists.set(this, state);
      const win = listWindow(entries.length, 0, {
        rowHeight: state.rowHeight,
        viewport: state.viewport,
        size: WINDOW_SIZE,
      });
      state.window = win;
      const patch: Record<string, unknown> = {
        family,
        total: entries.length,
        rows: entries.slice(win.start, win.end).map((e) => cellOf(e)),
        top: win.top,
        bottom: win.bottom,
        scrollTop: 0,
      };
      if (platformKey !== this.data.active) {
        patch.active = platformKey;
        const { chips, more } = chipsOf(platform, all);
        patch.chips = chips;
        patch.moreChips = more;
      }
      this.setData(patch);
    },

    onTab(e: WechatMiniprogram.TouchEvent) {
      const key = String(e.currentTarget.dataset.key ?? '');
      if (key && key !== this.data.active) this.select(key, '');
    },

    /** 更多: every family chip of the tab. */
    onMoreChips() {
      const platform = platformByKey(this.data.active);
      if (!platform) return;
      const { chips } = chipsOf(platform, platformEntries(bundledCatalog(), platform.name), Infinity);
      this.setData({ chips, moreChips: 0 });
    },

    /** Tapping the active chip again clears the filter. */
    onChip(e: WechatMiniprogram.TouchEvent) {
      const key = String(e.currentTarget.dataset.key ?? '');
      this.select(this.data.active, key === this.data.family ? '' : key);
    },

    /** Moves the window only when the scroll leaves it (the start snaps to steps of 10 rows). */
    onScroll(e: WechatMiniprogram.ScrollViewScroll) {
      const state = lists.get(this);
      const scrollTop = e.detail?.scrollTop;
      // A scroll without a position (synthetic, or not from the list) says nothing about the window.
      if (!state || typeof scrollTop !== 'number') return;
      const win = listWindow(state.entries.length, scrollTop, {
        rowHeight: state.rowHeight,
        viewport: state.viewport,
        size: WINDOW_SIZE,
      });
      if (sameWindow(state.window, win)) return;
      state.window = win;
      this.setData({
        rows: state.entries.slice(win.start, win.end).map((x) => cellOf(x)),
        top: win.top,
        bottom: win.bottom,
      });
    },

    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id ?? '');
      if (id) openDetail(id);
    },
  },
});
