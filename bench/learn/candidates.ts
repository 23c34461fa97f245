// Instrumentation for issue 10's learned-weights experiment: every candidate number of a text with its evidence
// (the core's learned.ts, which the `learned` option of extractCodes reads the same way) and what the rules
// decided for it. The rules run as extractCodes runs them (scanWritten), outside the extractor's path.
import type { Catalog } from '../../miniprogram/core/catalog';
import { extractCodes, scanWritten } from '../../miniprogram/core/extract';
import { candidatesOf, PLATFORMS, type PlatformClass } from '../../miniprogram/core/extract/learned';
import { addServiceFeatures } from './service';
import { countedAt, vetoed } from './vetoes';
import { messageIndex } from '../../miniprogram/core/extract/messages';
import { labelOf } from '../data/extract-fixtures';

export { PLATFORMS, type PlatformClass };

export interface CandidateRecord {
  code: string;
  offset: number;
  line: number;
  /** Evidence, by name: 0/1 indicators. */
  features: Record<string, number>;
  /** Platform classes the catalog has an entry for (generic when a WeChat platform has it, or none does). */
  platforms: PlatformClass[];
  /** The rules' decision: the label they gave (`40001`, `60020@wecom`), or undefined when dropped/ignored. */
  rules?: string;
  /** How the rules dropped it: 'ignored' (given to another service) or 'dropped' (never taken). */
  rulesWhy?: 'ignored' | 'dropped';
  /** What decided the rules' platform ('default': the most common meaning, no marker near). */
  rulesContext?: string;
  /** A veto of the rules holds it (vetoes.ts `vetoed`). */
  vetoed: boolean;
  /** A count or unit follows it (vetoes.ts `countedAt`). */
  counted: boolean;
}

export interface TextCandidates {
  candidates: CandidateRecord[];
  /** Labels the rules found not from a number (Pay string codes): kept as they are by every decision. */
  otherLabels: string[];
}

/** The platform class of a label (`60020@wecom` → wecom; no suffix → the generic platform). */
export function platformOfLabel(label: string): PlatformClass {
  const at = label.indexOf('@');
  const suffix = at === -1 ? '' : label.slice(at + 1);
  return (PLATFORMS as readonly string[]).includes(suffix) ? (suffix as PlatformClass) : '';
}

/** `service`: section 10's another-service features added to every candidate (service.ts). */
export function textCandidates(catalog: Catalog, text: string, { service = false } = {}): TextCandidates {
  const { ctx, scan } = scanWritten(text, catalog);
  const ignoredOffsets = new Set([...scan.ignored.values()].map((i) => i.start));
  const ignoredCodes = new Set(scan.ignored.keys());
  const found = candidatesOf(catalog, messageIndex(catalog), ctx, { hits: scan.hits, ignoredOffsets });
  if (service) addServiceFeatures(catalog, ctx.lines, found);
  const candidates = found.map((c): CandidateRecord => {
    const record: CandidateRecord = {
      code: c.code,
      offset: c.offset,
      line: c.line,
      features: c.features,
      platforms: c.platforms,
      vetoed: vetoed(c, ignoredCodes),
      counted: countedAt(text, c.end),
    };
    if (c.hit) {
      record.rules = labelOf(c.hit);
      record.rulesContext = c.hit.context;
    } else record.rulesWhy = c.ignored ? 'ignored' : 'dropped';
    return record;
  });
  // Written codes that are not numbers (Pay's PARAM_ERROR, a client errMsg), as extractCodes reports them.
  const otherLabels = extractCodes(text, { catalog, learned: false })
    .codes.filter((c) => !c.inferred && !/^-?\d+$/.test(c.code))
    .map(labelOf);
  return { candidates, otherLabels };
}
