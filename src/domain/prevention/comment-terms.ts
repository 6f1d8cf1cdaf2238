import { compareCodeUnits as byCodeUnits } from '../code-unit-order.js';
import { wordSegments } from './comment-words.js';

// Evidence from the buyers' own words: for each SKU, the terms of its customer comments that set it
// apart from the seller's other SKUs, with the comments behind each. Comments come in every language
// a seller sells in; Chinese and Japanese write no spaces between words, so the words come from
// `Intl.Segmenter` (ICU's dictionary segmentation, no model and no package; comment-words.ts).
//
// Scoring is the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and
// Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the Content
// of Political Conflict", Political Analysis 16(4): unlike a raw frequency ratio it does
// not crown a term seen twice in one SKU and never elsewhere, and unlike tf-idf it says how sure it is.

/** One customer comment (a return comment, a review, a buyer message) about one SKU. */
export interface Comment {
  readonly id: number;
  readonly sku: string;
  readonly text: string;
}

export interface TermOptions {
  /** A term must appear in at least this many comments of the SKU. */
  readonly minComments: number;
  /** The least z-score of the weighted log-odds a term needs (1.959964: two-sided 95%). */
  readonly minZ: number;
  /** The most terms kept per SKU. */
  readonly maxTerms: number;
  /**
   * Only these SKUs get terms, each set against the comments of every SKU outside the set (the
   * background), never against the others of the set: problem SKUs read in full beside a sample of
   * the rest would otherwise weigh more in each other's comparison than the seller's other SKUs.
   */
  readonly focus?: ReadonlySet<string>;
}

export const defaultTermOptions: TermOptions = { minComments: 2, minZ: 1.959964, maxTerms: 10 };

/** A term that sets a SKU's comments apart, with its evidence. */
export interface SkuTerm {
  /** The normalized form (NFKC, lower case), as shown. */
  readonly term: string;
  /** How many of the SKU's comments contain it. */
  readonly comments: number;
  /** How many comments of the other SKUs contain it. */
  readonly otherComments: number;
  /** The weighted log-odds z-score of the SKU against the other SKUs. */
  readonly z: number;
  /** The ids of the SKU's comments that contain it, ascending. */
  readonly commentIds: readonly number[];
}

// ---------------------------------------------------------------------------------------------------
// Terms of one comment

// Function words that say nothing about a product. Kept deliberately OUT of the list: intensifiers of
// excess ("too", "zu", "trop", "demasiado", "troppo", 太, 偏, すぎ) and negations ("not", "no", "nicht",
// "kein", "pas", 不, 没, ない), because "too small", "zu klein", 太小 and "not as pictured" are what
// buyers complain in. They survive as unigrams too, but a word every SKU's comments use scores near 0
// and never shows; the list only has to keep them from joining bigrams and from crowding the counts.
const stopwords: ReadonlySet<string> = new Set([
  // English
  'the', 'an', 'and', 'or', 'but', 'if', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'it', "it's", 'its', 'this', 'that', 'these', 'those',
  'i', "i'm", "i've", 'me', 'my', 'we', 'our', 'you', 'your', 'he', 'she', 'they', 'them', 'their', 'his',
  'her', 'have', 'has', 'had', 'do', 'does', 'did', 'so', 'just', 'very', 'really', 'would', 'will',
  'can', 'could', 'after', 'before', 'about', 'than', 'then', 'there', 'here', 'what', 'which', 'who',
  'when', 'also', 'all', 'some', 'any', 'out', 'up', 'get', 'got',
  // German
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'und', 'oder',
  'aber', 'ist', 'sind', 'war', 'hat', 'habe', 'haben', 'ich', 'es', 'er', 'sie', 'wir', 'mit', 'von',
  'für', 'auf', 'im', 'an', 'am', 'zum', 'zur', 'bei', 'nach', 'auch', 'sehr', 'nur', 'noch', 'schon',
  'wie', 'als', 'dass', 'mir', 'mich', 'sich',
  // French (elided forms like l', c', qu' are cut off before this list is asked)
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'mais', 'est', 'sont', 'était', 'ai',
  'il', 'elle', 'je', 'nous', 'vous', 'ils', 'ce', 'cet', 'cette', 'ces', 'en', 'dans', 'sur', 'pour',
  'par', 'avec', 'au', 'aux', 'que', 'qui', 'ne', 'se', 'sa', 'son', 'ses', 'mon', 'ma', 'mes', 'très',
  // Spanish
  'el', 'los', 'las', 'una', 'unos', 'unas', 'pero', 'es', 'fue', 'era', 'del', 'al', 'con', 'por',
  'para', 'su', 'sus', 'lo', 'le', 'les', 'mi', 'muy', 'como',
  // Italian
  'il', 'gli', 'uno', 'ma', 'sono', 'di', 'della', 'dei', 'da', 'che', 'si', 'ho', 'ha', 'molto',
  // Japanese particles and auxiliaries (single kana go anyway, see isContentWord)
  'の', 'は', 'が', 'を', 'に', 'で', 'と', 'も', 'へ', 'や', 'か', 'た', 'だ', 'て', 'ね', 'よ', 'です',
  'ます', 'ました', 'でした', 'した', 'して', 'する', 'いる', 'ある', 'これ', 'それ', 'この', 'その', 'から',
  'まで', 'より', 'ので', 'けど', 'という', 'とても',
  // Chinese function words
  '的', '了', '是', '我', '很', '也', '就', '都', '在', '和', '有', '这', '那', '个', '吗', '吧', '啊',
  '呢', '你', '他', '她', '它', '们', '着', '给', '把', '被', '与', '及', '或', '但', '而', '还', '又',
  '得', '地', '这个', '一个', '我们', '还是', '就是', '但是', '因为', '所以', '非常',
]);

