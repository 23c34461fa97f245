// `wxerr/session`: your session's token and its refresh, opt in:
// `createClient({ auth: session({ getToken, refreshToken }) })`. By default the session expires on an HTTP 401
// from your backend that carries no relayed WeChat / Pay code; relayed access_token codes (40001, 40014,
// 42001) are your backend's token and reject as kind 'api' unless `refreshOnAccessTokenCodes` says otherwise.
import { createRefresher } from './auth';
import type { RawResponse } from './classify';
import type { Auth, MaybePromise, WireRequest } from './options';

export interface SessionOptions {
  /** The current session token (undefined: send without one). */
  getToken(): MaybePromise<string | undefined>;
  /**
   * Renews the session (wx.login → your backend) and stores the token where getToken() reads it. Called once
   * for any number of waiting requests. Calls it makes through this client need `{ auth: false }`.
   */
  refreshToken(): MaybePromise<unknown>;
  /** Whether a response means the session expired (default: HTTP 401 from your backend). */
  isAuthExpired?(res: RawResponse): boolean;
  /**
   * Also treat relayed access_token codes (40001, 40014, 42001) as the session expiring (default false: they
   * are your backend's access_token and reject as kind 'api'; re-logging the user in does not fix them).
   */
  refreshOnAccessTokenCodes?: boolean;
  /** ms a refresh may take before the waiting requests fail (default 10 000). */
  timeout?: number;
  /** Puts the token on a send (default: header `Authorization: Bearer <token>`). */
  apply?(req: WireRequest, token: string): void;
}

const bearer = (req: WireRequest, token: string): void => {
  req.header.Authorization = `Bearer ${token}`;
};

/** The session as createClient's `auth` takes it: single-flight refresh, one replay per call. */
export function session(o: SessionOptions): Auth {
  const refresher = createRefresher(() => o.refreshToken(), o.timeout || 10000);
  return {
    async apply(req) {
      // Synchronous, before any await: a call made by refreshToken's own first turn would wait for itself.
      if (refresher.inside)
        throw new Error('called from inside refreshToken: pass { auth: false } to the login call');
      const gen = refresher.gen;
      if (refresher.pending) await refresher.pending;
      const token = await o.getToken();
      if (token) (o.apply || bearer)(req, token);
      return gen;
    },
    expired: (res, err) =>
      (o.isAuthExpired ? o.isAuthExpired(res) : res.statusCode === 401 && !(err && err.kind === 'api')) ||
      (!!o.refreshOnAccessTokenCodes && !!err && err.action === 'refresh-token'),
    refresh: refresher.refresh,
  };
}
