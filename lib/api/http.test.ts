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

  describe("cookie-authenticated writes need an Origin of this site or Sec-Fetch-Site: same-origin", () => {
    const writeAs = async (method: string, headers: Record<string, string>) => {
      const a = await createTestTenant();
      signInAs(a.users.admin);
      return write(new Request(`http://x.test/api/v1/echo?org=${a.org.slug}`, { method, headers }));
    };

    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      it(`refuses a ${method} with neither (403 cross_site_request)`, async () => {
        const res = await writeAs(method, { host: "x.test" });
        expect(res.status).toBe(403);
        expect((await res.json()).error).toMatchObject({ code: "cross_site_request" });
      });
    }

    it("accepts Sec-Fetch-Site: same-origin without an Origin, and refuses other Sec-Fetch-Site values", async () => {
      expect((await writeAs("POST", { host: "x.test", "sec-fetch-site": "same-origin" })).status).toBe(200);
      for (const site of ["same-site", "cross-site", "none"]) {
        expect((await writeAs("POST", { host: "x.test", "sec-fetch-site": site })).status).toBe(403);
      }
    });

    it("refuses an Origin of another site, a null Origin and a malformed one, whatever Sec-Fetch-Site says", async () => {
      for (const origin of ["https://evil.example", "null", "not a url", "http://x.test.evil.example"]) {
        const res = await writeAs("POST", { host: "x.test", origin, "sec-fetch-site": "same-origin" });
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe("cross_site_request");
      }
    });

    it("accepts the Origin of the host the proxy forwarded", async () => {
      const res = await writeAs("POST", {
        host: "app:3000",
        "x-forwarded-host": "bumpers.example.com",
        origin: "https://bumpers.example.com",
      });
      expect(res.status).toBe(200);
    });

    it("leaves reads and token-authenticated writes alone", async () => {
      const a = await createTestTenant();
      signInAs(a.users.admin);
      expect((await echo(new Request(`http://x.test/api/v1/echo?org=${a.org.slug}`))).status).toBe(200);
      const { secret } = await createOrgToken(
        a.org.id,
        { userId: a.users.admin.id, label: "x" },
        { name: "fleet", kind: "org_admin" },
      );
      signInAs(null);
      const res = await write(
        new Request("http://x.test/api/v1/echo", { method: "POST", headers: { authorization: `Bearer ${secret}` } }),
      );
      expect(res.status).toBe(200);
    });
  });
});

describe("readJson", () => {
  const schema = z.object({ a: z.number() });
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://x.test/api/v1/echo", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const statusOf = async (req: Request) => {
    const res = await withErrors(async (r) => json(await readJson(r, schema)))(req);
    return { status: res.status, body: (await res.json()) as { a?: number; error?: { code: string } } };
  };

  it("parses a body up to 1 MB", async () => {
    const padded = `{"a":1${" ".repeat(1_000_000 - 7)}}`;
    expect(Buffer.byteLength(padded)).toBe(1_000_000);
    expect(await statusOf(post(padded))).toEqual({ status: 200, body: { a: 1 } });
    expect((await statusOf(post(`${padded} `))).status).toBe(413);
  });

  it("answers 413 at once for a declared Content-Length over 1 MB, without reading the body", async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const res = await statusOf(post(stream, { "content-length": String(100 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe("payload_too_large");
    // A ReadableStream pulls once on its own to fill its queue; nothing past that was read.
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("stops reading a chunked body that would yield 100 MB soon after the 1 MB cap", async () => {
    const chunk = 64 * 1024;
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls * chunk > 100 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(chunk).fill(0x20));
      },
    });
    const res = await statusOf(post(stream));
    expect(res.status).toBe(413);
    // 1 MB is 16 chunks; a couple more may be queued ahead, never the 1,600 of the whole stream.
    expect(pulls).toBeGreaterThan(15);
    expect(pulls).toBeLessThan(20);
  });

  it("caps the bytes, not the characters, of a body", async () => {
    // 400,000 three-byte characters: 1.2 MB, though only 400,000 characters long.
    const res = await statusOf(post(`{"a":1,"s":"${"€".repeat(400_000)}"}`));
    expect(res.status).toBe(413);
  });
});
