// Small wrappers over wx UI APIs the lookup pages share: navigation to a detail page, copy with a toast.
import { detailUrl } from '../core/view/cells';

export function openDetail(id: string): void {
  wx.navigateTo({ url: detailUrl(id) });
}

/** Copies text to the clipboard, then confirms with a toast (our wording replaces the system one). */
export function copyText(data: string, toast: string): void {
  wx.setClipboardData({
    data,
    success: () => {
      wx.showToast({ title: toast, icon: 'success' });
    },
    fail: () => {
      wx.showToast({ title: '复制失败', icon: 'error' });
    },
  });
}

export function toast(title: string): void {
  wx.showToast({ title, icon: 'none' });
}
