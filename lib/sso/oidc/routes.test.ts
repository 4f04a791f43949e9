import { afterEach, describe, expect, it, vi } from "vitest";
import * as callbackRoute from "@/app/api/sso/[org]/oidc/callback/route";
import * as startRoute from "@/app/api/sso/[org]/oidc/start/route";
import { db } from "@/lib/server/db";
import { signInAtIdp } from "@/lib/testing/oidc-sign-in";
import { createTestOrg } from "@/lib/testing/factories";
import { SSO_BROWSER_COOKIE } from "../requests";
import type { TVerifiedIdentity } from "../types";
import { ADA, orgWithOidc, fakeIdpsForFile } from "./oidc-test-helpers";

// The two routes as a browser meets them: the redirect to the IdP with the sign-in cookie, the
// way back handed to the sign-in hand-over, and refusals as a redirect to the sign-in page.

// The hand-over (lib/sso/sign-in) is tested on its own; here it only records what it was given.
const handedOver = vi.hoisted(() => [] as { identity: TVerifiedIdentity; origin: string }[]);
vi.mock("@/lib/sso/sign-in/finish", () => ({
  finishSsoSignIn: async (identity: TVerifiedIdentity, origin: string) => {
    handedOver.push({ identity, origin });
    return Response.redirect(`${origin}/login/sso?ticket=t`, 302);
  },
}));

const ORIGIN = "http://localhost:3000";
const [idp] = fakeIdpsForFile(1);

const get = (
  route: typeof startRoute | typeof callbackRoute,
  org: string,
  url: string,
  headers: Record<string, string> = {},
) =>
  route.GET(new Request(url, { headers: { host: "localhost:3000", ...headers } }), {
    params: Promise.resolve({ org }),
  });

const cookieValue = (setCookie: string) => new RegExp(`^${SSO_BROWSER_COOKIE}=([^;]*)`).exec(setCookie)?.[1] ?? "";

async function startAt(slug: string, callbackUrl: string) {
  const res = await get(
    startRoute,
    slug,
    `${ORIGIN}/api/sso/${slug}/oidc/start?callbackUrl=${encodeURIComponent(callbackUrl)}`,
  );
  expect(res.status).toBe(302);
  return { res, location: res.headers.get("location")!, setCookie: res.headers.get("set-cookie") ?? "" };
}

afterEach(() => {
  handedOver.length = 0;
});

