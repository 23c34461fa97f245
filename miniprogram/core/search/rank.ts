// Ranking, in tiers (a hit never outranks a hit of a stronger tier):
//   code (the query names a code) > prefix (the query starts a code) > phrase (the query's text occurs in an
//   entry text, or a whole entry text occurs in the pasted query) > all-words (every query term found) > partial.
// Within a text tier: 60·(share of the query's term weight found, terms weighted by rarity and by the field:
// official en/zh 1, other source wordings 0.85, project translations 0.8, fix 0.6, notes/advice 0.35; and by
// the term's quality, see search/terms.ts) + 25·(share of the entry's best text that the query covers: short,
// fully covered texts first) + the entry's prior (search/prior.ts: how commonly its code is met, its
// platform, held back or named); the commonly met codes of search/common.ts, with every query word in their
// wording, also count as phrase hits. Platform words say which platform is meant (entries never name their own): an entry of that platform counts
// them as found even when its text lacks them, and gets +20 (a held-back platform, named, loses its penalty).
import type { Catalog } from '../catalog';
import { PLATFORMS } from '../platforms';
import type { Platform } from '../types';
import { UnitCounter, analyze, pairCode } from './analyze';
import { SHARE_STEPS, type Dictionary } from './dictionary';
import { LIFTABLE_BITS, NON_WECHAT_BITS, SEPARATE_PENALTY } from './held';
import { QUOTED_ERRMSG, QUOTED_WORDS, REVERSE_PHRASE, coverageOf, type QueryPhrase } from './coverage';
import { CONCEPT_LEAD, ConceptLeads } from './leads';
import { FIELD_WEIGHT, NOTE, entryText, type EntryText, type UnitKey } from './passages';
import { CONCEPTS } from './synonyms';
import { isHan } from './text';
import { Priors } from './prior';
import { MAX_TERMS, Q_EXACT, type Term } from './terms';

/** Why a hit matched, strongest first: exact code > code prefix > phrase > all words > partial. */
export { NON_WECHAT_BITS };

export type MatchKind = 'code' | 'prefix' | 'phrase' | 'all-words' | 'partial';

export interface Ranked {
  index: number;
  /** The score; while `pending`, the most it can be once its texts are read (see Ranker.settle). */
  score: number;
  kind: MatchKind;
  /** For code hits: how many characters of the code matched. */
  codeLength: number;
  /**
   * A text hit whose coverage and phrase test wait until its place could matter (see Ranker.settle; what
   * settling needs is kept by the ranker per entry, not in an object per hit).
   */
  pending?: boolean;
}

const PENDING_ALL = 1;
const PENDING_COMMON = 2;

export const TIER: Record<MatchKind, number> = {
  code: 1000,
  prefix: 500,
  phrase: 300,
  'all-words': 200,
  partial: 100,
};
/** A term's best match counts as in the entry's wording from this quality · field weight (a thesaurus word in
 * a project translation, 0.9 · 0.8, still does; a note or a fix line does not). */
const IN_TEXT = 0.72;
/** Candidates below this share of the best candidate's score are dropped; below FAIR they are not examined further. */
const WEAK = 0.3;
const FAIR = 0.6;
/** An entry whose wording the query covers this far (at most) and has every word of is "typed" (see leads). */
const TYPED_COVER = 0.8;

