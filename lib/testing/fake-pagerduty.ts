import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A PagerDuty Events API v2 double: a real HTTP server answering POST /v2/enqueue the way
// PagerDuty does (202 {status, message, dedup_key}; 400 {status, message, errors}; 429 when told
// to), keeping incidents by routing key and dedup key. Used by tests, the benchmark, e2e and the
// local demo (`npm start` runs it when PAGERDUTY_EVENTS_URL is unset).
//
//   POST /v2/enqueue            the Events API
//   GET  /v2/incidents          incidents (?routing_key=&status=triggered|acknowledged|resolved)
//   GET  /v2/events             every event received, oldest first (routing keys shown masked)
//   POST /v2/fail               {"mode":"429"|"500"|"hang","count":N}: answer the next N like that
//   POST /v2/reset              forget everything

export type TFakeMode = "429" | "500" | "hang";

export type TFakeIncident = {
  id: string;
  routingKey: string;
  dedupKey: string;
  status: "triggered" | "acknowledged" | "resolved";
  summary: string;
  severity: string;
  source: string;
  /** Triggers received (the first one and its updates). */
  triggers: number;
  createdAt: string;
  updatedAt: string;
  lastPayload: Record<string, unknown>;
};

export type TFakeEvent = {
  at: string;
  routingKey: string;
  action: string;
  dedupKey: string | null;
  /** HTTP status answered. */
  answer: number;
  body: Record<string, unknown>;
};

export type TFakePagerDuty = {
  url: string;
  port: number;
  incidents: (filter?: { routingKey?: string; status?: TFakeIncident["status"] }) => TFakeIncident[];
  events: () => TFakeEvent[];
  failNext: (mode: TFakeMode, count?: number) => void;
  reset: () => void;
  /** Most events accepted for one routing key within any 60 s window. */
  maxPerMinute: (routingKey: string) => number;
  close: () => Promise<void>;
};

const SEVERITIES = ["critical", "error", "warning", "info"];
const ACTIONS = ["trigger", "acknowledge", "resolve"];
const MAX_BYTES = 512 * 1024;

