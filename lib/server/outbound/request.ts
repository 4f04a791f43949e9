import "server-only";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { readCapped } from "../read-capped";
import { allowPrivateDestinations, parseDestination } from "./destination";
import { guardedLookup, type TResolver } from "./lookup";
import { OutboundError } from "./outbound-error";

// Every request to a destination an admin configured goes through here: the URL is checked, the
// host resolved and checked once by the agent's lookup (so the socket connects to a checked
// address), the connection and the whole exchange are timed, the answer is read up to a cap and
// a 3xx is an error, never followed (a redirect to http://169.254.169.254/ would pass every
// check made on the first URL).

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const USER_AGENT = "Bumpers-Notifications/1.0";

export type TOutboundResponse = { status: number; headers: Headers; bodyText: string };
export type TOutboundResult = { ok: true; response: TOutboundResponse } | { ok: false; error: OutboundError };

export type TOutboundOptions = {
  headers?: Record<string, string>;
  /** The whole exchange: connect, send, answer. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxResponseBytes?: number;
  /** Overrides BUMPERS_ALLOW_PRIVATE_DESTINATIONS (tests). */
  allowPrivate?: boolean;
  /** Overrides the system resolver (tests: a name that answers a private address). */
  resolve?: TResolver;
};

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/** A socket or DNS error as a sentence that names the host (never the URL: its path may be a secret). */
function networkError(err: NodeJS.ErrnoException, host: string): OutboundError {
  if (err instanceof OutboundError) return err;
  const code = err.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new OutboundError("network", `Could not resolve ${host}.`);
  if (code === "ECONNREFUSED") return new OutboundError("network", `${host} refused the connection.`);
  if (code === "ECONNRESET") return new OutboundError("network", `${host} closed the connection.`);
  if (TLS_CODE.test(code)) return new OutboundError("network", `TLS with ${host} failed (${code}).`);
  return new OutboundError("network", `Could not reach ${host} (${code || err.message}).`);
}

function exchange(
  url: URL,
  agent: http.Agent,
  method: string,
  body: string | undefined,
  options: TOutboundOptions,
): Promise<TOutboundResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connectTimeoutMs = Math.min(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, timeoutMs);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const client = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = { "user-agent": USER_AGENT, ...options.headers };
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));

  return new Promise<TOutboundResponse>((resolve, reject) => {
    const req = client.request(url, { method, agent, headers });
    // Set when a timer ends the exchange, so that the broken stream it leaves reads as a timeout.
    let expired: OutboundError | null = null;
    const expire = (message: string) => {
      expired = new OutboundError("timeout", message);
      req.destroy(expired);
    };
    const total = setTimeout(() => expire(`No complete answer from ${url.host} within ${timeoutMs} ms.`), timeoutMs);
    req.once("socket", (socket) => {
      const connect = setTimeout(
        () => expire(`No connection to ${url.host} within ${connectTimeoutMs} ms.`),
        connectTimeoutMs,
      );
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connect));
      socket.once("close", () => clearTimeout(connect));
    });
    req.once("close", () => clearTimeout(total));
    req.once("error", (err) => reject(expired ?? networkError(err, url.host)));
    req.once("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.destroy();
        reject(
          new OutboundError(
            "redirect",
            `${url.host} answered ${status} (a redirect); redirects are not followed: enter the final URL.`,
            status,
          ),
        );
        return;
      }
      const responseHeaders = toHeaders(res.headers);
      const stream = Readable.toWeb(res) as unknown as ReadableStream<Uint8Array<ArrayBuffer>>;
      readCapped({ headers: responseHeaders, body: stream }, maxBytes, {
        tooLarge: () =>
          new OutboundError("too_large", `${url.host} answered more than ${maxBytes} bytes; not read.`, status),
        cutOff: (cause) => expired ?? networkError(cause, url.host),
      }).then(
        (bytes) => resolve({ status, headers: responseHeaders, bodyText: bytes.toString("utf8") }),
        (err: Error) => {
          res.destroy();
          reject(err);
        },
      );
    });
    req.end(body);
  });
}

/** One request to a guarded destination; a typed error instead of a throw. */
export async function sendGuarded(
  rawUrl: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  body: string | undefined,
  options: TOutboundOptions = {},
): Promise<TOutboundResult> {
  const parsed = parseDestination(rawUrl, allowPrivateDestinations(options.allowPrivate));
  if (!parsed.ok) return { ok: false, error: new OutboundError("refused", parsed.reason) };
  const { url, policy } = parsed.destination;
  const Agent = url.protocol === "https:" ? https.Agent : http.Agent;
  const agent = new Agent({ lookup: guardedLookup(policy, options.resolve), keepAlive: false });
  try {
    return { ok: true, response: await exchange(url, agent, method, body, options) };
  } catch (err) {
    return { ok: false, error: networkError(err as NodeJS.ErrnoException, url.host) };
  } finally {
    agent.destroy();
  }
}

/** POST a JSON body to a guarded destination. */
export function postJson(url: string, body: unknown, options: TOutboundOptions = {}): Promise<TOutboundResult> {
  const headers = { "content-type": "application/json", accept: "application/json", ...options.headers };
  return sendGuarded(url, "POST", JSON.stringify(body), { ...options, headers });
}
