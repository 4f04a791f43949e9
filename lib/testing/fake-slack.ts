import type http from "node:http";
import {
  escapeHtml,
  FailQueue,
  htmlPage,
  sendJson,
  sendText,
  type TFakeRequest,
  startFakeService,
  type TFakeService,
} from "./fake-http";

// A Slack double: a real HTTP server speaking the Web API methods Bumpers calls and incoming
// webhooks, the way Slack answers them. Used by tests, e2e and the local demo (`npm start`
// points SLACK_API_URL at it when unset).
//
//   POST /api/auth.test, /api/conversations.list, /api/chat.postMessage, /api/chat.update
//        form-encoded or JSON, bearer token; errors as HTTP 200 {ok:false, error} like Slack,
//        except rate limits: 429 + Retry-After + {ok:false, error:"ratelimited"}
//   POST /services/<T>/<B>/<secret>   an incoming webhook: "ok" or Slack's plain-text errors
//   GET  /_fake/messages?channel=     messages (id or name), oldest first, replies included
//   GET  /_fake/channels              the workspace's channels
//   POST /_fake/fail                  {"mode":"ratelimited"|"500"|"hang","count":N}
//   POST /_fake/reset                 forget every message
//   GET  /                            a readable page: channels, messages and their threads

export type TFakeSlackMode = "ratelimited" | "500" | "hang";
const MODES: readonly TFakeSlackMode[] = ["ratelimited", "500", "hang"];

export type TFakeSlackChannel = {
  id: string;
  name: string;
  isPrivate: boolean;
  isMember: boolean;
  isArchived: boolean;
};

export type TFakeSlackMessage = {
  channel: string;
  ts: string;
  threadTs: string | null;
  text: string;
  blocks: unknown[];
  clientMsgId: string | null;
  via: "api" | "webhook";
  postedAt: string;
  editedAt: string | null;
};

export type TWebhookState =
  "ok" | "invalid_token" | "action_prohibited" | "no_service" | "channel_not_found" | "channel_is_archived";

export type TFakeSlack = TFakeService<TFakeSlackMode> & {
  /** SLACK_API_URL for this fake. */
  apiUrl: string;
  /** A token the fake accepts. */
  token: string;
  /** The incoming webhook URL of a channel (its first webhook). */
  webhookUrl: (channel?: string) => string;
  messages: (channel?: string) => TFakeSlackMessage[];
  channels: () => TFakeSlackChannel[];
  /** A token answered token_revoked from now on. */
  revokeToken: (token: string) => void;
  setWebhookState: (webhookUrl: string, state: TWebhookState) => void;
};

/** The Web API methods the fake answers; every other one is unknown_method. */
export const FAKE_SLACK_METHODS = ["auth.test", "conversations.list", "chat.postMessage", "chat.update"] as const;

export const FAKE_SLACK_TOKEN = "xoxb-0000000000-fake-bumpers-token";

const DEFAULT_CHANNELS: TFakeSlackChannel[] = [
  { id: "C0000GENERAL", name: "general", isPrivate: false, isMember: true, isArchived: false },
  { id: "C00000ALERTS", name: "alerts", isPrivate: false, isMember: true, isArchived: false },
  { id: "C0000PAYMENT", name: "payments-alerts", isPrivate: false, isMember: true, isArchived: false },
  { id: "C00000RANDOM", name: "random", isPrivate: false, isMember: false, isArchived: false },
  { id: "G00000ONCALL", name: "platform-oncall", isPrivate: true, isMember: true, isArchived: false },
  { id: "G0000SECRETS", name: "leadership", isPrivate: true, isMember: false, isArchived: false },
  { id: "C0000OLDALRT", name: "old-alerts", isPrivate: false, isMember: true, isArchived: true },
];

const TEAM = { id: "T0000FAKE01", name: "Acme (fake Slack)", domain: "acme-fake" };
const BOT = { userId: "U0000BUMPERS", botId: "B0000BUMPERS", name: "bumpers" };

// ---- Block Kit validation, as far as Slack's documented limits go ----

