import path from "node:path";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// next.config.js is plain JavaScript (the project does not type-check JS): loaded by path.
const loadNextConfig = async () =>
  ((await import(path.resolve(__dirname, "../../next.config.js"))) as { default: NextConfig }).default;

// Identity providers must reach the SCIM routes directly: the page proxy would buffer bodies and
// send a caller without a session cookie to the sign-in page. next.config.js gives the routes the
// headers the proxy would have set.

describe("SCIM routing", () => {
  it("keeps the page proxy away from /scim, as from /api and /v0", () => {
    const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));
    expect(matches("/scim/v2/acme/Users")).toBe(false);
    expect(matches("/scim/v2/acme/Groups/5b0c")).toBe(false);
    expect(matches("/api/health")).toBe(false);
    expect(matches("/o/acme/findings")).toBe(true);
    expect(matches("/scimitar")).toBe(true);
  });

  it("gives /scim the JSON routes' security headers", async () => {
    const rules = await (await loadNextConfig()).headers!();
    const api = rules.filter((r) => r.source === "/api/:path*");
    const scim = rules.filter((r) => r.source === "/scim/:path*");
    expect(scim.map(({ has, headers }) => ({ has, headers }))).toEqual(
      api.map(({ has, headers }) => ({ has, headers })),
    );
    expect(scim[0].headers).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
  });
});
