// The codes developers meet most, most met first: the token, whitelist, quota, permission and login errors
// behind most incidents (domain knowledge: see the shared notes on WeChat errors and catalog/project/
// advice.tsv). The home page shows the first ones as chips; search ranks them first among the hits that
// have every word of the query, so a query about a concept ("白名单", "whitelist") opens on its usual code.
export const COMMONLY_MET: readonly string[] = [
  '40001',
  '40164',
  '42001',
  '45009',
  '40029',
  '41001',
  '48001',
  '-1',
  '40013',
  '45011',
  '40014',
  '40163',
  '40125',
];

/**
 * The platforms with their own numbering (search holds them back): their own most met codes, by platform
 * key. WeCom: 60020 (不安全的访问IP, the caller's IP not trusted) is the most common WeCom failure (issue 9),
 * then the token and permission errors every WeCom integration meets.
 */
const COMMONLY_MET_ON: Readonly<Record<string, readonly string[]>> = {
  wecom: ['60020', '42001', '40014', '40001', '60011', '48002'],
};

const RANK = new Map(COMMONLY_MET.map((code, i) => [code, i]));
const RANK_ON = new Map(
  Object.entries(COMMONLY_MET_ON).map(([key, codes]) => [key, new Map(codes.map((code, i) => [code, i]))]),
);

/** Place of a code in COMMONLY_MET (0 = most met), or -1. */
export function commonRank(code: string): number {
  return RANK.get(code) ?? -1;
}

/** Place of a code in the own list of a platform with its own numbering (by key), or -1. */
export function commonRankOn(platformKey: string, code: string): number {
  return RANK_ON.get(platformKey)?.get(code) ?? -1;
}

/**
 * A concept's most commonly met code: when a query has every concept of a lead (thesaurus concepts, see
 * search/synonyms.ts) and names no code, that code leads among the hits that share the query's words, even in
 * a long sentence whose other words point elsewhere ("我获取access_token一直提示ip不在白名单" → 40164, not 42001).
 * Chosen by evidence: the code most public threads show for the concept (docs/search.md, "Concept leads").
 * `lift`: the lead is met on a platform with its own numbering that the query need not name (签名错误 is a
 * WeChat Pay error far more often than any other). Keys are `platformKey:code`.
 */
export interface ConceptLead {
  concepts: readonly string[];
  ids: readonly string[];
  lift?: boolean;
  /** Keys that point to another lead's signature (JS-SDK, the APIv3 header): the query has one, this lead is not met. */
  unless?: readonly string[];
}

export const CONCEPT_LEADS: readonly ConceptLead[] = [
  { concepts: ['@whitelist'], ids: ['open:40164', 'wecom:60020'] },
  {
    concepts: ['@signature', '@error'],
    ids: ['payv2:SIGNERROR', 'payv3:SIGN_ERROR'],
    lift: true,
    unless: ['js', 'config', 'authorization'],
  },
  { concepts: ['@system', '@error'], ids: ['open:-1', 'mp:-1', 'payv2:SYSTEMERROR', 'payv3:SYSTEM_ERROR'] },
  { concepts: ['@busy'], ids: ['open:-1', 'mp:-1', 'payv2:SYSTEMERROR', 'payv3:SYSTEM_ERROR'] },
  { concepts: ['@domain', '@request'], ids: ['errno:600002', 'wxapi:request:fail url not in domain list'] },
  {
    concepts: ['@domain', 'downloadfile'],
    ids: ['wxapi:downloadFile:fail url not in domain list', 'errno:600002'],
  },
  {
    concepts: ['@domain', 'uploadfile'],
    ids: ['wxapi:uploadFile:fail url not in domain list', 'errno:600002'],
  },
  { concepts: ['@credential', '@expire'], ids: ['open:42001', 'mp:42001', 'wecom:42001'] },
  { concepts: ['@code', '@session'], ids: ['open:40163', 'open:40029', 'mp:40029'] },
  { concepts: ['@subscribe', '@message', '@error'], ids: ['open:43101'] },
  { concepts: ['@login', '@error'], ids: ['open:40029', 'mp:40029'] },
  // APIv3 answers a merchant with no platform certificate (new merchants use the Pay public key) so.
  { concepts: ['平台', '证书'], ids: ['payv3:RESOURCE_NOT_EXISTS'], lift: true },
  { concepts: ['platform', 'certificate'], ids: ['payv3:RESOURCE_NOT_EXISTS'], lift: true },
  { concepts: ['openid', '@invalid'], ids: ['open:40003', 'mp:40003'] },
  { concepts: ['appid', '@auth'], ids: ['open:43104'] },
  // JS-SDK's wx.config answers a wrong page URL or ticket with "config:invalid signature" (63002, not 87009) and a
  // page outside the JS safe domains with "config:fail,invalid domain" (40048).
  { concepts: ['js', '@signature'], ids: ['open:63002'], lift: true },
  { concepts: ['config', '@signature'], ids: ['open:63002'], lift: true },
  { concepts: ['config', '@domain'], ids: ['open:40048', 'mp:40048'] },
  // JS-SDK's ticket is the jsapi_ticket: "jsapi 签名" outside a payment is wx.config's signature (63002).
  { concepts: ['jsapi', '@signature'], ids: ['open:63002'], lift: true, unless: ['@pay'] },
  // wx.request's TLS handshake errMsg ("request:fail ssl hand shake error": the errno route drops its API word,
  // and the client API table is held back a tier): its own words lead to it.
  { concepts: ['ssl', 'shake'], ids: ['wxapi:request:fail ssl hand shake error'], lift: true },
  // WeChat Pay writes a product not opened for the merchant as 产品权限 (NOAUTH's "no permission for this API").
  { concepts: ['产品', '@auth'], ids: ['payv2:NOAUTH', 'payv3:NO_AUTH'], lift: true },
  // Callback crypto: a signature that fails verification (签名验证错误, 回调验签) is the msg crypto's -40001.
  { concepts: ['@signature', '@verify'], ids: ['wecom:-40001'], lift: true, unless: ['@pay'] },
  { concepts: ['回调', '@signature'], ids: ['wecom:-40001'], lift: true, unless: ['@pay'] },
  // 云开发 not opened for the mini program: "没有权限，请先开通云开发".
  { concepts: ['开通', '@cloud'], ids: ['cloudbase:-601034'], lift: true },
  // APIv3 checks the Authorization header first: missing or malformed, it answers SIGN_ERROR (a Pay question).
  { concepts: ['authorization', '@pay'], ids: ['payv3:SIGN_ERROR'], lift: true },
];