const BLOCK_TYPES = new Set([
  "section",
  "header",
  "context",
  "actions",
  "divider",
  "image",
  "rich_text",
  "input",
  "video",
  "file",
  "markdown",
]);

type TIssues = string[];

function checkText(value: unknown, at: string, max: number, issues: TIssues, types = ["plain_text", "mrkdwn"]) {
  const text = value as { type?: unknown; text?: unknown } | undefined;
  if (!text || typeof text !== "object" || !types.includes(String(text.type))) {
    issues.push(`must be a text object of type ${types.join(" or ")} [json-pointer:${at}]`);
    return;
  }
  if (typeof text.text !== "string" || text.text.length === 0) {
    issues.push(`must be a non-empty string [json-pointer:${at}/text]`);
  } else if (text.text.length > max) {
    issues.push(`must be less than ${max + 1} characters [json-pointer:${at}/text]`);
  }
}

function checkBlock(block: Record<string, unknown>, at: string, issues: TIssues) {
  switch (block.type) {
    case "header":
      return checkText(block.text, `${at}/text`, 150, issues, ["plain_text"]);
    case "section": {
      const fields = block.fields as unknown[] | undefined;
      if (block.text === undefined && fields === undefined)
        issues.push(`must provide text or fields [json-pointer:${at}]`);
      if (block.text !== undefined) checkText(block.text, `${at}/text`, 3000, issues);
      if (fields !== undefined) {
        if (!Array.isArray(fields) || fields.length > 10)
          issues.push(`must have at most 10 items [json-pointer:${at}/fields]`);
        else fields.forEach((f, i) => checkText(f, `${at}/fields/${i}`, 2000, issues));
      }
      return;
    }
    case "context": {
      const elements = block.elements as unknown[];
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) {
        return issues.push(`must have 1 to 10 items [json-pointer:${at}/elements]`);
      }
      return elements.forEach((e, i) => {
        if ((e as { type?: string }).type !== "image") checkText(e, `${at}/elements/${i}`, 3000, issues);
      });
    }
    case "actions": {
      const elements = block.elements as Array<Record<string, unknown>>;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) {
        return issues.push(`must have 1 to 25 items [json-pointer:${at}/elements]`);
      }
      return elements.forEach((e, i) => {
        if (e.type !== "button") return;
        checkText(e.text, `${at}/elements/${i}/text`, 75, issues, ["plain_text"]);
        if (e.url !== undefined && (typeof e.url !== "string" || e.url.length > 3000)) {
          issues.push(`must be a URL of at most 3000 characters [json-pointer:${at}/elements/${i}/url]`);
        }
      });
    }
  }
}

/** Slack's invalid_blocks details for these blocks; empty when Slack would take them. */
export function validateSlackBlocks(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ["must be an array [json-pointer:/blocks]"];
  if (blocks.length > 50) return ["must have at most 50 items [json-pointer:/blocks]"];
  const issues: TIssues = [];
  blocks.forEach((raw, i) => {
    const block = raw as Record<string, unknown>;
    if (!block || typeof block !== "object" || !BLOCK_TYPES.has(String(block.type))) {
      issues.push(`unsupported type: ${String(block?.type)} [json-pointer:/blocks/${i}/type]`);
    } else checkBlock(block, `/blocks/${i}`, issues);
  });
  return issues;
}

// ---- The server ----