/** PagerDuty's validation, as far as its documentation and answers show it. */
export function validateEvent(event: unknown): string[] {
  const errors: string[] = [];
  if (!event || typeof event !== "object" || Array.isArray(event)) return ["Event object is not a JSON object"];
  const e = event as Record<string, unknown>;
  if (typeof e.routing_key !== "string" || e.routing_key.length !== 32) {
    errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
  }
  if (typeof e.event_action !== "string" || !ACTIONS.includes(e.event_action)) {
    errors.push("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
  }
  if (e.dedup_key !== undefined && (typeof e.dedup_key !== "string" || e.dedup_key.length > 255)) {
    errors.push("'dedup_key' is invalid (must be a string of at most 255 characters)");
  }
  if (e.event_action !== "trigger") {
    if (e.event_action && (typeof e.dedup_key !== "string" || e.dedup_key === "")) {
      errors.push("'dedup_key' is missing or blank");
    }
    return errors;
  }
  const p = e.payload as Record<string, unknown> | undefined;
  if (!p || typeof p !== "object") return [...errors, "'payload' is missing or not an object"];
  if (typeof p.summary !== "string" || !p.summary.trim()) errors.push("'payload.summary' is missing or blank");
  else if (p.summary.length > 1024) errors.push("'payload.summary' is too long (maximum is 1024 characters)");
  if (typeof p.source !== "string" || !p.source.trim()) errors.push("'payload.source' is missing or blank");
  if (typeof p.severity !== "string" || !SEVERITIES.includes(p.severity)) {
    errors.push(
      "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
    );
  }
  if (p.timestamp !== undefined && (typeof p.timestamp !== "string" || Number.isNaN(Date.parse(p.timestamp)))) {
    errors.push("'payload.timestamp' is invalid (must be an ISO 8601 date)");
  }
  for (const field of ["component", "group", "class"]) {
    if (p[field] !== undefined && typeof p[field] !== "string") errors.push(`'payload.${field}' must be a string`);
  }
  if (p.custom_details !== undefined && (typeof p.custom_details !== "object" || p.custom_details === null)) {
    errors.push("'payload.custom_details' must be an object");
  }
  if (e.links !== undefined) {
    const ok = Array.isArray(e.links) && e.links.every((l) => l && typeof (l as { href?: unknown }).href === "string");
    if (!ok) errors.push("'links' must be a list of objects with an 'href'");
  }
  if (e.images !== undefined) {
    const ok = Array.isArray(e.images) && e.images.every((i) => i && typeof (i as { src?: unknown }).src === "string");
    if (!ok) errors.push("'images' must be a list of objects with a 'src'");
  }
  for (const field of ["client", "client_url"]) {
    if (e[field] !== undefined && typeof e[field] !== "string") errors.push(`'${field}' must be a string`);
  }
  return errors;
}

const mask = (key: string) => (key.length > 4 ? `••••${key.slice(-4)}` : key);

export function startFakePagerDuty(options: { port?: number; host?: string } = {}): Promise<TFakePagerDuty> {
  let incidents: TFakeIncident[] = [];
  let events: TFakeEvent[] = [];
  const failures: TFakeMode[] = [];
  const sockets = new Set<Socket>();

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  function enqueue(raw: string, res: http.ServerResponse) {
    const mode = failures.shift();
    if (mode === "hang") return; // never answers; the client's timeout decides
    if (mode === "429") {
      return send(res, 429, {
        status: "throttle event",
        message: "Requests for this service are arriving too quickly. Please retry later.",
      });
    }
    if (mode === "500") return send(res, 500, { status: "error", message: "Internal server error" });
    let event: Record<string, unknown> | undefined;
    let errors: string[];
    if (Buffer.byteLength(raw) > MAX_BYTES) errors = ["Event object is too large (maximum is 512 KB)"];
    else {
      try {
        event = JSON.parse(raw) as Record<string, unknown>;
        errors = validateEvent(event);
      } catch {
        errors = ["Event object is not valid JSON"];
      }
    }
    const now = new Date().toISOString();
    const routingKey = typeof event?.routing_key === "string" ? event.routing_key : "";
    const action = typeof event?.event_action === "string" ? event.event_action : "";
    if (errors.length) {
      events.push({
        at: now,
        routingKey,
        action,
        dedupKey: (event?.dedup_key as string) ?? null,
        answer: 400,
        body: { ...event, routing_key: mask(routingKey) },
      });
      return send(res, 400, { status: "invalid event", message: "Event object is invalid", errors });
    }
    const dedupKey = (event!.dedup_key as string | undefined) ?? randomBytes(16).toString("hex");
    events.push({
      at: now,
      routingKey,
      action,
      dedupKey,
      answer: 202,
      body: { ...event!, routing_key: mask(routingKey) },
    });
    const open = incidents.find(
      (i) => i.routingKey === routingKey && i.dedupKey === dedupKey && i.status !== "resolved",
    );
    const payload = (event!.payload ?? {}) as Record<string, unknown>;
    if (action === "trigger") {
      if (open) {
        Object.assign(open, { triggers: open.triggers + 1, updatedAt: now, lastPayload: payload });
        open.summary = String(payload.summary);
        open.severity = String(payload.severity);
      } else {
        incidents.push({
          id: randomBytes(7).toString("hex").toUpperCase(),
          routingKey,
          dedupKey,
          status: "triggered",
          summary: String(payload.summary),
          severity: String(payload.severity),
          source: String(payload.source),
          triggers: 1,
          createdAt: now,
          updatedAt: now,
          lastPayload: payload,
        });
      }
    } else if (open) {
      open.status = action === "resolve" ? "resolved" : "acknowledged";
      open.updatedAt = now;
    }
    return send(res, 202, { status: "success", message: "Event processed", dedup_key: dedupKey });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      if (req.method === "POST" && url.pathname === "/v2/enqueue") return enqueue(raw, res);
      if (req.method === "GET" && url.pathname === "/v2/incidents") {
        const status = url.searchParams.get("status");
        const key = url.searchParams.get("routing_key");
        return send(res, 200, {
          incidents: incidents
            .filter((i) => (!status || i.status === status) && (!key || i.routingKey === key))
            .map((i) => ({ ...i, routingKey: mask(i.routingKey) })),
        });
      }
      if (req.method === "GET" && url.pathname === "/v2/events") {
        return send(res, 200, { events: events.map((e) => ({ ...e, routingKey: mask(e.routingKey) })) });
      }
      if (req.method === "POST" && url.pathname === "/v2/fail") {
        try {
          const { mode, count } = JSON.parse(raw || "{}") as { mode?: TFakeMode; count?: number };
          if (mode !== "429" && mode !== "500" && mode !== "hang") throw new Error();
          for (let i = 0; i < (count ?? 1); i++) failures.push(mode);
          return send(res, 200, { queued: failures.length });
        } catch {
          return send(res, 400, { message: 'Body: {"mode":"429"|"500"|"hang","count":N}' });
        }
      }
      if (req.method === "POST" && url.pathname === "/v2/reset") {
        incidents = [];
        events = [];
        failures.length = 0;
        return send(res, 200, { reset: true });
      }
      send(res, 404, { message: "Not found. POST /v2/enqueue, GET /v2/incidents, GET /v2/events." });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host ?? "127.0.0.1"}:${port}`,
        port,
        incidents: (filter = {}) =>
          incidents.filter(
            (i) =>
              (!filter.routingKey || i.routingKey === filter.routingKey) &&
              (!filter.status || i.status === filter.status),
          ),
        events: () => [...events],
        failNext: (mode, count = 1) => {
          for (let i = 0; i < count; i++) failures.push(mode);
        },
        reset: () => {
          incidents = [];
          events = [];
          failures.length = 0;
        },
        maxPerMinute: (routingKey) => {
          const times = events
            .filter((e) => e.routingKey === routingKey && e.answer === 202)
            .map((e) => Date.parse(e.at))
            .sort((a, b) => a - b);
          let best = 0;
          for (let i = 0, j = 0; i < times.length; i++) {
            while (times[i]! - times[j]! >= 60_000) j++;
            best = Math.max(best, i - j + 1);
          }
          return best;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
