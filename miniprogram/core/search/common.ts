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

const RANK = new Map(COMMONLY_MET.map((code, i) => [code, i]));

/** Place of a code in COMMONLY_MET (0 = most met), or -1. */
export function commonRank(code: string): number {
  return RANK.get(code) ?? -1;
}