/** Scores entries for the terms of a query. Per-query scratch is allocated once. */
export class Ranker extends Priors {
  /** Keys the current query can match (bigrams as pair codes): what coverage and highlights test units against. */
  readonly marked = new Set<UnitKey>();
  private readonly markedIds = new Set<number>();
  /** Passages of the entries read so far. */
  private readonly texts: (EntryText | undefined)[];
  private readonly score: Float64Array;
  private readonly matched: Int32Array;
  /** Per entry: terms found in its own wording (not only in a note, a fix or through a weak typo). */
  private readonly inText: Int32Array;
  private readonly best: Float64Array;
  private readonly seenTerm: Int32Array;
  private readonly seenQuery: Int32Array;
  private readonly touched: Int32Array;
  /** Per entry: the last term stamp whose own word (not a concept or typo) it has outside notes, and how
   * many of the query's terms it has so. */
  private readonly literalSeen: Int32Array;
  private readonly literalTerms: Int32Array;
  /** Per posting (entry · 8 + field): the shares (in SHARE_STEPS) of the query's keys there, summed. */
  private readonly coverBound: Int32Array;
  /** Per entry: the largest of its coverBound fields, kept as they grow (shares are never negative). */
  private readonly coverMax: Int32Array;
  /** Per entry: bits of the query's platform-word terms its text matched. */
  private readonly platformTermsMatched: Int32Array;
  /** Per entry: the coverage of its best text found when its hit was settled (0 if it was not). */
  private readonly settledCover: Float64Array;
  /** The concept leads the current query has, and its number of terms (search/rerank.ts reads both). */
  private activeLeads = 0;
  private termCount = 0;
  private generation = 0;
  /** Summed weight of the current query's terms. */
  private weightTotal = 0;
  /** The current query's candidate entries (reused: a broad query has a thousand). */
  private readonly candidateList: Int32Array;
  /** Per entry, for settle(): its query coverage, prior, lift, and bits PENDING_ALL / PENDING_COMMON. */
  private readonly pendingQc: Float64Array;
  private readonly pendingPrior: Float64Array;
  private readonly pendingLift: Float64Array;
  private readonly pendingBits: Uint8Array;
  /** The concepts' most met codes (search/leads.ts). */
  private readonly leads: ConceptLeads;
  /** The current query's phrase form (search/coverage.ts). */
  private phrase: QueryPhrase = { qPhrase: '', pattern: '', fullQuery: '' };

  constructor(
    catalog: Catalog,
    private readonly dict: Dictionary,
  ) {
    super(catalog);
    const n = catalog.size;
    this.texts = new Array<EntryText | undefined>(n);
    this.score = new Float64Array(n);
    this.matched = new Int32Array(n);
    this.inText = new Int32Array(n);
    this.best = new Float64Array(n);
    this.seenTerm = new Int32Array(n);
    this.seenQuery = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.platformTermsMatched = new Int32Array(n);
    this.settledCover = new Float64Array(n);
    this.literalSeen = new Int32Array(n);
    this.literalTerms = new Int32Array(n);
    this.coverBound = new Int32Array(n * 8);
    this.coverMax = new Int32Array(n);
    this.candidateList = new Int32Array(n);
    this.pendingQc = new Float64Array(n);
    this.pendingPrior = new Float64Array(n);
    this.pendingLift = new Float64Array(n);
    this.pendingBits = new Uint8Array(n);
    this.leads = new ConceptLeads(catalog, dict);
  }

  /** The passages of entry e, read on first use. */
  text(e: number): EntryText {
    let text = this.texts[e];
    if (!text) {
      text = entryText(this.catalog.textsAt(e), false);
      this.texts[e] = text;
    }
    return text;
  }

  /**
   * heldBack for a code the query names: the non-WeChat platform, unnamed, below the WeChat meanings held
   * back themselves (301002 is WeCom's before seed 003's) unless the words are its own ("missing scope").
   */
  namedCodePenalty(e: number): number {
    const held = this.heldBack(e);
    return held && this.platformBit(e) & NON_WECHAT_BITS ? Math.max(held, SEPARATE_PENALTY + 20) : held;
  }

  /** Summed weight of the current query's terms that entry e has anywhere (0 when the query missed it). */
  weightOf(e: number): number {
    return this.seenQuery[e] === this.generation ? this.score[e] : 0;
  }

  /** weightOf(e) as a share of the whole query's weight. */
  share(e: number): number {
    return this.weightTotal ? this.weightOf(e) / this.weightTotal : 0;
  }

  /**
   * What the current query's terms found in entry e, as shares of its terms: found anywhere, in its own
   * wording, as typed (not through a concept or typo); its settled coverage; whether a concept lead names it.
   */
  found(e: number): { matched: number; inText: number; literal: number; cover: number; lead: boolean } {
    const n = this.termCount;
    if (this.seenQuery[e] !== this.generation || !n)
      return { matched: 0, inText: 0, literal: 0, cover: 0, lead: false };
    return {
      matched: this.matched[e] / n,
      inText: this.inText[e] / n,
      literal: this.literalTerms[e] / n,
      cover: this.settledCover[e],
      lead: (this.leads.of(e) & this.activeLeads) !== 0,
    };
  }

  /** True when entry e's code is one of the commonly met ones of its platform (search/common.ts). */
  isCommon(e: number): boolean {
    return this.commonRankAt(e) >= 0;
  }

  clearMarks(): void {
    this.marked.clear();
    this.markedIds.clear();
  }

