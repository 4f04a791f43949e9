import { beforeAll, describe, expect, it } from "vitest";
import { generateToken, hashToken, tokenHint } from "@/lib/auth/tokens";
import { db } from "@/lib/server/db";
import { createTestOrg, uniqueSuffix } from "@/lib/testing/factories";
import { claimDomain, createScimToken, scimClient, scimRequest } from "@/lib/testing/scim-client";
import { SCHEMA } from "./constants";

// One org's SCIM token is useless on another org, and never tells whether the other org exists;
// another org's user and group ids are unknown ids (404), never readable or writable.

async function tenant() {
  const domain = `iso-${uniqueSuffix()}.test`;
  const org = await createTestOrg();
  await claimDomain(org.id, domain);
  const token = await createScimToken(org.id);
  const scim = scimClient(org.slug, token.secret);
  const user = await scim.post("/Users", { schemas: [SCHEMA.user], userName: `pat@${domain}`, active: true });
  const group = await scim.post("/Groups", {
    schemas: [SCHEMA.group],
    displayName: `Group ${uniqueSuffix()}`,
    members: [{ value: user.body.id }],
  });
  return { org, domain, token, scim, userId: user.body.id as string, groupId: group.body.id as string };
}

let a: Awaited<ReturnType<typeof tenant>>;
let b: Awaited<ReturnType<typeof tenant>>;
beforeAll(async () => {
  [a, b] = await Promise.all([tenant(), tenant()]);
});

const unauthorized = {
  schemas: [SCHEMA.error],
  status: "401",
  detail:
    "Send this organization's SCIM token: Authorization: Bearer bmp_scim_… (the token is missing, invalid, revoked, or of another organization).",
};

describe("SCIM tenant isolation", () => {
  it("answers org A's token on org B exactly as on an org that does not exist", async () => {
    for (const path of ["/Users", `/Users/${b.userId}`, "/Groups", "/ServiceProviderConfig", "/Schemas", "/Bulk"]) {
      const onB = await scimRequest(b.org.slug, a.token.secret, { method: "GET", path });
      const onNothing = await scimRequest(`no-such-org-${uniqueSuffix()}`, a.token.secret, { method: "GET", path });
      expect({ path, status: onB.status, body: onB.body }).toEqual({ path, status: 401, body: unauthorized });
      expect(onNothing.body).toEqual(onB.body);
      expect(onB.headers.get("www-authenticate")).toBe('Bearer realm="scim"');
    }
    const write = await scimRequest(b.org.slug, a.token.secret, {
      method: "PATCH",
      path: `/Users/${b.userId}`,
      body: { schemas: [SCHEMA.patchOp], Operations: [{ op: "replace", value: { active: false } }] },
    });
    expect(write.status).toBe(401);
    expect((await db.scimUser.findUniqueOrThrow({ where: { id: b.userId } })).active).toBe(true);
  });

  it("refuses a missing, malformed, revoked or other kind of token with the same 401", async () => {
    const orgToken = generateToken("org");
    await db.apiToken.create({
      data: {
        orgId: a.org.id,
        kind: "org_admin",
        name: "admin",
        tokenHash: hashToken(orgToken),
        hint: tokenHint(orgToken),
      },
    });
    const revoked = await createScimToken(a.org.id, "revoked");
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const cases: Array<[string, Record<string, string>]> = [
      ["no header", {}],
      ["basic auth", { authorization: "Basic dXNlcjpwYXNz" }],
      ["garbage", { authorization: "Bearer not-a-token" }],
      ["org admin token", { authorization: `Bearer ${orgToken}` }],
      ["revoked SCIM token", { authorization: `Bearer ${revoked.secret}` }],
      ["unknown SCIM token", { authorization: `Bearer ${generateToken("scim")}` }],
    ];
    for (const [name, headers] of cases) {
      const res = await scimRequest(a.org.slug, null, { method: "GET", path: "/Users", headers });
      expect({ name, status: res.status, body: res.body }).toEqual({ name, status: 401, body: unauthorized });
    }
  });

  it("treats org B's ids as unknown through org A, for reads and writes", async () => {
    const patch = { schemas: [SCHEMA.patchOp], Operations: [{ op: "replace", value: { active: false } }] };
    const calls = [
      a.scim.get(`/Users/${b.userId}`),
      a.scim.put(`/Users/${b.userId}`, { schemas: [SCHEMA.user], userName: `pat@${a.domain}` }),
      a.scim.patch(`/Users/${b.userId}`, patch),
      a.scim.delete(`/Users/${b.userId}`),
      a.scim.get(`/Groups/${b.groupId}`),
      a.scim.put(`/Groups/${b.groupId}`, { schemas: [SCHEMA.group], displayName: "Taken over" }),
      a.scim.patch(`/Groups/${b.groupId}`, {
        schemas: [SCHEMA.patchOp],
        Operations: [{ op: "remove", path: "members" }],
      }),
      a.scim.delete(`/Groups/${b.groupId}`),
      a.scim.get("/Users/not-a-uuid"),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ schemas: [SCHEMA.error], status: "404" });
    }
    expect(await db.scimUser.findUniqueOrThrow({ where: { id: b.userId } })).toMatchObject({ active: true });
    expect(await db.scimGroupMember.count({ where: { groupId: b.groupId } })).toBe(1);
  });

  it("never lists, filters to, or adds as a member another org's users", async () => {
    const listed = await a.scim.get("/Users");
    expect((listed.body.Resources as Array<{ id: string }>).map((r) => r.id)).toEqual([a.userId]);
    const filtered = await a.scim.get(`/Users?filter=${encodeURIComponent(`userName eq "pat@${b.domain}"`)}`);
    expect(filtered.body.totalResults).toBe(0);
    const added = await a.scim.patch(`/Groups/${a.groupId}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [{ op: "add", path: "members", value: [{ value: b.userId }] }],
    });
    expect(added.status).toBe(400);
    expect(added.body).toMatchObject({
      scimType: "invalidValue",
      detail: `These members are not Users of this organization: ${b.userId}.`,
    });
  });

  it("does not let org A provision an address of a domain org B claimed", async () => {
    const res = await a.scim.post("/Users", { schemas: [SCHEMA.user], userName: `eve@${b.domain}` });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ scimType: "invalidValue" });
    expect(res.body.detail).toContain(`(${a.domain})`);
    expect(await db.user.findUnique({ where: { email: `eve@${b.domain}` } })).toBeNull();
  });
});
