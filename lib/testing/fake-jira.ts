import { createHmac, randomUUID } from "node:crypto";
import type http from "node:http";
import { API_USER, HUMAN_USER, PROJECTS, STATUSES, type TFakeJiraUser, TRANSITIONS } from "./fake-jira-data";
import {
  type TApiVersion,
  type TFakeJiraIssue,
  commentJson,
  createdJson,
  errorJson,
  fieldsMetaJson,
  issueJson,
  issueTypesMetaJson,
  jiraTime,
  prioritiesJson,
  projectJson,
  searchJson,
  transitionsJson,
  userJson,
} from "./fake-jira-shapes";
import { fakeJiraPage } from "./fake-jira-ui";
import { bodyError, validateCreate } from "./fake-jira-validate";
import { sendJson, sendText, startFakeHttp, type TFakeRequest } from "./fake-http";
import { jiraWebhook, type TFakeJiraWebhookFlavor } from "./fake-jira-webhook";

// A Jira double: a real HTTP server answering the REST endpoints Bumpers calls, both Jira Cloud's
// /rest/api/3 (bodies as Atlassian documents, Basic email:token) and Data Center's /rest/api/2
// (bodies as wiki strings, Bearer personal access token), the way Jira answers them. Changes made
// by a person (its page or /fake API) and by the API account send Jira-shaped webhooks.
//
//   /rest/api/{2,3}/…              myself, project, priority, createmeta, issue (create, read,
//                                  delete, comment, transitions), search (v2) and search/jql (v3)
//   GET  /                         issues, with Done / Won't do / Reopen buttons and a comment box
//   POST /fake/issues/:key/transition  {"to": transition or status name} (or a form), as a person
//   POST /fake/issues/:key/comment     {"text": …} (or a form), as a person
//   POST /_fake/fail               {"status": 503, "body"?: …, "headers"?: …}: answer the next REST call so
//   GET|POST /rest/webhooks/1.0/webhook  the admin's webhook (one: a new one replaces it), as Jira's
//                                  REST API registers them: {"name", "url", "events"?, "secret"?}
//
// A webhook the receiver does not take (no connection, 408/409/425/429/5xx) is sent again, like
// Jira Cloud does, with X-Atlassian-Webhook-Retry counting: 5 more tries over about two minutes.

export type TFakeJiraOptions = {
  port?: number;
  host?: string;
  /** Jira Cloud's Basic credentials. */
  email?: string;
  apiToken?: string;
  /** Data Center's Bearer token. */
  personalAccessToken?: string;
  /** REST calls allowed per minute; more answer 429 with Retry-After. */
  rateLimitPerMinute?: number;
  webhookUrl?: string | null;
  /** Users in webhooks: Cloud's accountId or Data Center's name. */
  webhookFlavor?: TFakeJiraWebhookFlavor;
  /** Signs webhooks with X-Hub-Signature (Cloud admin webhooks registered with a secret). */
  webhookSecret?: string;
  /** Waits before each retry of a webhook the receiver did not take (default: 5, 10, 20, 40, 60 s). */
  webhookRetryDelaysMs?: number[];
};

export type TFakeJiraRequest = {
  method: string;
  path: string;
  query: string;
  body: unknown;
  auth: "basic" | "bearer" | "none";
};
export type TFakeJiraDelivery = {
  event: string;
  id: string;
  /** The last attempt's answer (null: no answer, or none yet). */
  status: number | null;
  /** Attempts made so far (1 + retries). */
  attempts: number;
  body: Record<string, unknown>;
};

export type TFakeJira = {
  url: string;
  port: number;
  close: () => Promise<void>;
  /** Issues by key, as stored. */
  issues: Map<string, TFakeJiraIssue>;
  /** REST calls received, oldest first. */
  requests: TFakeJiraRequest[];
  /** Webhooks sent, oldest first. */
  deliveries: TFakeJiraDelivery[];
  failNext: (status: number, body?: unknown, headers?: Record<string, string>) => void;
  setWebhook: (url: string | null, flavor?: TFakeJiraWebhookFlavor) => void;
  /** Moves an issue by a transition or status name, as a person (or as the API account). */
  transition: (key: string, to: string, options?: { as?: "human" | "api" }) => TFakeJiraIssue;
  comment: (key: string, text: string, options?: { as?: "human" | "api" }) => TFakeJiraIssue;
  /** Waits for webhooks in flight. */
  flushWebhooks: () => Promise<void>;
  /** Puts back an issue a previous run of the fake had (no webhook); later creations take the next key. */
  restoreIssue: (issue: TFakeJiraRestore) => TFakeJiraIssue;
};

