import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { createSsoOrg } from "@/lib/sso/sign-in/sign-in-testing";
import { addMember, createMember, createTestOrg, createTestUser } from "@/lib/testing/factories";
import { appErrorOf, codeOf } from "@/lib/testing/errors";
import { signInAs } from "@/lib/testing/session";
import * as teamsRoute from "@/app/api/v1/teams/route";
import OrgLayout from "@/app/(dashboard)/o/[org]/layout";
import { BreakGlassBanner } from "@/components/sso/break-glass-banner";
import { authorizeOrg, authorizeTeam } from "./access";
import { authorizeCredentials } from "./authorize-credentials";
import { requireOrgPage } from "./page-guards";
import { PAGE_PATH_HEADER } from "./page-path";
import { hashPassword } from "./passwords";
import type { TSessionSignIn } from "./session-user";

// Pages learn their own path from a header proxy.ts sets; here, the page a person asked for.
const pagePath = { value: "/" };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ [PAGE_PATH_HEADER]: pagePath.value }),
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

const password: TSessionSignIn = { method: "password", ssoOrgId: null };
const oauth: TSessionSignIn = { method: "oauth", ssoOrgId: null };
const unknown: TSessionSignIn = { method: "unknown", ssoOrgId: null };
const ssoOf = (org: { id: string }): TSessionSignIn => ({ method: "sso", ssoOrgId: org.id });

afterEach(() => signInAs(null));

async function enforcedOrg() {
  const sso = await createSsoOrg({ enforced: true });
  const owner = await createMember(sso.org.id, "owner");
  const member = await createMember(sso.org.id, "member");
  return { ...sso, owner, member };
}

