// docs/wrapper.md's quick-start example, type-checked by `npm run typecheck` (doc-example.test.ts keeps the two
// identical but for the import path).
import { createClient, isWxerrError } from '../../request';
import { userMessage } from '../../request/messages';
import { session } from '../../request/session';

let token: string | undefined = wx.getStorageSync('session');

export const api = createClient({
  baseURL: 'https://api.example.com',
  auth: session({
    getToken: () => token,
    // Runs once for every HTTP 401 in flight from your backend, then each request is replayed once.
    refreshToken: async () => {
      const { code } = await wx.login();
      // A call made here through `api` needs { auth: false } (the client fails fast otherwise).
      const res = await api.post<{ session: string }>('/login', { code }, { auth: false });
      token = res.session;
      wx.setStorageSync('session', token);
    },
  }),
});

export async function loadMe(): Promise<void> {
  try {
    const me = await api.get<{ name: string }>('/me');
    console.log(me.name);
  } catch (e) {
    if (!isWxerrError(e)) throw e;
    if (e.kind === 'api' && e.action === 'refresh-token') {
      // 40001 / 40014 / 42001 relayed by your backend: ITS access_token is stale (refresh it centrally with
      // getStableAccessToken). Not the user's session: the user is not logged out and nothing is retried.
    }
    wx.showToast({ title: userMessage(e).zh, icon: 'none' }); // 网络不给力，请稍后再试 / 服务繁忙，请稍后再试 …
  }
}
