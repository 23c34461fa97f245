// 公众号 网页授权: the codes the authorize page (open.weixin.qq.com/connect/oauth2/authorize) shows, as the
// official 授权登录常见问题 page words them. The 网页授权 page's own 错误返回码 table could not be read here
// (catalog/sources/SOURCES.md), so only the codes this page names are rows. The page's causes are the fix.
import { meaningful, tsvParser } from './tsv';

export const MP_OAUTH_PAGE =
  'https://developers.weixin.qq.com/doc/oplatform/developers/troubleshooting/auth.html';
export const MP_OAUTH_API = 'connect/oauth2/authorize';

export const parseMpOauth = tsvParser(['code', 'zh_msg', 'zh_advice', 'api', 'source'], (c, at) => {
  if (!/^100\d\d$/.test(c.code))
    throw new Error(`${at}: not an authorize page code: ${JSON.stringify(c.code)}`);
  if (c.api !== MP_OAUTH_API) throw new Error(`${at}: api is not ${MP_OAUTH_API}: ${c.api}`);
  if (c.source !== MP_OAUTH_PAGE) throw new Error(`${at}: source is not ${MP_OAUTH_PAGE}: ${c.source}`);
  const fix = meaningful(c.zh_advice);
  return {
    platform: '公众号',
    code: c.code,
    en: '',
    zh: c.zh_msg,
    ...(fix ? { fix } : {}),
    note: '网页授权 (oauth2/authorize) 授权页提示',
    api: c.api,
    doc: c.source,
  };
});