/**
 * The distinct terms of one comment, in order of first appearance: its content words and the bigrams
 * of adjacent content words. Each term once, so a comment counts once however often it repeats a word.
 *
 * Bigrams join two content words that stand next to each other in the text (Latin with a space,
 * Chinese/Japanese without); punctuation, a stopword, a number or a dropped word between them breaks
 * the phrase. Stopwords are left out of bigrams rather than joined across ("zipper is broken" gives no
 * "zipper broken"), which is why the intensifiers and negations above are not stopwords.
 */
export function commentTerms(text: string): string[] {
  return [...termsOf(text).keys()];
}

/** The terms of one comment, each with the two words a bigram was joined from ([] for a word). */
function termsOf(text: string): Map<string, readonly string[]> {
  const terms = new Map<string, readonly string[]>();
  const { words, gaps } = wordSegments(normalize(text));
  let previous: string | undefined; // the content word the next one may form a bigram with
  for (let i = 0; i < words.length; i++) {
    const word = withoutElision(words[i]!);
    if (!isContentWord(word)) {
      previous = undefined;
      continue;
    }
    if (!terms.has(word)) terms.set(word, []);
    if (previous !== undefined) {
      const phrase = bigram(previous, gaps[i]!, word);
      if (phrase !== undefined && !terms.has(phrase)) terms.set(phrase, [previous, word]);
    }
    previous = word;
  }
  return terms;
}

function normalize(text: string): string {
  // NFKC folds full-width Latin and digits (ＺＩＰＰＥＲ) and half-width katakana (ｻｲｽﾞ) into their
  // usual forms; the typographic apostrophe is not folded by NFKC, but "don’t" and "don't" are one word.
  return text.normalize('NFKC').toLowerCase().replaceAll('\u2019', "'");
}

// French elision: "l'article" is "article", "c'est" is "est" (a stopword), "qu'il" is "il".
const elision = /^(?:[cdjlmnst]|qu)'(?=\p{L})/u;

function withoutElision(word: string): string {
  return word.replace(elision, '');
}