/** The arguments of a Web API call: form-encoded (JSON values in strings) or a JSON body. */
function readArgs(req: TFakeRequest): Record<string, unknown> {
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/json")) {
    try {
      return (JSON.parse(req.body || "{}") as Record<string, unknown>) ?? {};
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(req.body)) {
    args[key] = key === "blocks" || key === "attachments" ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function bearer(req: TFakeRequest, args: Record<string, unknown>): string | null {
  const header = String(req.headers.authorization ?? "");
  if (header.startsWith("Bearer ")) return header.slice(7).trim();
  return typeof args.token === "string" ? args.token : null;
}

export function startFakeSlack(
  options: { port?: number; host?: string; tokens?: string[]; channels?: TFakeSlackChannel[] } = {},
): Promise<TFakeSlack> {
  const tokens = new Map<string, "ok" | "token_revoked">(
    (options.tokens ?? [FAKE_SLACK_TOKEN]).map((token) => [token, "ok"] as const),
  );
  const channels = (options.channels ?? DEFAULT_CHANNELS).map((c) => ({ ...c }));
  const webhooks = new Map<string, { channel: string; state: TWebhookState }>(
    channels
      .filter((c) => c.isMember)
      .map((c) => [
        `/services/${TEAM.id}/B0${c.id.slice(1)}/fakehooksecret${c.id.toLowerCase()}`,
        { channel: c.id, state: "ok" },
      ]),
  );
  let messages: TFakeSlackMessage[] = [];
  const failures = new FailQueue<TFakeSlackMode>();
  let tsCounter = 0;
  let baseUrl = "";

  const reset = () => {
    messages = [];
  };
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, "0")}`;
  const findChannel = (ref: unknown) => {
    const key = String(ref ?? "").replace(/^#/, "");
    return channels.find((c) => c.id === key || c.name === key);
  };
  const ok = (res: http.ServerResponse, body: Record<string, unknown>) => sendJson(res, 200, { ok: true, ...body });
  const fail = (res: http.ServerResponse, error: string, extra: Record<string, unknown> = {}) =>
    sendJson(res, 200, { ok: false, error, ...extra });

  /** The channel a bot may post to, or the error Slack gives. */
  function postable(ref: unknown): { channel: TFakeSlackChannel } | { error: string } {
    const channel = findChannel(ref);
    // A private channel the app is not in does not exist for it.
    if (!channel || (channel.isPrivate && !channel.isMember)) return { error: "channel_not_found" };
    if (channel.isArchived) return { error: "is_archived" };
    if (!channel.isMember) return { error: "not_in_channel" };
    return { channel };
  }

  function contentError(args: Record<string, unknown>): { error: string; errors?: string[] } | null {
    const text = typeof args.text === "string" ? args.text : "";
    if (!text && args.blocks === undefined) return { error: "no_text" };
    if (text.length > 40_000) return { error: "msg_too_long" };
    if (args.blocks !== undefined) {
      const errors = validateSlackBlocks(args.blocks);
      if (errors.length) return { error: "invalid_blocks", errors };
    }
    return null;
  }

  type THandler = (args: Record<string, unknown>, res: http.ServerResponse) => void;
  const methods: Record<(typeof FAKE_SLACK_METHODS)[number], THandler> = {
    "auth.test": (_args, res) =>
      ok(res, {
        url: `https://${TEAM.domain}.slack.com/`,
        team: TEAM.name,
        user: BOT.name,
        team_id: TEAM.id,
        user_id: BOT.userId,
        bot_id: BOT.botId,
        is_enterprise_install: false,
      }),
    "conversations.list": (args, res) => {
      const types = String(args.types ?? "public_channel").split(",");
      const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 1000);
      const offset = args.cursor
        ? Number(Buffer.from(String(args.cursor), "base64").toString().replace("offset:", ""))
        : 0;
      const exclude = args.exclude_archived === true || args.exclude_archived === "true";
      const visible = channels.filter(
        (c) =>
          types.includes(c.isPrivate ? "private_channel" : "public_channel") &&
          (!c.isPrivate || c.isMember) &&
          !(exclude && c.isArchived),
      );
      const page = visible.slice(offset, offset + limit);
      const next = offset + limit < visible.length ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "";
      ok(res, {
        channels: page.map((c) => ({
          id: c.id,
          name: c.name,
          is_channel: !c.isPrivate,
          is_group: c.isPrivate,
          is_private: c.isPrivate,
          is_archived: c.isArchived,
          is_member: c.isMember,
        })),
        response_metadata: { next_cursor: next },
      });
    },
    "chat.postMessage": (args, res) => {
      const target = postable(args.channel);
      if ("error" in target) return fail(res, target.error);
      const invalid = contentError(args);
      if (invalid) return fail(res, invalid.error, invalid.errors ? { errors: invalid.errors } : {});
      const channel = target.channel.id;
      const clientMsgId = typeof args.client_msg_id === "string" ? args.client_msg_id : null;
      const same = clientMsgId && messages.find((m) => m.channel === channel && m.clientMsgId === clientMsgId);
      if (same) return ok(res, { channel, ts: same.ts, message: { text: same.text, ts: same.ts } });
      let threadTs: string | null = null;
      if (args.thread_ts) {
        const parent = messages.find((m) => m.channel === channel && m.ts === String(args.thread_ts));
        if (!parent) return fail(res, "thread_not_found");
        threadTs = parent.threadTs ?? parent.ts;
      }
      const message: TFakeSlackMessage = {
        channel,
        ts: nextTs(),
        threadTs,
        text: String(args.text ?? ""),
        blocks: (args.blocks as unknown[]) ?? [],
        clientMsgId,
        via: "api",
        postedAt: new Date().toISOString(),
        editedAt: null,
      };
      messages.push(message);
      ok(res, {
        channel,
        ts: message.ts,
        message: { text: message.text, ts: message.ts, thread_ts: threadTs ?? undefined },
      });
    },
    "chat.update": (args, res) => {
      const channel = findChannel(args.channel);
      const message = channel && messages.find((m) => m.channel === channel.id && m.ts === String(args.ts ?? ""));
      if (!channel || !message) return fail(res, channel ? "message_not_found" : "channel_not_found");
      if (message.via !== "api") return fail(res, "cant_update_message");
      const invalid = contentError(args);
      if (invalid) return fail(res, invalid.error, invalid.errors ? { errors: invalid.errors } : {});
      message.text = String(args.text ?? "");
      message.blocks = (args.blocks as unknown[]) ?? [];
      message.editedAt = new Date().toISOString();
      ok(res, { channel: channel.id, ts: message.ts, text: message.text });
    },
  };

  function apiCall(method: string, req: TFakeRequest, res: http.ServerResponse) {
    const handler = Object.hasOwn(methods, method) ? (methods as Record<string, THandler>)[method] : undefined;
    if (!handler) return sendJson(res, 404, { ok: false, error: "unknown_method", req_method: method });
    const args = readArgs(req);
    const token = bearer(req, args);
    if (!token) return fail(res, "not_authed");
    const state = tokens.get(token);
    if (!state) return fail(res, "invalid_auth");
    if (state !== "ok") return fail(res, state);
    handler(args, res);
  }

  function incomingWebhook(req: TFakeRequest, res: http.ServerResponse) {
    const hook = webhooks.get(req.path);
    if (!hook) return sendText(res, 404, "no_service");
    if (hook.state !== "ok") {
      const status = {
        invalid_token: 403,
        action_prohibited: 403,
        no_service: 404,
        channel_not_found: 404,
        channel_is_archived: 410,
      };
      return sendText(res, status[hook.state], hook.state);
    }
    const isForm = String(req.headers["content-type"] ?? "").includes("form-urlencoded");
    const raw = isForm ? (new URLSearchParams(req.body).get("payload") ?? "") : req.body;
    const payload = safeJson(raw);
    if (!payload || typeof payload !== "object") return sendText(res, 400, "invalid_payload");
    const args = payload as Record<string, unknown>;
    const invalid = contentError(args);
    if (invalid) return sendText(res, 400, invalid.error);
    messages.push({
      channel: hook.channel,
      ts: nextTs(),
      threadTs: null, // incoming webhooks cannot thread
      text: String(args.text ?? ""),
      blocks: (args.blocks as unknown[]) ?? [],
      clientMsgId: null,
      via: "webhook",
      postedAt: new Date().toISOString(),
      editedAt: null,
    });
    sendText(res, 200, "ok", { "content-type": "text/html" });
  }

  function page(): string {
    const sections = channels.map((c) => {
      const inChannel = messages.filter((m) => m.channel === c.id);
      const top = inChannel.filter((m) => !m.threadTs);
      const flags = [
        c.isPrivate ? "private" : "public",
        c.isMember ? "app invited" : "app not invited",
        c.isArchived ? "archived" : "",
      ];
      const items = top.map((m) => {
        const replies = inChannel
          .filter((r) => r.threadTs === m.ts)
          .map(renderMessage)
          .join("");
        return `${renderMessage(m)}${replies ? `<div class="replies">${replies}</div>` : ""}`;
      });
      return `<h2>#${escapeHtml(c.name)} <span class="meta">${escapeHtml(c.id)} · ${flags.filter(Boolean).join(" · ")}</span></h2>${items.join("") || '<p class="meta">No messages.</p>'}`;
    });
    const hooks = [...webhooks].map(
      ([path, h]) =>
        `<li><code>${escapeHtml(baseUrl + path)}</code> → ${escapeHtml(findChannel(h.channel)?.name ?? h.channel)} (${h.state})</li>`,
    );
    return htmlPage(
      `Fake Slack: ${TEAM.name}`,
      `<p class="meta">Web API at <code>${escapeHtml(baseUrl)}/api/</code>, token <code>${escapeHtml(FAKE_SLACK_TOKEN)}</code>. Incoming webhooks:</p><ul>${hooks.join("")}</ul>${sections.join("")}`,
    );
  }

  return startFakeService(
    { failures, modes: MODES, reset, page },
    (req, res) => {
      const isApi = req.method === "POST" && req.path.startsWith("/api/");
      const isHook = req.method === "POST" && req.path.startsWith("/services/");
      if (isApi || isHook) {
        const mode = failures.next();
        if (mode === "hang") return;
        if (mode === "ratelimited") {
          return isApi
            ? sendJson(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": "1" })
            : sendText(res, 429, "rate_limited", { "retry-after": "1" });
        }
        if (mode === "500")
          return isApi
            ? sendJson(res, 500, { ok: false, error: "internal_error" })
            : sendText(res, 500, "rollup_error");
        return isApi ? apiCall(req.path.slice("/api/".length), req, res) : incomingWebhook(req, res);
      }
      if (req.method === "GET" && req.path === "/_fake/messages") {
        const channel = req.query.get("channel");
        const id = channel ? (findChannel(channel)?.id ?? channel) : null;
        return sendJson(res, 200, { messages: messages.filter((m) => !id || m.channel === id) });
      }
      if (req.method === "GET" && req.path === "/_fake/channels") return sendJson(res, 200, { channels });
      sendJson(res, 404, { ok: false, error: "unknown_method" });
    },
    options,
  ).then((server) => {
    baseUrl = server.url;
    return {
      ...server,
      apiUrl: `${server.url}/api/`,
      token: [...tokens.keys()][0]!,
      webhookUrl: (channel = "alerts") => {
        const id = findChannel(channel)?.id;
        const path = [...webhooks].find(([, h]) => h.channel === id)?.[0];
        if (!path) throw new Error(`The fake Slack has no webhook for ${channel}`);
        return server.url + path;
      },
      messages: (channel) => {
        const id = channel ? (findChannel(channel)?.id ?? channel) : null;
        return messages.filter((m) => !id || m.channel === id);
      },
      channels: () => channels.map((c) => ({ ...c })),
      revokeToken: (token) => void tokens.set(token, "token_revoked"),
      setWebhookState: (url, state) => {
        const hook = webhooks.get(new URL(url).pathname);
        if (!hook) throw new Error(`The fake Slack has no webhook at ${url}`);
        hook.state = state;
      },
    };
  });
}

function renderMessage(m: TFakeSlackMessage): string {
  const texts = m.blocks
    .flatMap((b) => {
      const block = b as {
        type?: string;
        text?: { text?: string };
        fields?: { text?: string }[];
        elements?: { text?: unknown; url?: string }[];
      };
      if (block.type === "actions") return (block.elements ?? []).map((e) => `[button] ${e.url ?? ""}`);
      return [
        block.text?.text,
        ...(block.fields ?? []).map((f) => f.text),
        ...(block.type === "context" ? (block.elements ?? []).map((e) => String(e.text ?? "")) : []),
      ];
    })
    .filter(Boolean)
    .join("\n");
  return `<div class="item"><div class="meta">${escapeHtml(m.ts)} · via ${m.via}${m.editedAt ? " · edited" : ""}</div><pre>${escapeHtml(texts || m.text)}</pre></div>`;
}
