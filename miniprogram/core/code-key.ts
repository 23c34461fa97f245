// How a typed or logged code is matched against the catalog. No catalog data here: the build uses it too.

/**
 * "40001", " 40001 ", "+40001", "０４０００１" (full-width) all mean 40001; string codes are upper-cased with
 * runs of white space collapsed ("requestPayment:fail  cancel" → "REQUESTPAYMENT:FAIL CANCEL").
 */
export function normalizeCode(code: string): string {
  const s = code
    .trim()
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[－—–]/, '-')
    .replace(/^\+/, '');
  return /^-?\d+$/.test(s) ? s.replace(/^(-?)0+(?=\d)/, '$1') : s.replace(/\s+/g, ' ').toUpperCase();
}

/**
 * The key a WeChat Pay code is matched by: case, underscores and spaces do not count, so NOT_ENOUGH,
 * notenough and NOTENOUGH are one key (the sources spell one code several ways).
 */
export function payKey(code: string): string {
  return normalizeCode(code).replace(/[_\s]+/g, '');
}