  /** Text hits for the terms of a query: tiers phrase, all-words and partial. */
  rankText(
    terms: readonly Term[],
    text: string,
    platform: Platform | undefined,
    out: Ranked[],
    taken: Set<number>,
  ): Ranked[] {
    if (!terms.length) return out;
    const gen = ++this.generation;
    const { score, matched, inText, best, seenTerm, seenQuery, touched, platformTermsMatched } = this;
    const { literalSeen, literalTerms, coverBound, coverMax } = this;
    const platformWords = terms.some((t) => t.platforms);
    const platformTerms = terms.filter((t) => t.platforms).length;
    const list = this.candidateList;
    let found = 0;
    let totalWeight = 0;
    terms.forEach((term, t) => {
      totalWeight += term.weight;
      this.weightTotal = totalWeight;
      const stamp = gen * MAX_TERMS + t + 1;
      let count = 0;
      term.keys.forEach((id, k) => {
        if (!this.markedIds.has(id)) {
          this.markedIds.add(id);
          const key = this.dict.keyAt(id);
          this.marked.add(
            key.length === 2 && isHan(key.charCodeAt(0)) && isHan(key.charCodeAt(1)) ? pairCode(key) : key,
          );
        }
        const quality = term.quality[k];
        const literal = quality === Q_EXACT;
        const postings = this.dict.postings(id);
        const shares = this.dict.shares(id);
        // A word's units all carry its concepts: with those in the term, the word adds nothing to the bound.
        const bounded = !coveredByConcepts(this.dict.keyAt(id), term, this.dict);
        for (let j = 0; j < postings.length; j++) {
          const posting = postings[j];
          const e = posting >> 3;
          const v = quality * FIELD_WEIGHT[posting & 7];
          if (literal && (posting & 7) !== NOTE) literalSeen[e] = stamp;
          if (seenQuery[e] !== gen) {
            seenQuery[e] = gen;
            score[e] = 0;
            matched[e] = 0;
            inText[e] = 0;
            literalTerms[e] = 0;
            platformTermsMatched[e] = 0;
            coverBound.fill(0, e * 8, e * 8 + 8);
            coverMax[e] = 0;
            this.settledCover[e] = 0;
            list[found++] = e;
          }
          if (bounded) {
            const cover = (coverBound[posting] += shares[j]);
            if (cover > coverMax[e]) coverMax[e] = cover;
          }
          if (seenTerm[e] !== stamp) {
            seenTerm[e] = stamp;
            best[e] = v;
            touched[count++] = e;
          } else if (v > best[e]) best[e] = v;
        }
      });
      for (let c = 0; c < count; c++) {
        const e = touched[c];
        score[e] += term.weight * best[e];
        matched[e]++;
        if (best[e] >= IN_TEXT) inText[e]++;
        if (literalSeen[e] === stamp) literalTerms[e]++;
        if (term.platforms) platformTermsMatched[e] |= 1 << t;
      }
    });
    const candidates = list.subarray(0, found);
    const counter = new UnitCounter();
    const qPhrase = analyze(text, counter).trim();
    // A whole text inside the query needs two units in the query at least (texts of one unit never count).
    const reverseCan = counter.units >= 2;
    const quotedCan = reverseCan && (qPhrase.match(/[a-z0-9]+/g)?.length ?? 0) >= QUOTED_WORDS;
    const lead = /^[\u3400-\u9fff]/.test(qPhrase) ? '' : ' ';
    const tail = /[\u3400-\u9fff]$/.test(qPhrase) ? '' : ' ';
    this.phrase = { qPhrase, pattern: lead + qPhrase + tail, fullQuery: ' ' + qPhrase + ' ' };
    // A platform word is found in every entry of its platform (that the other terms reached).
    if (this.named) {
      terms.forEach((term, t) => {
        if (!term.platforms) return;
        for (let c = 0; c < found; c++) {
          const e = list[c];
          if (term.platforms & this.platformBit(e) && !(platformTermsMatched[e] & (1 << t))) {
            score[e] += term.weight;
            matched[e]++;
          }
        }
      });
    }
    let maxScore = 0;
    for (let c = 0; c < found; c++) if (score[list[c]] > maxScore) maxScore = score[list[c]];
    // A lead yields to an entry the query spells out: every word in its own wording, which it nearly fills.
    const typed = (e: number): boolean =>
      matched[e] === terms.length &&
      inText[e] >= terms.length - platformTerms &&
      this.coverUpper(e) >= TYPED_COVER;
    const leads = this.leads.active(terms, candidates, typed, this.named, (e) => this.platformBit(e));
    this.activeLeads = leads;
    this.termCount = terms.length;
    const onPlatform = platform ? 1 << PLATFORMS.findIndex((p) => p.name === platform) : 0;
    // Indexed loops: an iterator costs an object per step without a JIT (cold start).
    for (let c = 0; c < found; c++) {
      const e = list[c];
      if (taken.has(e) || (onPlatform && !(this.platformBit(e) & onPlatform))) continue;
      const leadBits = leads && this.leads.of(e) & leads;
      // A lead of the query's concept: not held back where its lead says so, never dropped as noise.
      const lead = leadBits ? CONCEPT_LEAD + (this.leads.lifts(leadBits) ? this.heldBack(e) : 0) : 0;
      // Entries that share only a small part of what the best ones share are noise ("invalid" alone).
      if (!lead && score[e] < WEAK * maxScore) continue;
      const qc = score[e] / totalWeight;
      const all = matched[e] === terms.length;
      const prior = this.prior(e) + this.boost(e) + lead;
      if (!lead && !all && score[e] < FAIR * maxScore) {
        out.push({ index: e, score: TIER.partial + 60 * qc + prior, kind: 'partial', codeLength: 0 });
        continue;
      }
      // A commonly met code with every query word in its own wording counts as a phrase (白名单 → 40164).
      const common = !!lead || (inText[e] === terms.length && this.commonRankAt(e) >= 0);
      // Reading the entry's texts waits: most candidates of a broad query never reach the page. A phrase
      // needs every query word, as typed, in one of its texts (not a note), or a text inside a long query.
      const phraseCan =
        !!qPhrase &&
        (platformWords ||
          literalTerms[e] === terms.length ||
          (reverseCan && qc >= REVERSE_PHRASE) ||
          (quotedCan && qc >= QUOTED_ERRMSG));
      const best: MatchKind = phraseCan || common ? 'phrase' : all ? 'all-words' : 'partial';
      // Coverage is at most, in the field where it is largest, the summed shares of the query's keys there.
      const cover = this.coverUpper(e);
      // A held-back platform whose own official wording is exactly the query ("余额不足", "不安全的访问IP":
      // an errmsg pasted whole) is not held back: the query names that entry as surely as a platform word.
      // Two words at least (one word alone names no entry), each as typed in the entry's texts. WeCom and
      // Pay only: the client API tables stay held back (their wordings are generic: "参数错误", "session_key过期").
      const lift =
        this.platformBit(e) & LIFTABLE_BITS & ~this.named &&
        terms.length >= 2 &&
        literalTerms[e] === terms.length
          ? SEPARATE_PENALTY
          : 0;
      this.pendingQc[e] = qc;
      this.pendingPrior[e] = prior;
      this.pendingLift[e] = lift;
      this.pendingBits[e] = (all ? PENDING_ALL : 0) | (common ? PENDING_COMMON : 0);
      out.push({
        index: e,
        score: TIER[best] + 60 * qc + 25 * cover + prior + lift,
        kind: best,
        codeLength: 0,
        pending: true,
      });
    }
    return out;
  }