/** An issue as a previous run of the fake had it: its id and key, summary, workflow status and labels. */
export type TFakeJiraRestore = {
  id: string;
  key: string;
  summary: string;
  /** A status of the workflow ("To Do", "In Progress", "Done"). */
  status: string;
  resolution: string | null;
  labels: string[];
  issueType?: string;
};

export const FAKE_JIRA_EMAIL = "bumpers-bot@example.com";
export const FAKE_JIRA_API_TOKEN = "fake-jira-api-token-0123456789";
export const FAKE_JIRA_PAT = "fake-jira-personal-access-token-0123456789";

const DEFAULT_RETRY_DELAYS_MS = [5_000, 10_000, 20_000, 40_000, 60_000];
/** Answers Jira Cloud sends a webhook again after (and no answer at all). */
const RETRIED = (status: number) => [408, 409, 425, 429].includes(status) || status >= 500;

const NOT_AUTHENTICATED = "You are not authenticated. Authentication required to perform this operation.";
const NO_ISSUE = "Issue does not exist or you do not have permission to see it.";

function readJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: body ? (JSON.parse(body) as unknown) : {} };
  } catch {
    return { ok: false };
  }
}

export async function startFakeJira(options: TFakeJiraOptions = {}): Promise<TFakeJira> {
  const email = options.email ?? FAKE_JIRA_EMAIL;
  const apiToken = options.apiToken ?? FAKE_JIRA_API_TOKEN;
  const pat = options.personalAccessToken ?? FAKE_JIRA_PAT;
  const issues = new Map<string, TFakeJiraIssue>();
  const requests: TFakeJiraRequest[] = [];
  const deliveries: TFakeJiraDelivery[] = [];
  const failures: { status: number; body?: unknown; headers?: Record<string, string> }[] = [];
  const pending = new Set<Promise<void>>();
  const recent: number[] = [];
  const counters = new Map<string, number>();
  let nextId = 10000;
  let nextComment = 20000;
  let webhookUrl = options.webhookUrl ?? null;
  let webhookFlavor = options.webhookFlavor ?? "cloud";
  let webhookSecret = options.webhookSecret;
  let webhookName = "Bumpers";
  const retryDelays = options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const retryTimers = new Set<NodeJS.Timeout>();
  let base = "";

  const find = (ref: string) => issues.get(ref.toUpperCase()) ?? [...issues.values()].find((i) => i.id === ref);

  function emit(event: string, issue: TFakeJiraIssue, actor: TFakeJiraUser, extra: Record<string, unknown>) {
    if (!webhookUrl) return;
    const id = randomUUID();
    const body = jiraWebhook(base, event, issue, actor, webhookFlavor, extra);
    const raw = JSON.stringify(body);
    const delivery: TFakeJiraDelivery = { event, id, status: null, attempts: 0, body };
    deliveries.push(delivery);
    send(delivery, webhookUrl, webhookSecret, raw);
  }

  /** One attempt; a refusal schedules the next (timers unref'd: a retry never keeps a process alive). */
  function send(delivery: TFakeJiraDelivery, url: string, secret: string | undefined, raw: string) {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-atlassian-webhook-identifier": delivery.id,
      "x-atlassian-webhook-retry": String(delivery.attempts),
    };
    if (secret) headers["x-hub-signature"] = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
    delivery.attempts += 1;
    const sent = fetch(url, { method: "POST", headers, body: raw })
      .then((res) => {
        delivery.status = res.status;
        return res.body?.cancel();
      })
      .catch(() => {
        delivery.status = null;
      })
      .then(() => {
        const delay = retryDelays[delivery.attempts - 1];
        if (delay === undefined || (delivery.status !== null && !RETRIED(delivery.status))) return;
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          send(delivery, url, secret, raw);
        }, delay);
        timer.unref();
        retryTimers.add(timer);
      })
      .finally(() => pending.delete(sent));
    pending.add(sent);
  }

  function addComment(issue: TFakeJiraIssue, body: unknown, author: TFakeJiraUser) {
    const comment = addCommentSilently(issue, body, author);
    emit("comment_created", issue, author, { comment });
    return comment;
  }

  function move(issue: TFakeJiraIssue, transitionId: string, actor: TFakeJiraUser, comment?: unknown): string | null {
    const transition = TRANSITIONS.find((t) => t.id === transitionId && t.from.includes(issue.status));
    if (!transition) return `Transition id '${transitionId}' is not valid for this issue.`;
    const from = { status: issue.status, resolution: issue.resolution };
    issue.status = transition.to;
    issue.resolution = transition.resolution;
    issue.updated = jiraTime();
    const saved = comment === undefined ? undefined : addCommentSilently(issue, comment, actor);
    emit("jira:issue_updated", issue, actor, { from, ...(saved ? { comment: saved } : {}) });
    if (saved) emit("comment_created", issue, actor, { comment: saved });
    return null;
  }

  function addCommentSilently(issue: TFakeJiraIssue, body: unknown, author: TFakeJiraUser) {
    const comment = { id: String(nextComment++), body, author, created: jiraTime() };
    issue.comments.push(comment);
    issue.updated = comment.created;
    return comment;
  }

  const userOf = (as: "human" | "api" = "human") => (as === "api" ? API_USER : HUMAN_USER);

  function transitionByName(key: string, to: string, as?: "human" | "api"): TFakeJiraIssue {
    const issue = find(key);
    if (!issue) throw new Error(`No issue ${key}`);
    const wanted = to.trim().toLowerCase();
    const offered = TRANSITIONS.filter((t) => t.from.includes(issue.status));
    const chosen =
      offered.find((t) => t.name.toLowerCase() === wanted) ?? offered.find((t) => t.to.toLowerCase() === wanted);
    if (!chosen) throw new Error(`${issue.key} (${issue.status}) has no transition to ${to}`);
    move(issue, chosen.id, userOf(as));
    return issue;
  }

  function commentAs(key: string, text: string, as?: "human" | "api"): TFakeJiraIssue {
    const issue = find(key);
    if (!issue) throw new Error(`No issue ${key}`);
    addComment(issue, text, userOf(as));
    return issue;
  }

  /** The account the request authenticates as, or null. */
  function authOf(req: TFakeRequest): { kind: "basic" | "bearer" | "none"; ok: boolean } {
    const header = String(req.headers.authorization ?? "");
    if (header.startsWith("Basic ")) {
      const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
      return { kind: "basic", ok: decoded === `${email}:${apiToken}` };
    }
    if (header.startsWith("Bearer ")) return { kind: "bearer", ok: header.slice(7) === pat };
    return { kind: "none", ok: false };
  }

  function rateLimited(): number | null {
    if (!options.rateLimitPerMinute) return null;
    const now = Date.now();
    while (recent.length && now - recent[0]! >= 60_000) recent.shift();
    if (recent.length >= options.rateLimitPerMinute) return Math.ceil((60_000 - (now - recent[0]!)) / 1000);
    recent.push(now);
    return null;
  }

  function rest(req: TFakeRequest, res: http.ServerResponse, version: TApiVersion, path: string) {
    const auth = authOf(req);
    const parsed = readJson(req.body);
    requests.push({
      method: req.method,
      path: req.path,
      query: req.query.toString(),
      body: parsed.ok ? parsed.value : req.body,
      auth: auth.kind,
    });
    const failure = failures.shift();
    if (failure) {
      const body = failure.body ?? errorJson([`Fake failure ${failure.status}`]);
      return sendJson(res, failure.status, body, failure.headers ?? {});
    }
    if (!auth.ok) return sendJson(res, 401, errorJson([NOT_AUTHENTICATED]));
    const wait = rateLimited();
    if (wait !== null) return sendJson(res, 429, errorJson(["Rate limit exceeded."]), { "retry-after": String(wait) });
    if (!parsed.ok) return sendJson(res, 400, errorJson(["Unexpected character in the JSON body."]));
    return route(req, res, version, path, parsed.value);
  }

  function route(req: TFakeRequest, res: http.ServerResponse, v: TApiVersion, path: string, body: unknown) {
    const m = req.method;
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const only = req.query.get("fields")?.split(",").filter(Boolean);
    if (m === "GET" && path === "/myself") return sendJson(res, 200, userJson(base, API_USER, v));
    if (m === "GET" && path === "/priority") return sendJson(res, 200, prioritiesJson(base, v));
    if (m === "GET" && parts[0] === "project" && parts.length === 2) {
      const project = PROJECTS.find((p) => p.key === parts[1]!.toUpperCase() || p.id === parts[1]);
      if (!project) return sendJson(res, 404, errorJson([`No project could be found with key '${parts[1]}'.`]));
      return sendJson(res, 200, projectJson(base, project, v));
    }
    if (m === "GET" && parts[0] === "issue" && parts[1] === "createmeta" && parts[3] === "issuetypes") {
      const project = PROJECTS.find((p) => p.key === parts[2]!.toUpperCase() || p.id === parts[2]);
      if (!project) return sendJson(res, 404, errorJson([`No project could be found with key '${parts[2]}'.`]));
      if (parts.length === 4) return sendJson(res, 200, issueTypesMetaJson(base, project, v));
      const meta = fieldsMetaJson(project, parts[4]!, v);
      return meta
        ? sendJson(res, 200, meta)
        : sendJson(res, 404, errorJson([`Issue type with id '${parts[4]}' not found.`]));
    }
    if (m === "POST" && path === "/issue") return create(res, v, body);
    if ((v === "3" && m === "POST" && path === "/search/jql") || (v === "2" && m === "POST" && path === "/search")) {
      return search(res, v, body);
    }
    if (v === "3" && path === "/search") {
      return sendJson(
        res,
        410,
        errorJson(["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."]),
      );
    }
    if (parts[0] === "issue" && parts.length >= 2) {
      const issue = find(parts[1]!);
      if (!issue) return sendJson(res, 404, errorJson([NO_ISSUE]));
      return issueRoute(req, res, v, issue, parts.slice(2), body, only);
    }
    sendJson(res, 404, errorJson([`No fake for ${m} /rest/api/${v}${path}`]));
  }

  function create(res: http.ServerResponse, v: TApiVersion, body: unknown) {
    const checked = validateCreate(body, v);
    if (!checked.ok) return sendJson(res, 400, errorJson([], checked.errors));
    const r = checked.request;
    const number = (counters.get(r.project.key) ?? 0) + 1;
    counters.set(r.project.key, number);
    const now = jiraTime();
    const issue: TFakeJiraIssue = {
      id: String(nextId++),
      key: `${r.project.key}-${number}`,
      projectKey: r.project.key,
      issueType: r.issueType,
      summary: r.summary,
      description: r.description,
      labels: r.labels,
      components: r.components,
      priority: r.priority ?? "Medium",
      assignee: r.assignee,
      custom: r.custom,
      status: STATUSES[0]!.name,
      resolution: null,
      comments: [],
      creator: API_USER,
      created: now,
      updated: now,
    };
    issues.set(issue.key, issue);
    emit("jira:issue_created", issue, API_USER, {});
    sendJson(res, 201, createdJson(base, issue, v));
  }

  function search(res: http.ServerResponse, v: TApiVersion, body: unknown) {
    const request = (body ?? {}) as { jql?: string; maxResults?: number; fields?: string[] };
    const match = /^\s*labels\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))\s*(?:ORDER BY created (ASC|DESC))?\s*$/i.exec(
      request.jql ?? "",
    );
    if (!match) return sendJson(res, 400, errorJson([`Error in the JQL Query: the fake reads labels = "x" only.`]));
    const label = (match[1] ?? match[2] ?? "").replace(/\\(.)/g, "$1");
    const found = [...issues.values()].filter((i) => i.labels.includes(label));
    if ((match[3] ?? "DESC").toUpperCase() === "DESC") found.reverse();
    sendJson(res, 200, searchJson(base, found, v, request.maxResults ?? 50, request.fields));
  }

  function issueRoute(
    req: TFakeRequest,
    res: http.ServerResponse,
    v: TApiVersion,
    issue: TFakeJiraIssue,
    rest: string[],
    body: unknown,
    only: string[] | undefined,
  ) {
    const m = req.method;
    const payload = (body ?? {}) as Record<string, unknown>;
    if (rest.length === 0 && m === "GET") {
      // `expand=transitions` adds the transitions the issue offers now, as Jira does.
      const expand = req.query.get("expand")?.split(",") ?? [];
      const offered = TRANSITIONS.filter((t) => t.from.includes(issue.status));
      const transitions = expand.includes("transitions") ? transitionsJson(base, offered, v) : {};
      return sendJson(res, 200, { ...issueJson(base, issue, v, only), ...transitions });
    }
    if (rest.length === 0 && m === "DELETE") {
      issues.delete(issue.key);
      emit("jira:issue_deleted", issue, API_USER, {});
      return sendText(res, 204, "");
    }
    if (rest[0] === "comment" && m === "POST") {
      const problem =
        payload.body === undefined || payload.body === ""
          ? "Comment body can not be empty!"
          : bodyError(payload.body, v);
      if (problem) return sendJson(res, 400, errorJson([], { comment: problem }));
      return sendJson(res, 201, commentJson(base, issue, addComment(issue, payload.body, API_USER), v));
    }
    if (rest[0] === "transitions" && m === "GET") {
      return sendJson(
        res,
        200,
        transitionsJson(
          base,
          TRANSITIONS.filter((t) => t.from.includes(issue.status)),
          v,
        ),
      );
    }
    if (rest[0] === "transitions" && m === "POST") {
      const id = String((payload.transition as { id?: unknown } | undefined)?.id ?? "");
      const update = payload.update as { comment?: { add?: { body?: unknown } }[] } | undefined;
      const comment = update?.comment?.[0]?.add?.body;
      if (comment !== undefined) {
        const problem = bodyError(comment, v);
        if (problem) return sendJson(res, 400, errorJson([], { comment: problem }));
      }
      const refused = move(issue, id, API_USER, comment);
      return refused ? sendJson(res, 400, errorJson([refused])) : sendText(res, 204, "");
    }
    sendJson(res, 405, errorJson([`No fake for ${m} on an issue's ${rest.join("/") || "root"}`]));
  }

  const webhookJson = () => ({
    self: `${base}/rest/webhooks/1.0/webhook/1`,
    name: webhookName,
    url: webhookUrl,
    events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created"],
    enabled: true,
  });

  /** Jira's admin REST API for webhooks (the fake keeps one: registering replaces it). */
  function webhookRegistration(req: TFakeRequest, res: http.ServerResponse) {
    if (!authOf(req).ok) return sendJson(res, 401, errorJson([NOT_AUTHENTICATED]));
    if (req.method === "GET") return sendJson(res, 200, webhookUrl ? [webhookJson()] : []);
    if (req.method !== "POST") return sendJson(res, 405, errorJson([`No fake for ${req.method} on webhooks`]));
    const parsed = readJson(req.body);
    const given = (parsed.ok ? parsed.value : {}) as { name?: unknown; url?: unknown; secret?: unknown };
    if (typeof given.url !== "string" || !URL.canParse(given.url)) {
      return sendJson(res, 400, errorJson([], { url: "Enter a valid URL." }));
    }
    webhookUrl = given.url;
    webhookName = typeof given.name === "string" && given.name ? given.name : "Bumpers";
    webhookSecret = typeof given.secret === "string" && given.secret ? given.secret : undefined;
    sendJson(res, 201, webhookJson());
  }

  /** The page's forms post url-encoded; the /fake API takes JSON. */
  function fakeArgs(req: TFakeRequest): Record<string, string> {
    if (String(req.headers["content-type"] ?? "").includes("application/json")) {
      const parsed = readJson(req.body);
      return parsed.ok ? ((parsed.value ?? {}) as Record<string, string>) : {};
    }
    return Object.fromEntries(new URLSearchParams(req.body));
  }

  function fakeRoute(req: TFakeRequest, res: http.ServerResponse) {
    const match = /^\/fake\/issues\/([^/]+)\/(transition|comment)$/.exec(req.path);
    if (req.method !== "POST" || !match) return sendJson(res, 404, errorJson(["Not found."]));
    const args = fakeArgs(req);
    const as = args.as === "api" ? "api" : "human";
    try {
      const key = decodeURIComponent(match[1]!);
      const issue =
        match[2] === "transition"
          ? transitionByName(key, String(args.to ?? ""), as)
          : commentAs(key, String(args.text ?? ""), as);
      if (String(req.headers["content-type"] ?? "").includes("application/json")) {
        return sendJson(res, 200, issueJson(base, issue, "2"));
      }
      res.writeHead(303, { location: "/" });
      res.end();
    } catch (error) {
      sendJson(res, 400, errorJson([(error as Error).message]));
    }
  }

  function restoreIssue(given: TFakeJiraRestore): TFakeJiraIssue {
    const match = /^([A-Z][A-Z0-9]*)-(\d+)$/.exec(given.key.toUpperCase());
    const project = match && PROJECTS.find((p) => p.key === match[1]);
    if (!match || !project) throw new Error(`${given.key} is not a key of the fake's projects`);
    if (!STATUSES.some((s) => s.name === given.status)) throw new Error(`No status ${given.status} in the workflow`);
    const now = jiraTime();
    const issue: TFakeJiraIssue = {
      id: given.id,
      key: `${project.key}-${Number(match[2])}`,
      projectKey: project.key,
      issueType: given.issueType ?? "Task",
      summary: given.summary,
      description: null,
      labels: [...given.labels],
      components: [],
      priority: "Medium",
      assignee: null,
      custom: {},
      status: given.status,
      resolution: given.resolution,
      comments: [],
      creator: API_USER,
      created: now,
      updated: now,
    };
    issues.set(issue.key, issue);
    // The next issue of the project gets the next key, and no id is handed out twice.
    counters.set(project.key, Math.max(counters.get(project.key) ?? 0, Number(match[2])));
    if (/^\d+$/.test(issue.id)) nextId = Math.max(nextId, Number(issue.id) + 1);
    return issue;
  }

  const server = await startFakeHttp(
    (req, res) => {
      const api = /^\/rest\/api\/(2|3)(\/.*)$/.exec(req.path);
      if (api) return rest(req, res, api[1] as TApiVersion, api[2]!);
      if (req.path === "/rest/webhooks/1.0/webhook") return webhookRegistration(req, res);
      if (req.method === "GET" && req.path === "/") {
        return sendText(res, 200, fakeJiraPage([...issues.values()]), { "content-type": "text/html; charset=utf-8" });
      }
      if (req.method === "POST" && req.path === "/_fake/fail") {
        const parsed = readJson(req.body);
        const f = (parsed.ok ? parsed.value : {}) as {
          status?: number;
          body?: unknown;
          headers?: Record<string, string>;
        };
        if (!f.status) return sendJson(res, 400, errorJson(['Body: {"status": 503, "body"?: …, "headers"?: {…}}']));
        failures.push({ status: f.status, body: f.body, headers: f.headers });
        return sendJson(res, 200, { queued: failures.length });
      }
      return fakeRoute(req, res);
    },
    { port: options.port, host: options.host },
  );
  base = server.url;

  return {
    ...server,
    close: async () => {
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      await server.close();
    },
    issues,
    requests,
    deliveries,
    failNext: (status, body, headers) => failures.push({ status, body, headers }),
    setWebhook: (url, flavor) => {
      webhookUrl = url;
      if (flavor) webhookFlavor = flavor;
    },
    transition: (key, to, opts = {}) => transitionByName(key, to, opts.as),
    comment: (key, text, opts = {}) => commentAs(key, text, opts.as),
    flushWebhooks: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    restoreIssue,
  };
}
