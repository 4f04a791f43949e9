import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedFetch } from "./guarded-fetch";
import type { TResolver } from "./lookup";
import { postJson } from "./request";

// A local server stands in for every destination; names resolve through an injected resolver, so
// a test can make "hooks.example.test" answer a private, a metadata or a loopback address.

type THandler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
let handler: THandler = (_req, res) => res.end("ok");
const received: string[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push(`${req.method} ${req.url}`);
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const answers =
  (...addresses: string[]): TResolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const local = () => `http://127.0.0.1:${port}`;

describe("postJson", () => {
  it("posts JSON to loopback over http when private destinations are allowed", async () => {
    handler = (req, res, body) => {
      res.writeHead(202, { "content-type": "application/json", "x-echo": String(req.headers["x-echo"]) });
      res.end(JSON.stringify({ got: JSON.parse(body), type: req.headers["content-type"] }));
    };
    const result = await postJson(`${local()}/hook`, { a: 1 }, { allowPrivate: true, headers: { "x-echo": "yes" } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(202);
    expect(result.response.headers.get("x-echo")).toBe("yes");
    expect(JSON.parse(result.response.bodyText)).toEqual({ got: { a: 1 }, type: "application/json" });
  });

  it("refuses loopback, and http, when private destinations are not allowed, without sending anything", async () => {
    const before = received.length;
    const result = await postJson(`${local()}/hook`, {}, { allowPrivate: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("refused");
    expect(received.length).toBe(before);
  });

  it.each([
    ["a private address", ["10.0.0.7"], false, "private network"],
    ["a CGNAT address", ["100.64.1.1"], false, "carrier-grade NAT"],
    ["the metadata address", ["169.254.169.254"], true, "link-local"],
    ["the IPv6 metadata address", ["fd00:ec2::254"], true, "metadata"],
    ["an IPv4-mapped private address", ["::ffff:192.168.1.1"], false, "private network"],
    ["a public and a private address", ["8.8.8.8", "10.0.0.7"], false, "private network"],
  ])("refuses a name that resolves to %s at connect time", async (_what, addresses, allowPrivate, message) => {
    const result = await postJson("https://hooks.example.test/x", {}, { allowPrivate, resolve: answers(...addresses) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("refused");
    expect(result.error.message).toContain("hooks.example.test resolves to");
    expect(result.error.message).toContain(message);
  });

  it("connects to the address the guard checked (the name is resolved once, by the guard)", async () => {
    handler = (_req, res) => res.end("reached");
    const result = await postJson(
      `http://receiver.localhost:${port}/x`,
      {},
      {
        allowPrivate: true,
        resolve: answers("127.0.0.1"),
      },
    );
    expect(result.ok && result.response.bodyText).toBe("reached");
    // Plain http to a name that answers anything but loopback is refused even with the setting.
    const outside = await postJson(
      `http://receiver.localhost:${port}/x`,
      {},
      {
        allowPrivate: true,
        resolve: answers("10.0.0.7"),
      },
    );
    expect(!outside.ok && outside.error.message).toContain("plain http");
  });

  it("does not follow a redirect, and says so", async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    };
    const before = received.length;
    const result = await postJson(`${local()}/moved`, {}, { allowPrivate: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("redirect");
    expect(result.error.status).toBe(302);
    expect(result.error.message).toContain("redirects are not followed");
    expect(received.length).toBe(before + 1);
  });

  it("stops reading an answer past the size cap, declared or streamed", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 64; i++) res.write("x".repeat(1024));
      res.end();
    };
    const streamed = await postJson(`${local()}/big`, {}, { allowPrivate: true, maxResponseBytes: 4096 });
    expect(!streamed.ok && streamed.error.kind).toBe("too_large");
    expect(!streamed.ok && streamed.error.status).toBe(200);

    handler = (_req, res) => {
      res.writeHead(200, { "content-length": String(10 * 1024 * 1024) });
      res.write("x");
    };
    const declared = await postJson(`${local()}/big`, {}, { allowPrivate: true, maxResponseBytes: 4096 });
    expect(!declared.ok && declared.error.kind).toBe("too_large");
  });

  it("gives up on a destination that does not answer in time", async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const result = await postJson(`${local()}/slow`, {}, { allowPrivate: true, timeoutMs: 300 });
    expect(!result.ok && result.error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("gives up on an answer that stalls mid-body", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
    };
    const result = await postJson(`${local()}/stall`, {}, { allowPrivate: true, timeoutMs: 300 });
    expect(!result.ok && result.error.kind).toBe("timeout");
  });

  it("reports a refused connection as a network error naming the host", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await postJson(`http://127.0.0.1:${closedPort}/x`, {}, { allowPrivate: true });
    expect(!result.ok && result.error.kind).toBe("network");
    expect(!result.ok && result.error.message).toContain(`127.0.0.1:${closedPort} refused the connection`);
  });
});

describe("guardedFetch", () => {
  it("answers like fetch, and fails like fetch with the guard's error as the cause", async () => {
    handler = (_req, res) => {
      res.writeHead(429, { "retry-after": "3", "content-type": "application/json" });
      res.end('{"ok":false,"error":"ratelimited"}');
    };
    const fetchGuarded = guardedFetch({ allowPrivate: true });
    const res = await fetchGuarded(`${local()}/api/chat.postMessage`, { method: "POST", body: "a=1" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ ok: false, error: "ratelimited" });

    const refused = await guardedFetch({ allowPrivate: false })(`${local()}/x`).catch((err: TypeError) => err);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError & { cause: { kind: string } }).cause.kind).toBe("refused");
  });
});
