// How far a query covers one entry's texts (ranking, moved out of rank.ts): the share of the entry's best text
// whose units the query has, whether a passage holds the query as a phrase (or a text sits whole inside a long
// query), and whether an official wording is exactly the query. Read only for hits whose place could matter.
import { ALT, EN, FIX, NOTE, ZH, type EntryText, type UnitKey } from './passages';

/** A whole entry text inside a pasted query counts as a phrase when it covers this share of the query. */
export const REVERSE_PHRASE = 0.7;
/**
 * An official English errmsg of three words or more quoted inside a longer, mixed query ("上传图文消息素材失败:
 * title size out of limit") is a phrase hit from this share of the query on: the Chinese around it is the
 * user's own words.
 */
export const QUOTED_ERRMSG = 0.25;
export const QUOTED_WORDS = 3;
const ASCII_PHRASE = /^[ a-z0-9]+$/;

/** The current query's phrase form, the pattern an entry phrase must hold, and the framed query. */
export interface QueryPhrase {
  qPhrase: string;
  pattern: string;
  fullQuery: string;
}

/** What coverageOf finds in an entry's texts. */
export interface Coverage {
  /** Share of the entry's best text (not a note or fix) whose units the query has. */
  ec: number;
  phrase: boolean;
  /** An official wording (not a translation, fix or note) is exactly the query. */
  exact: boolean;
}

/**
 * Coverage of an entry's passages by the query (`marked`: the keys the query can match; `qc`: the share of
 * the query's weight the entry has, for a text inside a long query).
 */
export function coverageOf(
  text: EntryText,
  marked: ReadonlySet<UnitKey>,
  query: QueryPhrase,
  qc: number,
): Coverage {
  const { qPhrase, pattern, fullQuery } = query;
  let ec = 0;
  let phrase = false;
  let exact = false;
  for (let p = 0; p < text.field.length; p++) {
    const field = text.field[p];
    const units = text.count[p];
    if (field === NOTE || !units) continue;
    if (!exact && (field === EN || field === ZH || field === ALT) && text.phrase[p] === fullQuery)
      exact = true;
    const first = text.first[p];
    if (field !== FIX) {
      let covered = 0;
      for (let u = first; u < first + units; u++) {
        for (let k = text.start[u]; k < text.start[u + 1]; k++) {
          if (marked.has(text.keys[k])) {
            covered++;
            break;
          }
        }
      }
      ec = Math.max(ec, covered / units);
    }
    if (
      !phrase &&
      qPhrase &&
      (text.phrase[p].includes(pattern) ||
        (((units >= 2 && qc >= REVERSE_PHRASE) ||
          (units >= QUOTED_WORDS && qc >= QUOTED_ERRMSG && ASCII_PHRASE.test(text.phrase[p]))) &&
          fullQuery.includes(text.phrase[p])))
    )
      phrase = true;
  }
  return { ec, phrase, exact };
}
