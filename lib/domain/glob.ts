// One wildcard matcher for every `*` pattern users type: team scopes, repository patterns,
// exemptions, alert rules. It never builds a regular expression: `*` turned into `.*` backtracks
// exponentially on patterns like `*****Z` (issue 16: one preview stalled every tenant for 10 s).
//
// Semantics: `*` matches any run of characters, including none and including line breaks;
// every other character, `?` included, matches itself only; comparison is case-sensitive and by
// UTF-16 code unit (what the regular expressions did). Repeated stars are one star.
//
// Method: the stars split the pattern into literal segments. The first must be a prefix of the
// subject, the last a suffix, and the ones between must occur in order in what is left. Taking
// each middle segment at its leftmost occurrence is always right (a later occurrence only leaves
// less room for the rest), and each is found with Knuth-Morris-Pratt, so a match costs
// O(pattern + subject) character steps whatever the input: no backtracking at all.

/** Whether `subject` matches `pattern`. */
export function globMatch(pattern: string, subject: string): boolean {
  return match(pattern, subject, null);
}

/**
 * The same match, also reporting how many character steps it took (comparisons, including the
 * ones that build the search tables). For tests that prove the cost bound without timing.
 */
export function globMatchSteps(pattern: string, subject: string): { matched: boolean; steps: number } {
  const counter = { steps: 0 };
  const matched = match(pattern, subject, counter);
  return { matched, steps: counter.steps };
}

/** The bound `globMatchSteps` stays within: linear in the two lengths. */
export function globStepBound(patternLength: number, subjectLength: number): number {
  return 3 * (patternLength + subjectLength) + 2;
}

type TCounter = { steps: number } | null;

function match(pattern: string, subject: string, counter: TCounter): boolean {
  if (!pattern.includes("*")) {
    if (counter) counter.steps += Math.min(pattern.length, subject.length) + 1;
    return pattern === subject;
  }
  const parts = pattern.split("*");
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (subject.length < first.length + last.length) return false;
  if (!sameAt(subject, 0, first, counter)) return false;
  const end = subject.length - last.length;
  if (!sameAt(subject, end, last, counter)) return false;
  let from = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const segment = parts[i]!;
    if (segment === "") continue; // `**` is `*`
    const at = indexOfKmp(subject, segment, from, end, counter);
    if (at < 0) return false;
    from = at + segment.length;
  }
  return true;
}

function sameAt(subject: string, at: number, literal: string, counter: TCounter): boolean {
  for (let i = 0; i < literal.length; i++) {
    if (counter) counter.steps++;
    if (subject.charCodeAt(at + i) !== literal.charCodeAt(i)) return false;
  }
  return true;
}

/** First index ≥ from where `needle` occurs entirely before `end`, or -1. Linear in both. */
function indexOfKmp(haystack: string, needle: string, from: number, end: number, counter: TCounter): number {
  const fail = failureTable(needle, counter);
  let k = 0;
  for (let i = from; i < end; i++) {
    const c = haystack.charCodeAt(i);
    while (k > 0 && needle.charCodeAt(k) !== c) {
      if (counter) counter.steps++;
      k = fail[k - 1]!;
    }
    if (counter) counter.steps++;
    if (needle.charCodeAt(k) === c) k++;
    if (k === needle.length) return i - needle.length + 1;
  }
  return -1;
}

/** fail[i]: length of the longest proper prefix of needle[0..i] that is also its suffix. */
function failureTable(needle: string, counter: TCounter): Int32Array {
  const fail = new Int32Array(needle.length);
  let k = 0;
  for (let i = 1; i < needle.length; i++) {
    const c = needle.charCodeAt(i);
    while (k > 0 && needle.charCodeAt(k) !== c) {
      if (counter) counter.steps++;
      k = fail[k - 1]!;
    }
    if (counter) counter.steps++;
    if (needle.charCodeAt(k) === c) k++;
    fail[i] = k;
  }
  return fail;
}
