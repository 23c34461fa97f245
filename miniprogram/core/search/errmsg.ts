// A client errMsg pasted in another form than the catalog writes it ("navigateTo:fail:can not navigate to a tab
// bar page", "canvasToTempFilePath failed … canvasToTempFilePath: fail canvas is empty", a bare
// "canvasToTempFilePath:fail"): the API named with ":fail" is one of the catalog's client APIs, so its own
// errMsgs are the candidates and the words after ":fail" choose between them. Pure TypeScript.
import type { Catalog } from '../catalog';
import { foldChars } from './text';

/** A catalog errMsg code: "api:fail …" (the colon may stand apart: "canvasToTempFilePath: fail …"). */
const CATALOG_ERRMSG = /^([a-z]\w*)\s*:\s*fail\b(.*)$/i;
const WORD = /[a-z0-9]+|[\u3400-\u9fff]+/g;

interface Candidate {
  code: string;
  words: ReadonlySet<string>;
}

function words(text: string): Set<string> {
  return new Set(foldChars(text).match(WORD) ?? []);
}

export class ClientErrMsgs {
  /** Folded API name → its catalog errMsgs, built on first use (only queries naming "api:fail" need it). */
  private byApi: Map<string, Candidate[]> | undefined;

  constructor(private readonly catalog: Catalog) {}

  /**
   * The catalog errMsg of a named API that the words after ":fail" pick: the one sharing the most words with
   * them, if no other shares as many; the API's only errMsg when nothing follows ":fail".
   */
  closest(api: string, rest: string): string | undefined {
    const candidates = this.table().get(foldChars(api));
    if (!candidates) return undefined;
    const said = words(rest);
    if (!said.size) return candidates.length === 1 ? candidates[0].code : undefined;
    let best: Candidate | undefined;
    let top = 0;
    let second = 0;
    for (const c of candidates) {
      let shared = 0;
      for (const w of said) if (c.words.has(w)) shared++;
      if (shared > top) [second, top, best] = [top, shared, c];
      else if (shared > second) second = shared;
    }
    return top > second ? best?.code : undefined;
  }

  private table(): Map<string, Candidate[]> {
    if (this.byApi) return this.byApi;
    const map = new Map<string, Candidate[]>();
    const seen = new Set<string>();
    for (let i = 0; i < this.catalog.size; i++) {
      const code = this.catalog.codeAt(i);
      const m = CATALOG_ERRMSG.exec(code);
      if (!m || seen.has(code)) continue;
      seen.add(code);
      const api = foldChars(m[1]);
      const list = map.get(api) ?? [];
      list.push({ code, words: words(m[2]) });
      map.set(api, list);
    }
    return (this.byApi = map);
  }
}
