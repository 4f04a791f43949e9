import { afterEach, describe, expect, it, vi } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { limitSignInAttempts } from "@/lib/auth/sign-in-rate-limit";
import { createCluster } from "@/lib/clusters/create-cluster";
import { inviteMember } from "@/lib/orgs/invite-member";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import * as admissionRoute from "@/app/api/v1/admission/[cluster]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as uploadRoute from "@/app/v0/organizations/[org]/clusters/[cluster]/data/[type]/route";
import { pool } from "./db";
import { resetEnvCache } from "./env";
import { fixtureBytes } from "@/lib/testing/fixtures";

// Limits are per token (API, agent), per address (sign-in) and per org (invitations), kept in
// Postgres; past one the answer is 429 with Retry-After and nothing of the refused request is kept.

const LIMITS = [
  "BUMPERS_RATE_LIMIT_API_PER_MINUTE",
  "BUMPERS_RATE_LIMIT_INGEST_PER_MINUTE",
  "BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE",
  "BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE",
  "BUMPERS_RATE_LIMIT_INVITATIONS_PER_HOUR",
  "BUMPERS_TRUSTED_PROXIES",
] as const;

function useLimit(name: (typeof LIMITS)[number], value: number) {
  process.env[name] = String(value);
  resetEnvCache();
}

afterEach(() => {
  for (const name of LIMITS) delete process.env[name];
  resetEnvCache();
  signInAs(null);
  vi.restoreAllMocks();
});

const POLARIS = fixtureBytes("../shared/fixtures/polaris/audit-dashboard-sample.json");

async function tenantWithTokens() {
  const t = await createTestTenant();
  const actor = actorFor(t.users.admin);
  const first = await createOrgToken(t.org.id, actor, { name: "script", kind: "org_read" });
  const second = await createOrgToken(t.org.id, actor, { name: "dashboard", kind: "org_read" });
  const { cluster, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
  return { t, first: first.secret, second: second.secret, cluster, clusterToken: token };
}

const listTeams = (token: string) =>
  teamsRoute.GET(new Request("http://bumpers.test/api/v1/teams", { headers: { authorization: `Bearer ${token}` } }));

describe("rate limits", () => {
  it("API: past the limit a token gets 429 with Retry-After; another token is not slowed", async () => {
    useLimit("BUMPERS_RATE_LIMIT_API_PER_MINUTE", 3);
    const { first, second } = await tenantWithTokens();
    for (let i = 0; i < 3; i++) expect((await listTeams(first)).status).toBe(200);
    const refused = await listTeams(first);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await listTeams(second)).status).toBe(200);
  });

  it("ingest: past the limit an agent gets 429 and the refused report is not stored", async () => {
    useLimit("BUMPERS_RATE_LIMIT_INGEST_PER_MINUTE", 2);
    const { t, cluster, clusterToken } = await tenantWithTokens();
    const upload = () => {
      const params = { org: t.org.slug, cluster: cluster.slug, type: "polaris" };
      const req = new Request(`http://bumpers.test/v0/organizations/${t.org.slug}/clusters/prod/data/polaris`, {
        method: "POST",
        headers: { authorization: `Bearer ${clusterToken}`, "content-type": "application/json" },
        body: POLARIS,
      });
      return uploadRoute.POST(req, { params: Promise.resolve(params) });
    };
    const stored = async () =>
      (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM reports WHERE cluster_id = $1", [cluster.id]))
        .rows[0].n;
    expect((await upload()).status).toBe(200);
    expect((await upload()).status).toBe(200);
    const before = await stored();
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await stored()).toBe(before);
  });

  it("admission: its own budget per cluster token, apart from the agent's uploads", async () => {
    useLimit("BUMPERS_RATE_LIMIT_INGEST_PER_MINUTE", 1);
    useLimit("BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE", 2);
    const { clusterToken } = await tenantWithTokens();
    const review = () =>
      admissionRoute.POST(
        new Request("http://bumpers.test/api/v1/admission/prod", {
          method: "POST",
          headers: { authorization: `Bearer ${clusterToken}`, "content-type": "application/json" },
          body: JSON.stringify({
            apiVersion: "admission.k8s.io/v1",
            kind: "AdmissionReview",
            request: {
              uid: "u-1",
              kind: { group: "", version: "v1", kind: "ConfigMap" },
              resource: { group: "", version: "v1", resource: "configmaps" },
              operation: "DELETE",
            },
          }),
        }),
        { params: Promise.resolve({ cluster: "prod" }) },
      );
    expect((await review()).status).toBe(200);
    expect((await review()).status).toBe(200);
    const refused = await review();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("sign-in: attempts from one address past the limit get 429 in next-auth's shape; other addresses pass", async () => {
    useLimit("BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE", 2);
    process.env.BUMPERS_TRUSTED_PROXIES = "10.0.0.0/8";
    resetEnvCache();
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    // Behind our proxy (10.0.0.1), which appends the address it saw; the client writes the rest.
    const attempt = (ip: string, forged = "") =>
      limitSignInAttempts(
        new Request("http://bumpers.test/api/auth/callback/credentials", {
          method: "POST",
          headers: { "x-forwarded-for": `${forged}${ip}, 10.0.0.1` },
        }),
      );
    expect(await attempt(address)).toBeNull();
    expect(await attempt(address, "198.51.100.1, ")).toBeNull();
    // Issue 16: a new forged X-Forwarded-For per attempt no longer escapes the limit.
    const refused = (await attempt(address, `192.0.2.${Math.floor(Math.random() * 250)}, `))!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { url: string }).url).toBe("http://bumpers.test/login?error=RateLimited");
    expect(await attempt("198.51.100.7")).toBeNull();
  });

  it("invitations: an org past its hourly limit is refused with rate_limited and no invitation is made", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    useLimit("BUMPERS_RATE_LIMIT_INVITATIONS_PER_HOUR", 2);
    const { t } = await tenantWithTokens();
    signInAs(t.users.admin);
    const access = await authorizeOrg(t.org.slug, "org:members:manage");
    const invite = (email: string) =>
      inviteMember(access, { email, role: "member", teamRole: undefined }, "https://bumpers.test");
    await invite("one@example.test");
    await invite("two@example.test");
    await expect(invite("three@example.test")).rejects.toMatchObject({ code: "rate_limited" });
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM invitations WHERE org_id = $1", [
      t.org.id,
    ]);
    expect(rows[0].n).toBe(2);
  });
});
