import { randomBytes } from "node:crypto";
import type http from "node:http";
import { Webhook } from "standardwebhooks";
import {
  escapeHtml,
  FailQueue,
  htmlPage,
  sendJson,
  type TFakeRequest,
  startFakeService,
  type TFakeService,
} from "./fake-http";

// A webhook receiver that does what we tell customers to do: verify the Standard Webhooks
// signature with the endpoint's secret (401 otherwise), and process each webhook-id once (a
// retry of a delivery already taken is answered 200 and not kept again).
//
//   POST /<any path>          a delivery
//   GET  /_fake/deliveries    deliveries, oldest first (verified or not; duplicates counted)
//   POST /_fake/fail          {"mode":"429"|"500"|"410"|"hang","count":N}
//   POST /_fake/reset         forget every delivery
//   GET  /                    a readable page of the deliveries

export type TFakeReceiverMode = "429" | "500" | "410" | "hang";
const MODES: readonly TFakeReceiverMode[] = ["429", "500", "410", "hang"];

export type TFakeDelivery = {
  id: string | null;
  type: string | null;
  path: string;
  verified: boolean;
  /** Why verification failed, when it did. */
  error: string | null;
  receivedAt: string;
  /** Attempts with this webhook-id after the first one. */
  duplicates: number;
  payload: unknown;
};

export type TFakeWebhookReceiver = TFakeService<TFakeReceiverMode> & {
  /** The signing secret the receiver verifies with (whsec_…). */
  secret: string;
  /** A URL to configure as a destination. */
  hookUrl: string;
  deliveries: (filter?: { verified?: boolean }) => TFakeDelivery[];
};

export function startFakeWebhookReceiver(
  options: { port?: number; host?: string; secret?: string } = {},
): Promise<TFakeWebhookReceiver> {
  const secret = options.secret ?? `whsec_${randomBytes(24).toString("base64")}`;
  const verifier = new Webhook(secret);
  let deliveries: TFakeDelivery[] = [];
  const failures = new FailQueue<TFakeReceiverMode>();
  const reset = () => {
    deliveries = [];
  };

  function receive(req: TFakeRequest, res: http.ServerResponse) {
    const mode = failures.next();
    if (mode === "hang") return;
    if (mode === "429") return sendJson(res, 429, { error: "Too many requests" }, { "retry-after": "1" });
    if (mode === "500") return sendJson(res, 500, { error: "Internal error" });
    if (mode === "410") return sendJson(res, 410, { error: "This endpoint was removed" });
    const headers = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [h, String(req.headers[h] ?? "")]),
    );
    const id = headers["webhook-id"] || null;
    let payload: unknown = null;
    let error: string | null = null;
    try {
      payload = verifier.verify(req.body, headers);
    } catch (err) {
      error = (err as Error).message;
    }
    const known = id && !error ? deliveries.find((d) => d.verified && d.id === id) : undefined;
    if (known) {
      known.duplicates++;
      return sendJson(res, 200, { received: true, duplicate: true });
    }
    const type = payload && typeof payload === "object" ? String((payload as { type?: unknown }).type ?? "") : null;
    deliveries.push({
      id,
      type,
      path: req.path,
      verified: !error,
      error,
      receivedAt: new Date().toISOString(),
      duplicates: 0,
      payload: payload ?? req.body.slice(0, 2000),
    });
    if (error) return sendJson(res, 401, { error: `Invalid signature: ${error}` });
    sendJson(res, 200, { received: true });
  }

  function page(): string {
    const items = deliveries.map(
      (d) =>
        `<div class="item"><div class="meta">${escapeHtml(d.receivedAt)} · ${escapeHtml(d.path)} · ${escapeHtml(d.id ?? "no webhook-id")}${d.duplicates ? ` · ${d.duplicates} duplicate(s)` : ""}</div>` +
        `<div class="${d.verified ? "" : "bad"}">${d.verified ? "signature verified" : `rejected: ${escapeHtml(d.error ?? "")}`} · <strong>${escapeHtml(d.type ?? "")}</strong></div>` +
        `<pre>${escapeHtml(JSON.stringify(d.payload, null, 2))}</pre></div>`,
    );
    return htmlPage("Fake webhook receiver", items.join("") || '<p class="meta">No deliveries.</p>');
  }

  return startFakeService(
    { failures, modes: MODES, reset, page },
    (req, res) => {
      if (req.method === "GET" && req.path === "/_fake/deliveries") return sendJson(res, 200, { deliveries });
      if (req.method === "POST") return receive(req, res);
      sendJson(res, 404, { error: "Not found. POST a delivery to any path." });
    },
    options,
  ).then((server) => ({
    ...server,
    secret,
    hookUrl: `${server.url}/hooks/bumpers`,
    deliveries: (filter = {}) =>
      deliveries.filter((d) => filter.verified === undefined || d.verified === filter.verified),
  }));
}
