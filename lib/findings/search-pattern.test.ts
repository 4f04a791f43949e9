import { describe, expect, it } from "vitest";
import { searchIndexPattern, wordShareOf } from "./search-pattern";

const sample = wordShareOf({
  common: [{ value: "CPU limits should be set svc-1", share: 0.1 }],
  histogram: [
    "openssl: CVE-2026-10001 in openssl svc-1",
    "openssl: CVE-2026-20417 in openssl svc-2",
    "curl: CVE-2026-11111 in curl svc-3",
    "zlib: CVE-2026-19999 in zlib svc-4",
  ],
});

describe("free-text search patterns", () => {
  it("estimates a word's share from the common values and the histogram, ignoring case", () => {
    expect(sample("cve")).toBeCloseTo(0.9);
    expect(sample("OPENSSL")).toBeCloseTo(0.45);
    expect(sample("limits")).toBeCloseTo(0.1);
    expect(sample("svc")).toBeCloseTo(1);
    expect(sample("20417")).toBeCloseTo(0.225);
    expect(wordShareOf({ common: [], histogram: [] })("anything")).toBe(0);
  });

  it("gives the index only the rare words, in order, and the whole text otherwise", () => {
    const share = (word: string) => (["cve", "2026", "openssl", "in"].includes(word.toLowerCase()) ? 0.5 : 0);
    expect(searchIndexPattern("openssl: CVE-2026-1234", share)).toBe("%1234%");
    expect(searchIndexPattern("CVE-2026-1234 in payments-api", share)).toBe("%1234%payments%api%");
    // Nothing rare, or everything rare: the whole text is the best pattern.
    expect(searchIndexPattern("openssl CVE", share)).toBeNull();
    expect(searchIndexPattern("payments-api", share)).toBeNull();
    // A single word is the text itself; short words give the index no trigram.
    expect(searchIndexPattern("1234", share)).toBeNull();
    expect(searchIndexPattern("openssl 42", share)).toBeNull();
    expect(searchIndexPattern("%_", share)).toBeNull();
  });
});
