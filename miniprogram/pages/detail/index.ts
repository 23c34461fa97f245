// Detail of one entry, opened by /pages/detail/index?id=<URL-encoded entry id> (e.g. open%3A40001).
// Answer first: the meaning and what to do fill the first screen; other platforms, other wordings, the family
// and the non-WeChat platform's same number are folded below, provenance in one line.
import { bundledCatalog } from '../../core/catalog';
import { detailView, type DetailView } from '../../core/view/detail';
import { idFromQuery } from '../../core/view/cells';
import { isCodeQuery, noMatchHint, type Hint } from '../../core/view/browse';
import { platformShort } from '../../core/platforms';
import { pageUserData } from '../../adapters/storage';
import { copyText, openDetail, toast } from '../../adapters/ui';

const NO_HINT: Hint = { title: '', text: '', near: [] };

Component({
  data: {
    found: false,
    /** The id asked for, to say which one was not found. */
    asked: '',
    /** For a missing code: what to try instead (the search page's no-match hint). */
    missing: NO_HINT,
    view: null as DetailView | null,
    fav: false,
    notice: '',
    /** Folded sections that are open: others, variants, family, elsewhere. */
    open: {} as Record<string, boolean>,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.show(idFromQuery(query.id));
    },

    show(id: string) {
      const entry = bundledCatalog().get(id);
      if (!entry) {
        // An id of a code the catalog lacks ("open:4001", a stale share): the codes one typo away, or nearby.
        const code = id.slice(id.lastIndexOf(':') + 1);
        const hint = isCodeQuery(code) ? noMatchHint(bundledCatalog(), code) : NO_HINT;
        const missing = hint.near.length ? hint : NO_HINT;
        this.setData({ found: false, asked: id, view: null, missing });
        return;
      }
      const user = pageUserData(this, true);
      user.recordView(entry.id);
      this.setData({
        found: true,
        asked: id,
        open: {},
        view: detailView(bundledCatalog(), entry),
        fav: user.isFavourite(entry.id),
        notice: user.notice,
      });
      // The short display name, as in the cells ("40001 · 通用"), not the catalog's name.
      wx.setNavigationBarTitle({ title: `${entry.code} · ${platformShort(entry.platform)}` });
    },

    copyCode() {
      const view = this.data.view;
      if (view) copyText(view.code, '已复制错误码');
    },

    copyDoc() {
      const view = this.data.view;
      if (view?.doc) copyText(view.doc, '已复制官方文档链接');
    },

    /** Opens or closes one folded section; only that flag travels through setData. */
    toggle(e: WechatMiniprogram.TouchEvent) {
      const key = String(e.currentTarget.dataset.key ?? '');
      if (key) this.setData({ [`open.${key}`]: !this.data.open[key] });
    },

    copyMessage() {
      const view = this.data.view;
      if (view) copyText(view.message, '已复制说明');
    },

    toggleFavourite() {
      const view = this.data.view;
      if (!view) return;
      const user = pageUserData(this);
      if (!this.data.fav && user.favouritesFull()) {
        toast('收藏已满 100 个，请先取消一些');
        return;
      }
      const fav = user.toggleFavourite(view.id);
      this.setData({ fav, notice: user.notice });
      toast(fav ? '已收藏' : '已取消收藏');
    },

    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id ?? '');
      if (id) openDetail(id);
    },

    /** Sharing opens this entry. */
    onShareAppMessage() {
      const view = this.data.view;
      return view ? view.share : { title: 'wxerr：微信错误码离线查询', path: '/pages/search/index' };
    },
  },
});
