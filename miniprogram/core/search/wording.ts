// Is a span of the query one of its top hit's own wordings? (query parsing meets ranking: an SDK constant's
// name spelled out, a quoted errmsg inside a sentence; moved out of search.ts.)
import type { Catalog } from '../catalog';
import type { Ranked } from './rank';
import { foldChars } from './text';

/** What two wordings may differ in and still be the same: spaces and punctuation. */
const NOT_WORDING = /[^a-z0-9\u3400-\u9fff]+/g;

/** True when a constant's name spelled out (access token expired) is in the top hit's official wording. */
export function spellsWording(catalog: Catalog, spelled: string, top: Ranked | undefined): boolean {
  if (!top || top.kind !== 'phrase') return false;
  const entry = catalog.textsAt(top.index);
  const words = (en: string): string => foldChars(en).replace(/_/g, ' ');
  return [entry.en, ...entry.texts.map((t) => t.en)].some((en) => words(en).includes(spelled));
}

/** True when a quoted span is, letters and digits only, one of the top hit's own wordings. */
export function quotesWording(catalog: Catalog, span: string, top: Ranked | undefined): boolean {
  if (!top || top.kind !== 'phrase') return false;
  const entry = catalog.textsAt(top.index);
  const bare = (s: string | undefined): string => (s ? foldChars(s).replace(NOT_WORDING, '') : '');
  const want = bare(span);
  return [entry, ...entry.texts].some((t) => bare(t.en) === want || bare(t.zh) === want);
}

/** Where a wording splits into clauses ("系统繁忙，此时请开发者稍候再试"). */
const CLAUSE = /[,，。.;；:：!！?？()（）]+/;
/** A clause shorter than this (bare) says too little to name a meaning. */
const CLAUSE_MIN = 4;

/** True when the query holds a clause of the top hit's own wordings, letters and digits only ("报错系统错误" → 系统错误). */
export function holdsClause(catalog: Catalog, query: string, top: Ranked): boolean {
  const entry = catalog.textsAt(top.index);
  const bare = (s: string): string => foldChars(s).replace(NOT_WORDING, '');
  const q = bare(query);
  return [entry, ...entry.texts].some((t) =>
    [t.en, t.zh].some((w) =>
      (w ?? '').split(CLAUSE).some((clause) => {
        const c = bare(clause);
        return c.length >= CLAUSE_MIN && q.includes(c);
      }),
    ),
  );
}
