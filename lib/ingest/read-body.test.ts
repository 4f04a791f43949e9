import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { MAX_REPORT_BYTES, readReportBody } from "./read-body";

const request = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://bumpers.test/upload", { method: "POST", body, headers });

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
}

describe("readReportBody", () => {
  it("defaults to a 50 MB cap", () => {
    expect(MAX_REPORT_BYTES).toBe(50 * 1024 * 1024);
  });

  it("answers 400, not a database outage, when the client goes away mid-body", async () => {
    const reset = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"partial":'));
        controller.error(reset);
      },
    });
    const req = new Request("http://bumpers.test/upload", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await statusOf(readReportBody(req))).toBe(400);
  });

  it("returns the bytes as sent", async () => {
    const body = await readReportBody(request('{"a":1}'));
    expect(body.toString()).toBe('{"a":1}');
  });

  it("gunzips on Content-Encoding and on the magic bytes alone", async () => {
    const gz = gzipSync('{"a":1}');
    expect((await readReportBody(request(gz, { "content-encoding": "gzip" }))).toString()).toBe('{"a":1}');
    expect((await readReportBody(request(gz))).toString()).toBe('{"a":1}');
  });

  it("answers 413 over the cap, counting the bytes actually read", async () => {
    expect(await statusOf(readReportBody(request("x".repeat(1025)), 1024))).toBe(413);
    expect(await statusOf(readReportBody(request("x".repeat(1024)), 1024))).toBe(200);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Endless: the reader must stop at the cap rather than wait for the end.
        controller.enqueue(new Uint8Array(4096));
      },
    });
    const streamed = new Request("http://bumpers.test/upload", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await statusOf(readReportBody(streamed, 64 * 1024))).toBe(413);
  });

  it("refuses a gzip bomb without inflating it", async () => {
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await statusOf(readReportBody(request(bomb, { "content-encoding": "gzip" }), 1024 * 1024))).toBe(413);
    expect(await statusOf(readReportBody(request(bomb), 1024 * 1024))).toBe(413);
  });

  it("answers 400 for a body that claims gzip but is not", async () => {
    expect(await statusOf(readReportBody(request("{}", { "content-encoding": "gzip" })))).toBe(400);
  });
});