  /** Coverage of entry e's text is at most, in the field where it is largest, the summed shares of the query's keys there. */
  private coverUpper(e: number): number {
    return Math.min(1, this.coverMax[e] / SHARE_STEPS);
  }

  /** The exact score of a pending hit: its coverage and phrase test, from its texts. */
  settle(r: Ranked): void {
    if (!r.pending) return;
    const e = r.index;
    const qc = this.pendingQc[e];
    const bits = this.pendingBits[e];
    const { ec, phrase, exact } = coverageOf(this.text(e), this.marked, this.phrase, qc);
    const kind: MatchKind =
      phrase || bits & PENDING_COMMON ? 'phrase' : bits & PENDING_ALL ? 'all-words' : 'partial';
    r.kind = kind;
    this.settledCover[e] = ec;
    r.score = TIER[kind] + 60 * qc + 25 * ec + this.pendingPrior[e] + (exact ? this.pendingLift[e] : 0);
    r.pending = false;
  }
}

/** True when every unit with this key also has keys of the term: a word (or thesaurus word) whose concepts
 * are all among the term's keys (the index gives each occurrence of a word its concepts). */
function coveredByConcepts(key: string, term: Term, dict: Dictionary): boolean {
  // A lone Han character is a unit of its own and gets no concept keys.
  if (key.startsWith('@') || key.length < 2) return false;
  const concepts = CONCEPTS.get(key);
  if (!concepts?.length) return false;
  return concepts.every((c) => term.keys.includes(dict.id(c)));
}
