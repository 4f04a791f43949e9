import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { createTestOrg, uniqueSuffix } from "@/lib/testing/factories";
import * as discoverRoute from "@/app/api/sso/discover/route";
import * as startRoute from "@/app/api/sso/[org]/start/route";
import { createSsoOrg } from "./sign-in-testing";

// The two public routes of signing in through SSO: home-realm discovery from the sign-in page, and
// the protocol-independent start that the SSO button and enforcing orgs' pages lead to.

const BASE = "http://bumpers.test";

const discover = (body: unknown, headers: Record<string, string> = {}) =>
  discoverRoute.POST(
    new Request(`${BASE}/api/sso/discover`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );

const start = (org: string, callbackUrl?: string) =>
  startRoute.GET(
    new Request(
      `${BASE}/api/sso/${org}/start${callbackUrl === undefined ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`}`,
    ),
    { params: Promise.resolve({ org }) },
  );

afterEach(() => {
  delete process.env.BUMPERS_TRUSTED_PROXIES;
  delete process.env.BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE;
  resetEnvCache();
});

describe("POST /api/sso/discover", () => {
  it("names the org whose enabled SSO answers for the email's domain, whoever the person is", async () => {
    const sso = await createSsoOrg({ enforced: true });
    const res = await discover({ email: `  Someone.New@${sso.domain.toUpperCase()} ` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sso: { orgName: sso.org.name, startUrl: `/api/sso/${sso.org.slug}/start`, enforced: true },
    });
  });

  it("answers null for an unclaimed domain and for a connection that is switched off", async () => {
    const off = await createSsoOrg({ enabled: false });
    expect(await (await discover({ email: off.email("x") })).json()).toEqual({ sso: null });
    expect(await (await discover({ email: `x@unclaimed-${uniqueSuffix()}.example` })).json()).toEqual({ sso: null });
    // A claimed domain of an org without any connection.
    const org = await createTestOrg();
    const domain = `bare-${uniqueSuffix()}.example`;
    await db.ssoDomain.create({ data: { orgId: org.id, domain } });
    expect(await (await discover({ email: `x@${domain}` })).json()).toEqual({ sso: null });
  });

  it("refuses what is not an email with 400", async () => {
    const res = await discover({ email: "not an email" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("bad_request");
    expect((await discover({})).status).toBe(400);
  });

  it("is limited per client address like sign-in attempts", async () => {
    process.env.BUMPERS_TRUSTED_PROXIES = "10.0.0.0/8";
    process.env.BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE = "2";
    resetEnvCache();
    const from = { "x-forwarded-for": `198.51.100.${Number.parseInt(uniqueSuffix(), 16) % 250}, 10.0.0.1` };
    const email = `x@unclaimed-${uniqueSuffix()}.example`;
    expect((await discover({ email }, from)).status).toBe(200);
    expect((await discover({ email }, from)).status).toBe(200);
    const limited = await discover({ email }, from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("GET /api/sso/[org]/start", () => {
  it("sends the browser to the start of the org's protocol, with a callback that stays on this site", async () => {
    const sso = await createSsoOrg();
    const res = await start(sso.org.slug, `/o/${sso.org.slug}/findings?team=a`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(
      `/api/sso/${sso.org.slug}/oidc/start?callbackUrl=${encodeURIComponent(`/o/${sso.org.slug}/findings?team=a`)}`,
    );
    await db.ssoConnection.update({ where: { orgId: sso.org.id }, data: { protocol: "saml" } });
    for (const evil of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      expect((await start(sso.org.slug, evil)).headers.get("location")).toBe(
        `/api/sso/${sso.org.slug}/saml/start?callbackUrl=%2F`,
      );
    }
  });

  it("sends the browser back to sign in when the org has no enabled connection", async () => {
    const off = await createSsoOrg({ enabled: false });
    const none = await createTestOrg();
    for (const slug of [off.org.slug, none.slug, `missing-${uniqueSuffix()}`]) {
      const res = await start(slug, "/");
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/login?error=SsoNotConfigured");
    }
  });
});
