// The class of an HTTP status from your own server (no error code in the body). Its own file: wxerr/pay uses it
// for the Pay codes it does not list, without bundling the rest of the classification.
import type { Action } from '../miniprogram/core/types';

/**
 * Action of an HTTP status from your own server (no error code in the body). Below 400: a 2xx body that is not
 * the JSON asked for (a portal's page, a body cut short), which a later try can get right.
 */
export function httpAction(status: number): Action {
  if (status < 400 || status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505))
    return 'retry-later';
  if (status === 401) return 're-login';
  if (status === 403) return 'fix-config';
  return 'fix-request';
}
