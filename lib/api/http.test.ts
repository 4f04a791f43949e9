import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { decodeCursor, encodeCursor, json, parseListParams, readJson, withApi, withErrors } from "./http";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";

afterEach(() => vi.restoreAllMocks());

describe("withErrors", () => {
  it("answers unexpected errors with a 500 that carries only the request id, which is logged", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = withErrors(async () => {
      throw new Error("connection reset at /srv/app/lib/secret.ts:12");
    });
    const res = await handler(new Request("http://x.test/api/v1/boom"));
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.json();
    expect(body).toEqual({ error: { code: "internal", message: expect.any(String), requestId } });
    expect(JSON.stringify(body)).not.toContain("secret.ts");
    expect(log).toHaveBeenCalledWith(expect.stringContaining(requestId!), expect.any(Error));
  });

  it("maps AppErrors and Zod errors to their status with details, and keeps a proxy's request id", async () => {
    const appErr = withErrors(async () => {
      throw new AppError("conflict", "Taken.", { field: "slug" });
    });
    const res = await appErr(new Request("http://x.test/", { headers: { "x-request-id": "req-from-proxy-1" } }));
    expect(res.status).toBe(409);
    expect(res.headers.get("x-request-id")).toBe("req-from-proxy-1");
    expect(await res.json()).toEqual({ error: { code: "conflict", message: "Taken.", details: { field: "slug" } } });

    const zodErr = withErrors(async (req) => json(await readJson(req, z.object({ name: z.string().min(2) }))));
    const bad = await zodErr(new Request("http://x.test/", { method: "POST", body: '{"name":"a"}' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "bad_request", details: [{ path: "name" }] });
    const notJson = await zodErr(new Request("http://x.test/", { method: "POST", body: "{name" }));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/not valid JSON/);
  });
});

describe("list parameters and cursors", () => {
  it("defaults and bounds the limit", () => {
    expect(parseListParams(new URL("http://x.test/"))).toEqual({ limit: 50 });
    expect(parseListParams(new URL("http://x.test/?limit=500&cursor=abc"))).toEqual({ limit: 500, cursor: "abc" });
    for (const limit of ["0", "501", "ten", "1.5"]) {
      expect(() => parseListParams(new URL(`http://x.test/?limit=${limit}`))).toThrow(z.ZodError);
    }
  });

  it("round-trips cursors and refuses forged ones as bad requests", () => {
    const schema = z.object({ s: z.string() });
    expect(decodeCursor(encodeCursor({ s: "prod" }), schema)).toEqual({ s: "prod" });
    expect(() => decodeCursor("not-a-cursor", schema)).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor({ s: 1 }), schema)).toThrow(/cursor is not valid/);
  });
});

describe("withApi authentication", () => {
  const echo = withApi(async ({ org, actor, principal }) => json({ org: org.slug, actor, type: principal.type }), {
    permission: "org:read",
  });
  const write = withApi(async () => json({ done: true }), { permission: "org:clusters:manage" });

  it("takes the tenant from the token and refuses a token naming another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const { secret, token } = await createOrgToken(
      a.org.id,
      { userId: a.users.admin.id, label: "x" },
      {
        name: "CI",
        kind: "org_read",
      },
    );
    signInAs(b.users.owner);
    const headers = { authorization: `Bearer ${secret}` };
    const res = await echo(new Request("http://x.test/api/v1/echo", { headers }));
    expect(await res.json()).toEqual({ org: a.org.slug, actor: { tokenId: token.id, label: "CI" }, type: "token" });
    const other = await echo(new Request(`http://x.test/api/v1/echo?org=${b.org.slug}`, { headers }));
    expect(other.status).toBe(403);
    const writeWithRead = await write(new Request("http://x.test/api/v1/echo", { method: "POST", headers }));
    expect(writeWithRead.status).toBe(403);
    const malformed = await echo(new Request("http://x.test/api/v1/echo", { headers: { authorization: "Basic abc" } }));
    expect(malformed.status).toBe(401);
  });

  it("needs ?org= with a session, and refuses cross-site cookie writes", async () => {
    const a = await createTestTenant();
    signInAs(a.users.admin);
    expect((await echo(new Request("http://x.test/api/v1/echo"))).status).toBe(400);
    const ok = await echo(new Request(`http://x.test/api/v1/echo?org=${a.org.slug}`));
    expect(await ok.json()).toMatchObject({ org: a.org.slug, type: "session", actor: { userId: a.users.admin.id } });
    const url = `http://x.test/api/v1/echo?org=${a.org.slug}`;
    const crossSite = await write(
      new Request(url, { method: "POST", headers: { origin: "https://evil.example", host: "x.test" } }),
    );
    expect(crossSite.status).toBe(403);
    const sameSite = await write(
      new Request(url, { method: "POST", headers: { origin: "http://x.test", host: "x.test" } }),
    );
    expect(sameSite.status).toBe(200);
  });
});
