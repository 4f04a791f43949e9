// Pure helpers of the free-text search (see search.ts): which words of the text are worth giving
// to the trigram index.

/** A sample of the searched column: its most common values with their share, and a histogram. */
export type TSearchSample = { common: { value: string; share: number }[]; histogram: string[] };

/** Words that occur in more than this share of findings narrow too little to be worth indexing. */
export const COMMON_WORD_SHARE = 0.02;

/** pg_trgm builds trigrams from runs of letters and digits; shorter runs give the index nothing. */
const MIN_WORD_LENGTH = 3;

/**
 * An estimate of the share of findings whose searched text contains a word (case-insensitive),
 * from the sample: the common values count with their own share, the histogram's bounds
 * evenly for the rest.
 */
export function wordShareOf(sample: TSearchSample): (word: string) => number {
  const common = sample.common.map((c) => ({ value: c.value.toLowerCase(), share: c.share }));
  const histogram = sample.histogram.map((h) => h.toLowerCase());
  const rest = Math.max(0, 1 - common.reduce((sum, c) => sum + c.share, 0));
  return (word) => {
    const w = word.toLowerCase();
    const inCommon = common.reduce((sum, c) => sum + (c.value.includes(w) ? c.share : 0), 0);
    const inHistogram = histogram.length ? histogram.filter((h) => h.includes(w)).length / histogram.length : 0;
    return inCommon + rest * inHistogram;
  };
}

/**
 * The pattern for the index: the text's rare words, in order, joined by `%`. Every finding the
 * whole text matches also matches it, so it is a safe first filter. Null when it would not be
 * narrower than the text itself: one word only, or no rare word long enough to index.
 */
export function searchIndexPattern(q: string, wordShare: (word: string) => number): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length <= 1 && words[0] === q) return null;
  const rare = words.filter((w) => w.length >= MIN_WORD_LENGTH && wordShare(w) < COMMON_WORD_SHARE);
  if (!rare.length || rare.length === words.length) return null;
  return `%${rare.join("%")}%`;
}
