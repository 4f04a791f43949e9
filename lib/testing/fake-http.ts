import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

// What the notification fakes (Slack, Teams, webhook receiver) share: a real HTTP server on a
// free port that reads each request whole, a queue of failures to answer next, and a small HTML
// page for people to look at what arrived.

export type TFakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
};

export type TFakeServer = { url: string; port: number; close: () => Promise<void> };

/** What each HTTP fake offers besides its own readers: where it listens, scripted failures, a reset. */
export type TFakeService<TMode extends string> = TFakeServer & {
  failNext: (mode: TMode, count?: number) => void;
  reset: () => void;
};

/** Bodies over this are refused with 413, as every real service does somewhere. */
const MAX_BODY_BYTES = 1024 * 1024;

export function sendText(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers = {}) {
  sendText(res, status, JSON.stringify(body), { "content-type": "application/json; charset=utf-8", ...headers });
}

export function startFakeHttp(
  handle: (req: TFakeRequest, res: http.ServerResponse) => void,
  options: { port?: number; host?: string } = {},
): Promise<TFakeServer> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) return sendText(res, 413, "Request Entity Too Large");
      handle(
        {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        },
        res,
      );
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Failures to answer the next requests with, in order. */
export class FailQueue<TMode extends string> {
  private queue: TMode[] = [];
  push(mode: TMode, count = 1) {
    for (let i = 0; i < count; i++) this.queue.push(mode);
  }
  next(): TMode | undefined {
    return this.queue.shift();
  }
  clear() {
    this.queue.length = 0;
  }
  get size() {
    return this.queue.length;
  }
}

/**
 * The controls every fake answers, so e2e tests and a person with curl can drive it:
 * `POST /_fake/fail` ({"mode": …, "count": N}: fail the next requests), `POST /_fake/reset`
 * (forget what arrived) and `GET /` (the page of what arrived). True when the request was one.
 */
export function handleFakeControls<TMode extends string>(
  req: TFakeRequest,
  res: http.ServerResponse,
  fake: { failures: FailQueue<TMode>; modes: readonly TMode[]; reset: () => void; page: () => string },
): boolean {
  if (req.method === "GET" && req.path === "/") {
    sendHtml(res, fake.page());
    return true;
  }
  if (req.method === "POST" && req.path === "/_fake/reset") {
    fake.reset();
    fake.failures.clear();
    sendJson(res, 200, { reset: true });
    return true;
  }
  if (req.method !== "POST" || req.path !== "/_fake/fail") return false;
  try {
    const { mode, count } = JSON.parse(req.body || "{}") as { mode?: TMode; count?: number };
    if (!mode || !fake.modes.includes(mode)) throw new Error("mode");
    fake.failures.push(mode, count ?? 1);
    sendJson(res, 200, { queued: fake.failures.size });
  } catch {
    sendJson(res, 400, { message: `Body: {"mode": ${fake.modes.map((m) => `"${m}"`).join(" | ")}, "count": N}` });
  }
  return true;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A whole page; `body` is HTML the caller escaped. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.item{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
.meta{color:#59636e;font-size:12px}.replies{margin-left:1.5rem;border-left:3px solid #d0d7de;padding-left:.8rem}
pre{white-space:pre-wrap;margin:.3rem 0;font:13px/1.4 ui-monospace,monospace}.bad{color:#cf222e}
</style></head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function sendHtml(res: http.ServerResponse, html: string) {
  sendText(res, 200, html, { "content-type": "text/html; charset=utf-8" });
}

/**
 * startFakeHttp with the controls every fake answers (handleFakeControls) in front of `handle`,
 * resolving to the common surface: where it listens, failNext, a reset that also drops queued
 * failures, and close.
 */
export async function startFakeService<TMode extends string>(
  fake: { failures: FailQueue<TMode>; modes: readonly TMode[]; reset: () => void; page: () => string },
  handle: (req: TFakeRequest, res: http.ServerResponse) => void,
  options: { port?: number; host?: string } = {},
): Promise<TFakeService<TMode>> {
  const server = await startFakeHttp((req, res) => {
    if (!handleFakeControls(req, res, fake)) handle(req, res);
  }, options);
  return {
    ...server,
    failNext: (mode, count = 1) => fake.failures.push(mode, count),
    reset: () => {
      fake.reset();
      fake.failures.clear();
    },
  };
}