const numberOnly = /^[\p{N}.,']+$/u;
const singleLatinLetter = /^\p{Script=Latin}$/u;
// A lone kana is a particle or a fragment the dictionary could not place (小さかった → 小/さ/か/っ/た).
const singleKana = /^[\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]$/u;

function isContentWord(word: string): boolean {
  return !numberOnly.test(word) && !singleLatinLetter.test(word) && !singleKana.test(word) && !stopwords.has(word);
}

const cjk = '[\\p{Script_Extensions=Han}\\p{Script_Extensions=Hiragana}\\p{Script_Extensions=Katakana}]';
const cjkEnd = new RegExp(`${cjk}$`, 'u');
const cjkStart = new RegExp(`^${cjk}`, 'u');

function bigram(first: string, gap: string, second: string): string | undefined {
  // A repeated word ("bad bad") is emphasis, not a phrase.
  if (first === second) return undefined;
  const joinsCjk = cjkEnd.test(first) && cjkStart.test(second);
  // Chinese and Japanese put no space between words, so a space there separates like a comma does.
  if (gap === '') return joinsCjk ? first + second : undefined;
  if (!joinsCjk && /^\s+$/u.test(gap)) return `${first} ${second}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Distinctive terms per SKU

/** Document counts of one SKU: in which of its comments each term occurs. */
interface TermCounts {
  readonly ids: Map<string, number[]>;
  /** The sum of the counts: the "n" of the log-odds, counted in term-comment pairs. */
  total: number;
}

/**
 * For each SKU, the terms whose share of its comments' terms lies significantly above their share of
 * the other SKUs' comments, best first. SKUs with no such term are absent from the map; the map lists
 * SKUs in code-unit order of their names. Comment ids are assumed to be unique.
 *
 * A seller with one SKU gets nothing: with no other SKU to set it apart from, every delta is 0 (up to rounding).
 */
export function distinctiveTerms(comments: readonly Comment[], options: Partial<TermOptions> = {}): Map<string, SkuTerm[]> {
  const settings = { ...defaultTermOptions, ...options };
  assertOptions(settings);
  const { bySku, wordsOf } = countTerms(comments);
  const focus = settings.focus;
  // Without a focus every SKU is set against all comments, its own included.
  const corpus = backgroundOf(bySku, focus ?? new Set());
  const result = new Map<string, SkuTerm[]>();
  for (const [sku, counts] of [...bySku].sort(([a], [b]) => byCodeUnits(a, b))) {
    if (focus && !focus.has(sku)) continue;
    const ranked = rankedTerms(counts, focus ? priorWithOwn(corpus, counts) : priorOf(corpus), settings);
    const terms = withoutRedundantWords(ranked, wordsOf).slice(0, settings.maxTerms);
    if (terms.length > 0) result.set(sku, terms);
  }
  return result;
}

/**
 * Each SKU's term counts, and the words each bigram was joined from. A text is segmented once however
 * many comments repeat it: short ones do ("Too small", "Changed my mind"). The analytics bench's 5,639
 * comments are 577 texts: 47 → 19 ms for distinctiveTerms (its generator repeats far more than buyers do).
 */
function countTerms(comments: readonly Comment[]): { bySku: Map<string, TermCounts>; wordsOf: Map<string, Set<string>> } {
  const bySku = new Map<string, TermCounts>();
  const wordsOf = new Map<string, Set<string>>(); // bigram -> the words it was joined from
  const termsOfText = new Map<string, Map<string, readonly string[]>>();
  for (const comment of comments) {
    let counts = bySku.get(comment.sku);
    if (!counts) bySku.set(comment.sku, (counts = { ids: new Map<string, number[]>(), total: 0 }));
    let terms = termsOfText.get(comment.text);
    if (!terms) {
      termsOfText.set(comment.text, (terms = termsOf(comment.text)));
      for (const [term, words] of terms) if (words.length > 0) addWords(wordsOf, term, words);
    }
    for (const term of terms.keys()) {
      let ids = counts.ids.get(term);
      if (!ids) counts.ids.set(term, (ids = []));
      ids.push(comment.id);
    }
    counts.total += terms.size;
  }
  return { bySku, wordsOf };
}

interface Corpus {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

/** The comments of every SKU outside `focus`, counted together. */
function backgroundOf(bySku: ReadonlyMap<string, TermCounts>, focus: ReadonlySet<string>): Corpus {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [sku, skuCounts] of bySku) {
    if (focus.has(sku)) continue;
    for (const [term, ids] of skuCounts.ids) counts.set(term, (counts.get(term) ?? 0) + ids.length);
    total += skuCounts.total;
  }
  return { counts, total };
}

function addWords(wordsOf: Map<string, Set<string>>, phrase: string, words: readonly string[]): void {
  const known = wordsOf.get(phrase) ?? new Set<string>();
  wordsOf.set(phrase, known);
  for (const word of words) known.add(word);
}

/**
 * The informative Dirichlet prior: alpha_w = alpha0 · (corpus count of w / corpus total). alpha0 is
 * the number of distinct terms, so the prior adds on average one pseudo-count per term (add-one
 * smoothing, spread by how common each term is rather than evenly). Much smaller and a term of three
 * comments that no other SKU uses never reaches z 1.96 (the 1/alpha_w variance term swamps it); much
 * larger and the prior outweighs a seller's few hundred comments.
 */
interface Prior {
  /** The corpus count of one of the SKU's terms. */
  readonly countOf: (term: string) => number;
  readonly total: number;
  readonly alpha0: number;
}

function priorOf(corpus: Corpus): Prior {
  return { countOf: (term) => corpus.counts.get(term) ?? 0, total: corpus.total, alpha0: corpus.counts.size };
}

/** The background plus one focus SKU's own counts, the corpus of that SKU's comparison, without a copy of the background per SKU. */
function priorWithOwn(background: Corpus, own: TermCounts): Prior {
  let ownOnly = 0;
  for (const term of own.ids.keys()) if (!background.counts.has(term)) ownOnly += 1;
  return {
    countOf: (term) => (background.counts.get(term) ?? 0) + (own.ids.get(term)?.length ?? 0),
    total: background.total + own.total, alpha0: background.counts.size + ownOnly,
  };
}

/** The SKU's terms with enough comments and a z of at least minZ, by z descending, then term. */
function rankedTerms(sku: TermCounts, prior: Prior, options: TermOptions): SkuTerm[] {
  const ranked: SkuTerm[] = [];
  const otherTotal = prior.total - sku.total;
  for (const [term, ids] of sku.ids) {
    if (ids.length < options.minComments) continue;
    const corpusCount = prior.countOf(term);
    const alpha = (prior.alpha0 * corpusCount) / prior.total;
    const otherComments = corpusCount - ids.length;
    const z = logOddsZ(ids.length, sku.total, otherComments, otherTotal, alpha, prior.alpha0);
    if (z < options.minZ) continue;
    ranked.push({ term, comments: ids.length, otherComments, z, commentIds: [...ids].sort((a, b) => a - b) });
  }
  return ranked.sort((a, b) => b.z - a.z || byCodeUnits(a.term, b.term));
}

/**
 * Monroe et al. (2008): the log-odds of w in the SKU minus its log-odds in the
 * other SKUs, each smoothed by the prior, over its approximate standard deviation.
 *   delta = ln((y_i + a_w) / (n_i + a0 − y_i − a_w)) − ln((y_j + a_w) / (n_j + a0 − y_j − a_w))
 *   var   ≈ 1 / (y_i + a_w) + 1 / (y_j + a_w)
 */
function logOddsZ(count: number, total: number, otherCount: number, otherTotal: number, alpha: number, alpha0: number): number {
  const logOdds = (y: number, n: number): number => Math.log((y + alpha) / (n + alpha0 - y - alpha));
  const delta = logOdds(count, total) - logOdds(otherCount, otherTotal);
  const variance = 1 / (count + alpha) + 1 / (otherCount + alpha);
  return delta / Math.sqrt(variance);
}

/**
 * Drops a word when a kept bigram containing it stands on exactly the same comments of the SKU:
 * "broke" beside "zipper broke" (or 码 beside 尺码) shows the same evidence less precisely. A word with
 * comments of its own ("zipper" also in "zipper stuck") stays.
 */
function withoutRedundantWords(terms: readonly SkuTerm[], wordsOf: ReadonlyMap<string, ReadonlySet<string>>): SkuTerm[] {
  const bigramsOf = new Map<string, SkuTerm[]>(); // word -> the kept bigrams joined from it
  for (const term of terms) {
    for (const word of wordsOf.get(term.term) ?? []) bigramsOf.set(word, [...(bigramsOf.get(word) ?? []), term]);
  }
  return terms.filter((term) => !(bigramsOf.get(term.term) ?? []).some((phrase) => sameIds(phrase.commentIds, term.commentIds)));
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}


function assertOptions(options: TermOptions): void {
  if (!Number.isSafeInteger(options.minComments) || options.minComments < 1) {
    throw new RangeError(`minComments must be a whole number of at least 1, not ${options.minComments}`);
  }
  if (!Number.isSafeInteger(options.maxTerms) || options.maxTerms < 0) {
    throw new RangeError(`maxTerms must be a whole number of at least 0, not ${options.maxTerms}`);
  }
  if (Number.isNaN(options.minZ)) throw new RangeError('minZ must be a number');
}
