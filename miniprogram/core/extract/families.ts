// Client-API families named anywhere in a text. An API's documentation page or a bug report names the API
// once (":wxapi:`wx.startBeaconDiscovery`", "createInnerAudioContext 在IOS真机上…") and lists or quotes its
// errCodes lines away from the name, out of reach of the words near the number (attribute.ts). A number that
// only a client API's table holds, or that the text's own family holds, is that API's errCode when the text
// names the family: the nearest naming line wins when several families share the number (10001 is both
// Bluetooth's and the audio APIs'). Worked out once per text, only when a client-API code is met.
import type { Catalog } from '../catalog';
import { familyPatternIn, platformIndex, type Attribution } from './attribute';
import type { LineIndex } from './text';

/** Per family scope: the lines naming it, ascending. */
type Named = { scope: string; lines: number[]; word: string }[];

export class TextFamilies {
  private named?: Named;
  private readonly answers = new Map<string, Attribution | null>();

  constructor(
    private readonly catalog: Catalog,
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** The errCode meaning of the family named nearest to `line` whose table holds `code`, if any. */
  at(code: string, line: number): Attribution | undefined {
    const index = platformIndex(this.catalog);
    if (!index.apiCodes.has(code)) return undefined;
    const key = `${code}|${line}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known ?? undefined;
    let best: Attribution | undefined;
    let bestDistance = Infinity;
    for (const { scope, lines, word } of (this.named ??= this.find())) {
      const entry = this.catalog.get(`wxapi:${scope}:${code}`);
      if (!entry) continue;
      const distance = nearest(lines, line);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { platform: 'wxapi', entryId: entry.id, context: word };
      }
    }
    if (this.answers.size < 5000) this.answers.set(key, best ?? null);
    return best;
  }

  /** One pass per family pattern over the text (a dozen families), on first need. */
  private find(): Named {
    const found: Named = [];
    for (const { scope, pattern } of platformIndex(this.catalog).scopes) {
      const global = new RegExp(familyPatternIn(pattern, this.text).source, 'g');
      const lines: number[] = [];
      let word = '';
      for (const m of this.text.matchAll(global)) {
        const line = this.lines.lineOf(m.index ?? 0);
        if (lines[lines.length - 1] !== line) lines.push(line);
        word ||= m[0];
        if (lines.length >= 64) break;
      }
      if (lines.length) found.push({ scope, lines, word });
    }
    return found;
  }
}

/** Distance from `line` to the nearest of the ascending `lines`. */
function nearest(lines: number[], line: number): number {
  let best = Infinity;
  for (const l of lines) {
    const d = Math.abs(l - line);
    if (d < best) best = d;
    if (l > line) break;
  }
  return best;
}
