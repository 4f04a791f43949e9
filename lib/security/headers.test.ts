import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";

describe("security headers", () => {
  it("allows scripts only with the request's nonce in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", development: false, https: false });
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("adds eval only for the development server", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain("'unsafe-eval'");
  });

  it("sends HSTS only over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", development: false, https: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(securityHeaders({ nonce: "n", development: false, https: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=\d+/,
    );
  });

  it("makes a different 128-bit nonce every time", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});
