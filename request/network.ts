// `wxerr/network`: why a wx.request / uploadFile / downloadFile got no response, every reason, opt in:
// `createClient({ network })`. Client errno first (600002 domain list, 600007 too many tasks…), then errMsg
// (refused, reset, DNS, TLS, offline…; old clients give only errMsg). Domain-list and TLS failures become
// `fix-config`, not retried. Without it the core tells abort and timeout apart and calls the rest 'unknown'.
export { classifyWxFailure as network } from '../miniprogram/core/wx-failure';
export type { WxFailure } from '../miniprogram/core/wx-failure';
