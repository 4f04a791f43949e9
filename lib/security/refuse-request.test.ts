import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { refuseRequest } from "./refuse-request";

// Issue 16: pages with a NUL in their address, and cross-site or malformed server-action calls,
// answered 500. The proxy answers them 4xx before any page or Next's action handling runs.

const ORIGIN = "http://bumpers.test";

function action(body: BodyInit, headers: Record<string, string> = {}) {
  const bytes = typeof body === "string" ? Buffer.byteLength(body) : undefined;
  return new Request(`${ORIGIN}/o/acme/findings`, {
    method: "POST",
    headers: {
      host: "bumpers.test",
      origin: ORIGIN,
      "next-action": "7f0c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
      "content-type": "text/plain;charset=UTF-8",
      ...(bytes === undefined ? {} : { "content-length": String(bytes) }),
      ...headers,
    },
    body,
  });
}

describe("requests the proxy refuses", () => {
  it("answers 400 to a page address with a NUL in its path or query, or a malformed escape", async () => {
    for (const path of [
      "/o/acme/findings?team=shop%00",
      "/o/ac%00me/findings",
      "/o/acme/findings?%00=1",
      "/o/%E0%A4%A",
    ]) {
      expect(await refuseRequest(new Request(ORIGIN + path)), path).toMatchObject({ status: 400 });
    }
    expect(await refuseRequest(new Request(`${ORIGIN}/o/acme/findings?team=shop&q=%E2%9C%93`))).toBeNull();
  });

  it("answers 403 to a server action from another site and 400 to one whose body cannot be decoded", async () => {
    expect(await refuseRequest(action('["$K1"]', { origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    expect(await refuseRequest(action('["$K1"]', { origin: "null" }))).toMatchObject({ status: 403 });
    expect(await refuseRequest(action("{not json"))).toMatchObject({ status: 400 });
    expect(await refuseRequest(action("x", { "content-type": "application/xml" }))).toMatchObject({ status: 400 });
    const brokenMultipart = action("--b\r\nnonsense", { "content-type": "multipart/form-data; boundary=b" });
    expect(await refuseRequest(brokenMultipart)).toMatchObject({ status: 400 });
  });

  it("lets through well-formed actions, same-site or behind a proxy, and ordinary form posts", async () => {
    expect(await refuseRequest(action('[{"id":"abc"},"$undefined"]'))).toBeNull();
    expect(await refuseRequest(action("[]", { host: "internal:3000", "x-forwarded-host": "bumpers.test" }))).toBeNull();
    const form = new FormData();
    form.append("1_id", "abc");
    const encoded = new Response(form);
    const multipart = action(await encoded.arrayBuffer().then((b) => new Uint8Array(b)), {
      "content-type": encoded.headers.get("content-type")!,
      "content-length": "100",
    });
    expect(await refuseRequest(multipart)).toBeNull();
    // Without Next-Action it is not an action call: pages and Next handle it as before.
    expect(await refuseRequest(new Request(`${ORIGIN}/login`, { method: "POST", body: "{" }))).toBeNull();
  });

  it("is what the proxy answers, with the security headers", async () => {
    const res = await proxy(new NextRequest(`${ORIGIN}/o/acme/findings?check=a%00b`));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/NUL/);
    expect(res.headers.get("content-security-policy")).toBeTruthy();
  });
});