/** The outcome of `user` opening `orgSlug` with a session opened as `signIn`. */
async function outcome(user: { id: string; email: string; name: string }, signIn: TSessionSignIn, orgSlug: string) {
  signInAs(user, signIn);
  try {
    const access = await authorizeOrg(orgSlug);
    return access.breakGlass ? "break-glass" : "ok";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe("an org that enforces single sign-on", () => {
  it("admits only sessions opened through its own IdP, and owners with a password as break-glass", async () => {
    const e = await enforcedOrg();
    const other = await createSsoOrg();
    const expected: [string, { id: string; email: string; name: string }, TSessionSignIn, string][] = [
      ["member, password", e.member, password, "sso_required"],
      ["member, OAuth", e.member, oauth, "sso_required"],
      ["member, cookie from before sign-in methods were recorded", e.member, unknown, "sso_required"],
      ["member, this org's SSO", e.member, ssoOf(e.org), "ok"],
      ["member, another org's SSO", e.member, ssoOf(other.org), "sso_required"],
      ["owner, password (break-glass)", e.owner, password, "break-glass"],
      ["owner, OAuth", e.owner, oauth, "sso_required"],
      ["owner, another org's SSO", e.owner, ssoOf(other.org), "sso_required"],
      ["owner, this org's SSO", e.owner, ssoOf(e.org), "ok"],
    ];
    const got = [];
    for (const [name, user, signIn] of expected) got.push([name, await outcome(user, signIn, e.org.slug)]);
    expect(got).toEqual(expected.map(([name, , , want]) => [name, want]));
  });

  it("says where to sign in, and still answers not_found to non-members (no existence leak)", async () => {
    const e = await enforcedOrg();
    signInAs(e.member, password);
    expect(await appErrorOf(authorizeOrg(e.org.slug))).toEqual({
      code: "sso_required",
      message: `${e.org.name} requires signing in through its single sign-on.`,
      details: { signInUrl: `/api/sso/${e.org.slug}/start` },
    });
    signInAs(await createTestUser(), password);
    expect(await codeOf(authorizeOrg(e.org.slug))).toBe("not_found");
  });

  it("does not let an SSO session of one org satisfy another, and lets it into orgs that do not enforce", async () => {
    const a = await createSsoOrg();
    const enforcedB = await enforcedOrg();
    const relaxed = await createSsoOrg({ enforced: false });
    const plain = await createTestOrg();
    const person = await createMember(a.org.id, "member");
    await addMember(enforcedB.org.id, person.id, "member");
    await addMember(relaxed.org.id, person.id, "member");
    await addMember(plain.id, person.id, "member");

    expect(await outcome(person, ssoOf(a.org), enforcedB.org.slug)).toBe("sso_required");
    expect(await outcome(person, ssoOf(a.org), relaxed.org.slug)).toBe("ok");
    expect(await outcome(person, ssoOf(a.org), plain.slug)).toBe("ok");
    expect(await outcome(person, password, relaxed.org.slug)).toBe("ok");
  });

  it("stops enforcing once the connection is switched off", async () => {
    const e = await enforcedOrg();
    await db.ssoConnection.update({ where: { orgId: e.org.id }, data: { enabled: false } });
    expect(await outcome(e.member, password, e.org.slug)).toBe("ok");
  });

  it("guards teams the same way", async () => {
    const e = await enforcedOrg();
    const team = await db.team.create({ data: { orgId: e.org.id, slug: "payments", name: "Payments" } });
    signInAs(e.owner, password);
    expect(await codeOf(authorizeTeam(e.org.slug, team.slug))).toBe("ok");
    signInAs(e.member, password);
    expect(await codeOf(authorizeTeam(e.org.slug, team.slug))).toBe("sso_required");
  });

  it("sends a page's visitor straight to the org's IdP, to come back to the page they asked for", async () => {
    const e = await enforcedOrg();
    pagePath.value = `/o/${e.org.slug}/findings?severity=high`;
    signInAs(e.member, password);
    const redirect = await requireOrgPage(e.org.slug).then(
      () => "no redirect",
      (err: { digest?: string }) => String(err.digest).split(";")[2],
    );
    expect(redirect).toBe(
      `/api/sso/${e.org.slug}/start?callbackUrl=${encodeURIComponent(`/o/${e.org.slug}/findings?severity=high`)}`,
    );

    // A path that would lead off-site is not carried along.
    pagePath.value = "//evil.example/x";
    const safe = await requireOrgPage(e.org.slug).catch((err: { digest?: string }) => String(err.digest).split(";")[2]);
    expect(safe).toBe(`/api/sso/${e.org.slug}/start?callbackUrl=${encodeURIComponent(`/o/${e.org.slug}`)}`);
  });

  it("warns an owner in through break-glass on every page of the org", async () => {
    const e = await enforcedOrg();
    const render = async () => {
      const tree = (await OrgLayout({ params: Promise.resolve({ org: e.org.slug }), children: null } as never)) as {
        props: { children: { type?: unknown; props?: { orgName?: string } }[] };
      };
      return tree.props.children.filter((c) => c?.type === BreakGlassBanner).map((c) => c.props?.orgName);
    };
    signInAs(e.owner, password);
    expect(await render()).toEqual([e.org.name]);
    signInAs(e.owner, ssoOf(e.org));
    expect(await render()).toEqual([]);
  });

  it("answers 403 sso_required on the API to a session cookie, and not to an API token", async () => {
    const e = await enforcedOrg();
    const url = `http://bumpers.test/api/v1/teams?org=${e.org.slug}`;
    signInAs(e.member, password);
    const refused = await teamsRoute.GET(new Request(url));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({
      code: "sso_required",
      message: `${e.org.name} requires signing in through its single sign-on.`,
    });

    signInAs(null);
    const { secret } = await createOrgToken(
      e.org.id,
      { userId: e.owner.id, label: e.owner.email },
      { name: "reader", kind: "org_read" },
    );
    const withToken = await teamsRoute.GET(new Request(url, { headers: { authorization: `Bearer ${secret}` } }));
    expect(withToken.status).toBe(200);
  });
});

describe("break-glass sign-in", () => {
  it("is audited once in each enforcing org where the person is an owner, when their password is accepted", async () => {
    const PASSWORD = "break the glass carefully";
    const e = await enforcedOrg();
    const enforcedAsMember = await enforcedOrg();
    const relaxed = await createSsoOrg();
    const owner = await createTestUser({ passwordHash: await hashPassword(PASSWORD) });
    await addMember(e.org.id, owner.id, "owner");
    await addMember(relaxed.org.id, owner.id, "owner");
    await addMember(enforcedAsMember.org.id, owner.id, "member");
    const rows = (orgId: string) => db.auditLog.findMany({ where: { orgId, action: "sso.break_glass_sign_in" } });

    expect(await authorizeCredentials({ email: owner.email, password: "wrong password" }, null)).toBeNull();
    expect(await rows(e.org.id)).toEqual([]);

    expect(await authorizeCredentials({ email: owner.email, password: PASSWORD }, null)).toMatchObject({
      id: owner.id,
    });
    const [row, ...more] = await rows(e.org.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorUserId: owner.id,
      actorLabel: owner.email,
      targetType: "user",
      targetId: owner.id,
    });
    expect(await rows(relaxed.org.id)).toEqual([]);
    expect(await rows(enforcedAsMember.org.id)).toEqual([]);

    await authorizeCredentials({ email: owner.email, password: PASSWORD }, null);
    expect(await rows(e.org.id)).toHaveLength(2);
  });
});