describe("GET /api/sso/[org]/oidc/start", () => {
  it("sends the browser to the IdP with a sign-in cookie scoped to the org's SSO routes", async () => {
    const conn = await orgWithOidc(idp, ORIGIN, { save: true });
    const { location, setCookie } = await startAt(conn.org.slug, "/o/acme");

    expect(location.startsWith(`${idp.issuer}/auth?`)).toBe(true);
    expect(cookieValue(setCookie)).toMatch(/^[\w-]{43}$/);
    expect(setCookie).toContain(`Path=/api/sso/${conn.org.slug}`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Max-Age=600");
    expect(setCookie).not.toContain("Secure");
  });

  it("marks the cookie Secure when the site is served over https", async () => {
    const conn = await orgWithOidc(idp, "https://bumpers.example", { save: true });
    const res = await get(startRoute, conn.org.slug, `http://internal:3000/api/sso/${conn.org.slug}/oidc/start`, {
      host: "bumpers.example",
      "x-forwarded-proto": "https",
    });
    expect(new URL(res.headers.get("location")!).searchParams.get("redirect_uri")).toBe(
      `https://bumpers.example/api/sso/${conn.org.slug}/oidc/callback`,
    );
    expect(res.headers.get("set-cookie")).toContain("; Secure");
  });

  it("keeps only a path on this site as where to go afterwards", async () => {
    const conn = await orgWithOidc(idp, ORIGIN, { save: true });
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const { location } = await startAt(conn.org.slug, evil);
      const stored = await db.ssoRequest.findUniqueOrThrow({
        where: { id: new URL(location).searchParams.get("state")! },
      });
      expect(stored.callbackUrl).toBe("/");
    }
    const { location } = await startAt(conn.org.slug, "/o/acme/findings?severity=critical");
    const stored = await db.ssoRequest.findUniqueOrThrow({
      where: { id: new URL(location).searchParams.get("state")! },
    });
    expect(stored.callbackUrl).toBe("/o/acme/findings?severity=critical");
  });

  it("sends people to the sign-in page when the org has no OIDC connection switched on", async () => {
    const bare = await createTestOrg();
    const off = await orgWithOidc(idp, ORIGIN, { save: true });
    await db.ssoConnection.update({ where: { orgId: off.org.id }, data: { enabled: false } });
    for (const slug of [bare.slug, off.org.slug, "no-such-org"]) {
      const res = await get(startRoute, slug, `${ORIGIN}/api/sso/${slug}/oidc/start`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/login?error=SsoNotConfigured");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("explains a provider that cannot be discovered as not configured", async () => {
    const conn = await orgWithOidc(idp, ORIGIN, { save: true });
    await db.ssoConnection.update({
      where: { orgId: conn.org.id },
      data: { settings: { ...conn.settings, issuer: "https://169.254.169.254" } },
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await get(startRoute, conn.org.slug, `${ORIGIN}/api/sso/${conn.org.slug}/oidc/start`);
    expect(res.headers.get("location")).toBe("/login?error=SsoNotConfigured");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Discovery at https://169.254.169.254/ failed"));
    warn.mockRestore();
  });
});

describe("GET /api/sso/[org]/oidc/callback", () => {
  it("hands the verified person to the sign-in hand-over and clears the cookie", async () => {
    const conn = await orgWithOidc(idp, ORIGIN, { save: true });
    const { location, setCookie } = await startAt(conn.org.slug, "https://evil.example/steal");
    const back = await signInAtIdp(location, ADA);

    const res = await get(callbackRoute, conn.org.slug, back.href, {
      cookie: `other=1; ${SSO_BROWSER_COOKIE}=${cookieValue(setCookie)}`,
    });

    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login/sso?ticket=t`);
    expect(res.headers.get("set-cookie")).toContain(
      `${SSO_BROWSER_COOKIE}=; Path=/api/sso/${conn.org.slug}; Max-Age=0`,
    );
    expect(handedOver).toEqual([
      {
        origin: ORIGIN,
        identity: expect.objectContaining({ orgId: conn.org.id, email: "ada@acme.example", callbackUrl: "/" }),
      },
    ]);
  });

  it("answers a refused sign-in with the sign-in page's reason, logs the detail, clears the cookie", async () => {
    const conn = await orgWithOidc(idp, ORIGIN, { save: true });
    const { location, setCookie } = await startAt(conn.org.slug, "/");
    const back = await signInAtIdp(location, ADA);
    const cookie = `${SSO_BROWSER_COOKIE}=${cookieValue(setCookie)}`;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    await get(callbackRoute, conn.org.slug, back.href, { cookie });
    const replay = await get(callbackRoute, conn.org.slug, back.href, { cookie });

    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/login?error=SsoReplayed");
    expect(replay.headers.get("set-cookie")).toContain("Max-Age=0");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("already completed"));
    expect(handedOver).toHaveLength(1);
    warn.mockRestore();
  });

  it("refuses one org's answer at another org's callback", async () => {
    const acme = await orgWithOidc(idp, ORIGIN, { save: true });
    const globex = await orgWithOidc(idp, ORIGIN, { save: true });
    const { location, setCookie } = await startAt(acme.org.slug, "/");
    const back = await signInAtIdp(location, ADA);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const res = await get(callbackRoute, globex.org.slug, back.href.replace(acme.org.slug, globex.org.slug), {
      cookie: `${SSO_BROWSER_COOKIE}=${cookieValue(setCookie)}`,
    });

    expect(res.headers.get("location")).toBe("/login?error=SsoExpired");
    expect(handedOver).toEqual([]);
    warn.mockRestore();
  });

  it("refuses an org without OIDC", async () => {
    const bare = await createTestOrg();
    const res = await get(callbackRoute, bare.slug, `${ORIGIN}/api/sso/${bare.slug}/oidc/callback?code=x&state=y`);
    expect(res.headers.get("location")).toBe("/login?error=SsoNotConfigured");
    expect(res.headers.get("set-cookie")).toContain("Max-Age=0");
  });
});
