import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestOrg, uniqueSuffix } from "@/lib/testing/factories";
import { claimDomain, createScimToken, filterQuery, scimClient, scimRequest } from "@/lib/testing/scim-client";
import { MAX_BODY_BYTES, SCHEMA } from "./constants";

// The protocol around the resources: errors in SCIM's format, bodies, pagination, attribute
// selection, uniqueness, the discovery endpoints, the rate limit.

let w: { org: { id: string; slug: string }; domain: string; token: { id: string; secret: string } };
let scim: ReturnType<typeof scimClient>;
const userIds: string[] = [];

beforeAll(async () => {
  const domain = `proto-${uniqueSuffix()}.test`;
  const org = await createTestOrg();
  await claimDomain(org.id, domain);
  const token = await createScimToken(org.id);
  w = { org, domain, token };
  scim = scimClient(org.slug, token.secret);
  for (const name of ["u1", "u2", "u3", "u4", "u5"]) {
    const res = await scim.post("/Users", {
      schemas: [SCHEMA.user],
      userName: `${name}@${domain}`,
      name: { givenName: name.toUpperCase(), familyName: "Test" },
      emails: [{ value: `${name}@${domain}`, type: "work", primary: true }],
    });
    userIds.push(res.body.id as string);
  }
});

const scimError = (status: number, scimType?: string) => ({
  schemas: [SCHEMA.error],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail: expect.any(String),
});

