// The prebuilt search index lives in the subpackage subpackages/search-index (app.json subPackages) so that the
// main package stays under its budget. It is loaded with require.async (分包异步化, base library ≥ 2.11.2) as
// soon as the app starts; a query asked before it arrives waits for it, for INDEX_WAIT_MS at most, and then
// the core builds the index from the catalog's texts instead (same answers, 200–400 ms slower on a phone).
import { installPrebuiltIndex } from '../core/search';
import type { PackedIndex } from '../core/search/dictionary';

/** Loads the subpackage's module; resolves its exports, or rejects ({ errMsg, mod } on WeChat). */
export type ModuleLoader = () => Promise<unknown>;

/** How long a first query waits for the subpackage before building the index from the texts. */
export const INDEX_WAIT_MS = 1500;

/**
 * require.async of the index module, the path relative to this file as the docs ask. Undefined on base
 * libraries older than 2.11.2, which have no require.async: there the index is built from the texts.
 */
function wechatLoader(): ModuleLoader | undefined {
  if (typeof require === 'undefined' || typeof require.async !== 'function') return undefined;
  return () => require.async('../subpackages/search-index/search-index.js');
}

function packedIndexOf(mod: unknown): PackedIndex | undefined {
  const packed = (mod as { SEARCH_INDEX?: Partial<PackedIndex> } | null)?.SEARCH_INDEX;
  const ok =
    typeof packed?.v === 'number' &&
    typeof packed.n === 'number' &&
    typeof packed.k === 'number' &&
    typeof packed.blocks === 'string' &&
    typeof packed.keys === 'string';
  return ok ? (packed as PackedIndex) : undefined;
}

let settled = false;
let ready: Promise<void> | undefined;

/**
 * Starts loading the prebuilt index once (later calls return the same promise). The promise resolves, never
 * rejects, when the index is installed, when loading failed, or after `waitMs`, whichever comes first.
 */
export function loadPrebuiltIndex(
  load: ModuleLoader | undefined = wechatLoader(),
  waitMs: number = INDEX_WAIT_MS,
): Promise<void> {
  if (ready) return ready;
  const arrival = load
    ? load().then(
        (mod) => {
          const packed = packedIndexOf(mod);
          if (packed) installPrebuiltIndex(packed);
          else
            console.warn('wxerr: the search-index subpackage has no index; searching builds it from texts');
        },
        (error: unknown) => {
          const why = (error as { errMsg?: string } | null)?.errMsg ?? String(error);
          console.warn(`wxerr: search-index subpackage not loaded (${why}); searching builds it from texts`);
        },
      )
    : Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  ready = Promise.race([arrival, deadline]).then(() => {
    if (timer !== undefined) clearTimeout(timer);
    settled = true;
  });
  return ready;
}

/**
 * Runs `answer` once the index question is settled: at once when it is, else when loadPrebuiltIndex's
 * promise resolves (starting the load if nothing has yet).
 */
export function afterIndex(answer: () => void): void {
  if (settled) answer();
  else void loadPrebuiltIndex().then(answer);
}
