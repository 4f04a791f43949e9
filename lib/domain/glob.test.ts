import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globMatch, globMatchSteps, globStepBound } from "./glob";

/** The longest pattern any form accepts (Kubernetes names: 253 characters). */
const MAX = 253;

/** Obviously correct, slow reference: dynamic programming over (pattern, subject) prefixes. */
function reference(pattern: string, subject: string): boolean {
  let row = Array.from({ length: subject.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const next = Array.from({ length: subject.length + 1 }, () => false);
    next[0] = p === "*" && row[0]!;
    for (let j = 1; j <= subject.length; j++) {
      next[j] = p === "*" ? row[j]! || next[j - 1]! : row[j - 1]! && subject[j - 1] === p;
    }
    row = next;
  }
  return row[subject.length]!;
}

/** Strings over a tiny alphabet with many stars: the inputs that made the regular expressions blow up. */
const adversarial = (min: number, max: number) =>
  fc.array(fc.constantFrom("a", "b", "*", "-"), { minLength: min, maxLength: max }).map((cs) => cs.join(""));
const subjects = (min: number, max: number) =>
  fc.array(fc.constantFrom("a", "b", "-"), { minLength: min, maxLength: max }).map((cs) => cs.join(""));

describe("globMatch", () => {
  it("matches like the wildcard patterns always did", () => {
    expect(globMatch("*", "")).toBe(true);
    expect(globMatch("*", "anything/at.all")).toBe(true);
    expect(globMatch("", "")).toBe(true);
    expect(globMatch("", "x")).toBe(false);
    expect(globMatch("payments", "payments")).toBe(true);
    expect(globMatch("payments", "Payments")).toBe(false);
    expect(globMatch("payments-*", "payments-")).toBe(true);
    expect(globMatch("payments-*", "payments")).toBe(false);
    expect(globMatch("*-api", "checkout-api-v2")).toBe(false);
    expect(globMatch("pay*-*-v*", "payments-api-v2")).toBe(true);
    expect(globMatch("pay*-*-v*", "payments-api")).toBe(false);
    expect(globMatch("a*a", "a")).toBe(false);
    expect(globMatch("a*a", "aa")).toBe(true);
    expect(globMatch("ab*ba", "aba")).toBe(false);
  });

  it("takes every other character literally, `?` and regex syntax included", () => {
    expect(globMatch("a.b", "axb")).toBe(false);
    expect(globMatch("a?*", "a")).toBe(false);
    expect(globMatch("a?*", "a?x")).toBe(true);
    expect(globMatch("(x|y)*", "(x|y)z")).toBe(true);
    expect(globMatch("[a-z]*", "b")).toBe(false);
    expect(globMatch("^a$*", "^a$!")).toBe(true);
    expect(globMatch("a*b", "a\n/b")).toBe(true);
  });

  it("treats repeated stars as one", () => {
    expect(globMatch("a***b", "ab")).toBe(true);
    expect(globMatch("**", "")).toBe(true);
    expect(globMatch("*a**b*", "xxaxxbxx")).toBe(true);
  });

  it("agrees with a dynamic-programming reference on random patterns", () => {
    fc.assert(
      fc.property(adversarial(0, 30), subjects(0, 30), (pattern, subject) => {
        expect(globMatch(pattern, subject)).toBe(reference(pattern, subject));
      }),
      { numRuns: 3000 },
    );
  });

  it("stays linear in steps for any pattern and subject of the maximum length", () => {
    const check = (pattern: string, subject: string) => {
      const { matched, steps } = globMatchSteps(pattern, subject);
      expect(matched).toBe(globMatch(pattern, subject));
      expect(steps).toBeLessThanOrEqual(globStepBound(pattern.length, subject.length));
    };
    fc.assert(fc.property(adversarial(MAX, MAX), subjects(MAX, MAX), check), { numRuns: 1000 });
    // Stars at both ends, so every run searches the middle segments through the whole subject.
    const middle = adversarial(MAX - 2, MAX - 2).map((p) => `*${p}*`);
    fc.assert(fc.property(middle, subjects(MAX, MAX), check), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.string({ minLength: MAX, maxLength: MAX }), fc.string({ minLength: MAX, maxLength: MAX }), check),
      { numRuns: 500 },
    );
  });

  it("stays within the bound on the reported and the classic worst cases", () => {
    const a200 = "a".repeat(200);
    const worst: [string, string][] = [
      ["*****Z", a200],
      ['*"*"*"*"*"*"*"*">Z', '"'.repeat(MAX)],
      [`${"*a".repeat(126)}Z`, "a".repeat(MAX)],
      [`*${"a".repeat(251)}b`, "a".repeat(MAX)],
      [`a*${"a".repeat(125)}b*${"a".repeat(124)}`, "a".repeat(MAX)],
      ["*".repeat(MAX), "a".repeat(MAX)],
    ];
    for (const [pattern, subject] of worst) {
      const { matched, steps } = globMatchSteps(pattern, subject);
      expect(matched).toBe(reference(pattern, subject));
      expect(steps).toBeLessThanOrEqual(globStepBound(pattern.length, subject.length));
    }
  });

  it("counts steps honestly: a long subject costs more than a short one", () => {
    // Guards the bound test above against a counter that stopped counting.
    const short = globMatchSteps("*ab*zz*", "ab".repeat(5)).steps;
    const long = globMatchSteps("*ab*zz*", "ab".repeat(100)).steps;
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
  });
});
