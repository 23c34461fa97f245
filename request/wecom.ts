// `wxerr/wecom`: errcodes read with 企业微信 (WeCom) meanings, opt in: `createClient({ platform: wecom })` or
// per call. Same body shape as WeChat's, other meanings: its 40001 is a bad secret, 45009 a frequency limit;
// 40014/42001/41001 are the backend's access_token as on WeChat. Codes not listed follow WeChat's rules (retry
// wording, then the number ranges).
import { rangeAction, table } from '../miniprogram/core/action-codes';
import type { CodeTable } from './classify';
import type { ErrorAction } from './errors';

export const wecom: CodeTable = {
  id: 'wecom',
  label: 'WeCom ',
  actions: table<ErrorAction>({
    'retry-later': '-1 45009 45033',
    'refresh-token': '40014 42001 41001 42009',
    're-login': '40029',
    'fix-config': '40001 40013 40056 48002 60011 60020 50001 301002',
  }),
  range: rangeAction,
};
