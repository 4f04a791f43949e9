import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken, looksLikeToken, tokenHint, tokenMatchesHash } from "./tokens";

describe("tokens", () => {
  it("generates prefixed 32-byte base64url secrets", () => {
    const org = generateToken("org");
    const cluster = generateToken("cluster");
    expect(org).toMatch(/^bmp_org_[A-Za-z0-9_-]{43}$/);
    expect(cluster).toMatch(/^bmp_cl_[A-Za-z0-9_-]{43}$/);
    expect(generateToken("org")).not.toBe(org);
    expect(looksLikeToken(org, "org")).toBe(true);
    expect(looksLikeToken(org, "cluster")).toBe(false);
    expect(looksLikeToken("bmp_org_short")).toBe(false);
  });

  it("stores only a SHA-256 and compares it", () => {
    const token = generateToken("org");
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatchesHash(token, hash)).toBe(true);
    expect(tokenMatchesHash(generateToken("org"), hash)).toBe(false);
  });

  it("keeps a hint that does not reveal the secret", () => {
    const token = generateToken("cluster");
    expect(tokenHint(token)).toBe(token.slice(0, 11) + "…");
  });

  it("reads bearer tokens from the Authorization header", () => {
    expect(bearerToken(new Headers({ authorization: "Bearer abc" }))).toBe("abc");
    expect(bearerToken(new Headers({ authorization: "bearer  abc " }))).toBe("abc");
    expect(bearerToken(new Headers({ authorization: "Basic abc" }))).toBeNull();
    expect(bearerToken(new Headers())).toBeNull();
  });
});
