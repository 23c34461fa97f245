// A screenshot of wxerr's own detail page, forwarded by a support person ("he sent me this"), names exactly one
// entry: the code in the navigation title and the platform line under it. Scanned as any text, only the official
// wording under it was read, so the code came back "inferred from errmsg" and other texts of the page could add
// codes it does not show. Recognised here, the page gives that entry alone, as stated (not inferred), on the
// platform it shows. Pure, no wx, no Node: the CLI's image scan and the scan page both use it.
import type { Catalog } from './catalog';
import type { ScanResult } from './extract';
import { PLATFORMS, platformNames } from './platforms';
import type { Entry } from './types';

/** Lines after the title where the platform line may stand (the code and its action tag come between). */
const PLATFORM_LINE_WITHIN = 4;

/**
 * What OCR does to the page's punctuation: fullwidth or angle brackets for the parentheses, the middle dot read
 * as 。 + • or a spaced dash (a dash without spaces is a minus: -1).
 */
function squeeze(line: string): string {
  return line
    .replace(/[（〈《]/g, '(')
    .replace(/[）〉》]/g, ')')
    .replace(/\s*[。+•·・]\s*|\s+[-–—]\s+/g, '·')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The navigation title `40001 · 通用` (pages/detail: `${code} · ${platformShort}`), squeezed. */
const TITLE = /^(-?\d+|[a-z][a-z0-9_]*)·(.+)$/;

function entryOn(catalog: Catalog, code: string, short: string): Entry | undefined {
  return catalog.lookup(code).find((e) => squeeze(platformNames(e.platform).short) === short);
}

/**
 * The one code a screenshot of wxerr's detail page shows, as a scan result: the title and the platform line
 * (`通用（微信开放平台）`, or with ` · WeChat Open Platform (common)` on older pages) must both be there and name a
 * catalog entry.
 */
export function ownDetailPage(text: string, catalog: Catalog): ScanResult | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const title = TITLE.exec(squeeze(lines[i]));
    if (!title) continue;
    const entry = entryOn(catalog, title[1].toUpperCase(), title[2]); // squeezed: a Pay NAME came back lower-case
    if (!entry) continue;
    // The page names the platform in Chinese, `通用（微信开放平台）`, its bracket in small grey type that OCR often
    // misreads (`通用 (REFARTES)`): the short name and the bracket's start are what must be read. Until round 8
    // the line added the English name, which older screenshots still show.
    const info = PLATFORMS.find((p) => p.name === entry.platform);
    const long = squeeze(platformNames(entry.platform).long);
    const withEnglish = squeeze(`${platformNames(entry.platform).long} · ${info?.en ?? ''}`);
    const bracket = long.indexOf('(');
    const read = (l: string) =>
      l === long || l === withEnglish || (bracket > 0 && l.startsWith(long.slice(0, bracket + 1)));
    if (
      !lines
        .slice(i + 1, i + 1 + PLATFORM_LINE_WITHIN)
        .map(squeeze)
        .some(read)
    )
      continue;
    const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    return {
      codes: [
        {
          code: entry.code,
          inferred: false,
          evidence: lines[i].trim(),
          line: i + 1,
          via: 'context',
          start,
          end: start + lines[i].length,
          occurrences: 1,
          platform: entry.id.slice(0, entry.id.indexOf(':')),
          entryId: entry.id,
          context: 'wxerr detail page',
        },
      ],
      rids: [],
    };
  }
  return undefined;
}
