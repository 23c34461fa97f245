// WeCom's own wordings: errmsgs seen in WeCom responses (catalog source wecom-seen: "invalid corpid", "user &
// party & tag all invalid") that no other WeChat code has and one WeCom entry only.
// Such a wording says WeCom where no marker does: beside its code, as a whole errmsg, or inside prose.
import type { Catalog } from '../catalog';
import { platformKeyOf } from './attribute';
import { messageIndex, normalizeMessage, remembered } from './messages';

export interface WecomHit {
  code: string;
  /** The WeCom entry (`wecom:60011`). */
  id: string;
}

interface Wording extends WecomHit {
  text: string;
  /** Its words, longest first: a line lacking one cannot hold the wording. */
  words: string[];
}

interface WecomIndex {
  /** Normalised wording → its entry. */
  byText: Map<string, WecomHit>;
  /** The entries that have such a wording. */
  ids: Set<string>;
  /**
   * The wordings without digits, for lines without their code: the log prefilter reads lines as templates
   * whose lone numbers are 0 (a wording with "4096" in it still counts beside its code, through byText).
   */
  plain: Wording[];
  /** Errmsgs already looked up (remembered()), with the number of words of their normalised form. */
  messages: Map<string, { hit: WecomHit; words: number } | null>;
}

/**
 * Words a wording needs to be taken from prose: four anywhere, three where a WeCom marker is near
 * ("企业微信通知…日志显示失败：invalid webhook url"); shorter ones ("invalid corpid") only as an errmsg.
 */
export const PROSE_WORDS = 4;
export const WECOM_PROSE_WORDS = 3;

const indexes = new WeakMap<Catalog, WecomIndex>();

function wecomIndex(catalog: Catalog): WecomIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  // Texts other WeChat codes have (the main errmsg index, shared or not) are no WeCom signal.
  const main = messageIndex(catalog);
  const found = new Map<string, WecomHit | null>();
  for (const entry of catalog.entries) {
    if (platformKeyOf(entry) !== 'wecom') continue;
    // Source wordings only: entry.en of a WeCom entry is the project's translation, not what the server says.
    for (const t of entry.texts) {
      const norm = t.en ? normalizeMessage(t.en) : '';
      if (norm.length < 6 || main.exact.has(norm) || main.ambiguous.has(norm)) continue;
      const known = found.get(norm);
      found.set(
        norm,
        known === undefined || known?.id === entry.id ? { code: entry.code, id: entry.id } : null,
      );
    }
  }
  const byText = new Map<string, WecomHit>();
  for (const [norm, hit] of found) if (hit) byText.set(norm, hit);
  index = {
    byText,
    ids: new Set([...byText.values()].map((w) => w.id)),
    plain: [...byText]
      .filter(([text]) => !/\d/.test(text))
      .map(([text, w]) => ({ text, words: text.split(' ').sort((a, b) => b.length - a.length), ...w })),
    messages: new Map(),
  };
  indexes.set(catalog, index);
  return index;
}

/** True when this WeCom entry has a wording of its own (only then can its errmsg decide a code's platform). */
export function hasWecomWording(catalog: Catalog, entryId: string): boolean {
  return wecomIndex(catalog).ids.has(entryId);
}

/**
 * The WeCom entry an errmsg is the wording of ("invalid corpid" → 40013). Without a code beside it, a wording
 * needs `minWords` words: "invalid corpid" alone could be any service's.
 */
export function wecomFromMessage(catalog: Catalog, raw: string, minWords = 1): WecomHit | undefined {
  const index = wecomIndex(catalog);
  // A log repeats its errmsgs (a 1 MB paste: 4,058 errmsgs, 45 distinct): each is normalised once.
  const found = remembered(index.messages, raw, () => {
    const norm = normalizeMessage(raw);
    const hit = index.byText.get(norm);
    return hit ? { hit, words: norm.split(' ').length } : undefined;
  });
  return found && found.words >= minWords ? found.hit : undefined;
}

/** The wordings whose every word the lower-cased line contains: cheap, and nothing else can match. */
function candidates(catalog: Catalog, lower: string, minWords: number): Wording[] {
  return wecomIndex(catalog).plain.filter(
    (w) => w.words.length >= minWords && w.words.every((word) => lower.includes(word)),
  );
}

/** A wording of `minWords` words or more inside a line of prose ("…发送失败 user & party & tag all invalid"). */
export function wecomFromProse(catalog: Catalog, line: string, minWords = PROSE_WORDS): WecomHit | undefined {
  const found = candidates(catalog, line.toLowerCase(), minWords);
  if (found.length === 0) return undefined;
  const norm = ` ${normalizeMessage(line)} `;
  const hit = found.find((w) => norm.includes(` ${w.text} `));
  return hit ? { code: hit.code, id: hit.id } : undefined;
}

/**
 * True when a lower-cased line is a wording or holds one in prose (the log prefilter's test: it keeps a line
 * whenever some context could make the scan use it).
 */
export function holdsWecomWording(catalog: Catalog, lower: string): boolean {
  const found = candidates(catalog, lower, 1);
  if (found.length === 0) return false;
  const norm = normalizeMessage(lower);
  return found.some(
    (w) => norm === w.text || (w.words.length >= WECOM_PROSE_WORDS && ` ${norm} `.includes(` ${w.text} `)),
  );
}

/** Lines whose errmsg is a wording, with the WeCom entries those wordings belong to. */
export function wecomWordingLines(
  catalog: Catalog,
  messages: readonly { raw: string; line: number }[],
): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  for (const m of messages) {
    const hit = wecomFromMessage(catalog, m.raw);
    if (!hit) continue;
    const ids = lines.get(m.line) ?? new Set<string>();
    ids.add(hit.id);
    lines.set(m.line, ids);
  }
  return lines;
}