describe("SCIM protocol", () => {
  it("answers bad bodies with SCIM errors: invalid JSON, too large, wrong type, unsafe text", async () => {
    const invalid = await scim.post("/Users", "{not json");
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual(scimError(400, "invalidSyntax"));
    expect(invalid.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");

    const huge = await scim.post("/Users", { userName: `big@${w.domain}`, title: "x".repeat(MAX_BODY_BYTES) });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual(scimError(413));

    const form = await scim.post("/Users", "userName=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const plainJson = await scim.post(
      "/Users",
      { userName: `json@${w.domain}` },
      { "content-type": "application/json" },
    );
    expect(plainJson.status).toBe(201);

    const nul = await scim.post("/Users", { userName: `nul@${w.domain}`, title: "a\u0000b" });
    expect(nul.status).toBe(400);
    expect(nul.body).toEqual(scimError(400, "invalidValue"));

    const array = await scim.post("/Users", [{ userName: `arr@${w.domain}` }]);
    expect(array.body).toEqual(scimError(400, "invalidSyntax"));
    const badPatch = await scim.patch(`/Users/${userIds[0]}`, { op: "replace", value: { active: false } });
    expect(badPatch.body).toEqual(scimError(400, "invalidSyntax"));
  });

  it("validates users: userName required, an address of a claimed domain, unique case-insensitively", async () => {
    const missing = await scim.post("/Users", { schemas: [SCHEMA.user], name: { givenName: "No" } });
    expect(missing.body).toEqual(scimError(400, "invalidValue"));
    expect(missing.body.detail).toContain("userName is required");

    const outside = await scim.post("/Users", { userName: "someone@gmail.com" });
    expect(outside.status).toBe(400);
    expect(outside.body.detail).toContain(`claimed (${w.domain}); got someone@gmail.com`);

    const taken = await scim.post("/Users", { userName: `U1@${w.domain}` });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(scimError(409, "uniqueness"));
    const sameAddress = await scim.post("/Users", {
      userName: "u1-alias",
      emails: [{ value: `u1@${w.domain}`, primary: true }],
    });
    expect(sameAddress.status).toBe(409);
    expect(sameAddress.body.detail).toContain('already provisioned in this organization as userName "u1@');

    const renameToTaken = await scim.patch(`/Users/${userIds[1]}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [{ op: "replace", path: "userName", value: `u1@${w.domain}` }],
    });
    expect(renameToTaken.status).toBe(409);
  });

  it("refuses to provision before the org claimed a domain, and says what to do", async () => {
    const org = await createTestOrg();
    const token = await createScimToken(org.id);
    const res = await scimClient(org.slug, token.secret).post("/Users", { userName: "a@example.com" });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain("claim one in Settings → Single sign-on");
  });

  it("pages with startIndex and count, as RFC 7644 reads them", async () => {
    const page = async (query: string) => {
      const res = await scim.get(`/Users?${query}`);
      const ids = ((res.body.Resources as Array<{ id: string }> | undefined) ?? []).map((r) => r.id);
      return {
        status: res.status,
        total: res.body.totalResults,
        perPage: res.body.itemsPerPage,
        start: res.body.startIndex,
        ids,
      };
    };
    const all = await page("");
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.ids.slice(0, 5)).toEqual(userIds);
    expect(await page("startIndex=2&count=2")).toEqual({
      status: 200,
      total: all.total,
      perPage: 2,
      start: 2,
      ids: userIds.slice(1, 3),
    });
    expect((await page("startIndex=0&count=1")).ids).toEqual([userIds[0]]);
    expect(await page("count=0")).toEqual({ status: 200, total: all.total, perPage: 0, start: 1, ids: [] });
    expect((await page("count=-3")).perPage).toBe(0);
    expect((await page(`startIndex=${Number(all.total) + 1}`)).ids).toEqual([]);
    expect((await page("count=lots")).status).toBe(400);
    expect(await page(`${filterQuery(`name.givenName eq "U1"`)}`)).toMatchObject({ status: 400 });
  });

  it("returns only the attributes asked for, or all but the excluded ones", async () => {
    const only = await scim.get(`/Users/${userIds[0]}?attributes=userName,name.givenName`);
    expect(only.body).toEqual({
      schemas: [SCHEMA.user],
      id: userIds[0],
      userName: `u1@${w.domain}`,
      name: { givenName: "U1" },
    });
    const urn = await scim.get(`/Users?attributes=${encodeURIComponent(`${SCHEMA.user}:userName`)}&count=1`);
    expect((urn.body.Resources as object[])[0]).toEqual({
      schemas: [SCHEMA.user],
      id: userIds[0],
      userName: `u1@${w.domain}`,
    });
    const without = await scim.get(`/Users/${userIds[0]}?excludedAttributes=emails,name.familyName,meta,id`);
    expect(without.body).not.toHaveProperty("emails");
    expect(without.body).not.toHaveProperty("meta");
    expect(without.body).toMatchObject({ id: userIds[0], name: { givenName: "U1" } });
    expect(without.body.name).not.toHaveProperty("familyName");
  });

  it("keeps group names unique case-insensitively and refuses unknown members without changing anything", async () => {
    const group = await scim.post("/Groups", { schemas: [SCHEMA.group], displayName: "Reliability" });
    expect(group.status).toBe(201);
    const twin = await scim.post("/Groups", { schemas: [SCHEMA.group], displayName: "RELIABILITY" });
    expect(twin.body).toEqual(scimError(409, "uniqueness"));
    const unknown = await scim.patch(`/Groups/${group.body.id}`, {
      schemas: [SCHEMA.patchOp],
      Operations: [
        {
          op: "add",
          path: "members",
          value: [{ value: userIds[0] }, { value: "00000000-0000-4000-8000-000000000000" }],
        },
      ],
    });
    expect(unknown.body).toEqual(scimError(400, "invalidValue"));
    expect((await scim.get(`/Groups/${group.body.id}`)).body.members).toEqual([]);
    const nested = await scim.post("/Groups", {
      displayName: "Nested",
      members: [{ value: group.body.id, type: "Group" }],
    });
    expect(nested.status).toBe(400);
  });

  it("describes itself: service provider config, schemas, resource types", async () => {
    const config = await scim.get("/ServiceProviderConfig");
    expect(config.body).toMatchObject({
      schemas: [SCHEMA.serviceProviderConfig],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [{ type: "oauthbearertoken", primary: true }],
    });
    const schemas = await scim.get("/Schemas");
    expect((schemas.body.Resources as Array<{ id: string }>).map((s) => s.id)).toEqual([
      SCHEMA.user,
      SCHEMA.enterpriseUser,
      SCHEMA.group,
    ]);
    const user = await scim.get(`/Schemas/${SCHEMA.user}`);
    expect((user.body.attributes as Array<{ name: string }>)[0]).toMatchObject({
      name: "userName",
      required: true,
      uniqueness: "server",
      caseExact: false,
    });
    const types = await scim.get("/ResourceTypes");
    expect(types.body).toMatchObject({
      totalResults: 2,
      Resources: [{ id: "User", endpoint: "/Users" }, { id: "Group" }],
    });
    expect((await scim.get("/ResourceTypes/Group")).body).toMatchObject({ schema: SCHEMA.group });
    expect((await scim.get("/ResourceTypes/Nope")).body).toEqual(scimError(404));
    expect((await scim.get("/Schemas/urn:nope")).status).toBe(404);
    const bulk = await scim.post("/Bulk", { Operations: [] });
    expect(bulk.status).toBe(404);
    expect(bulk.body).toEqual(scimError(404));
  });

  it("rate-limits per token like the API, with Retry-After", async () => {
    const token = await createScimToken(w.org.id, "busy");
    await pool.query(
      "INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 100000, now() + interval '30 seconds')",
      [`api:token:${token.id}`],
    );
    const res = await scimRequest(w.org.slug, token.secret, { method: "GET", path: "/Users" });
    expect(res.status).toBe(429);
    expect(res.body).toEqual(scimError(429));
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other tokens of the org are not held back.
    expect((await scim.get("/Users?count=1")).status).toBe(200);
  });
});
