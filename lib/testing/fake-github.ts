import { randomUUID } from "node:crypto";
import type http from "node:http";
import { FakeGithubAuth, makeFakeApp, type TCaller, type TFakeGithubApp } from "./fake-github-auth";
import { fakeGithubPage } from "./fake-github-page";
import {
  commentJson,
  issueJson,
  labelJson,
  milestoneJson,
  privateUserJson,
  repositoryJson,
  userJson,
  type TFakeGithubUser,
  type TFakeIssue,
  type TFakeRepo,
} from "./fake-github-shapes";
import { sendJson, startFakeHttp, type TFakeRequest } from "./fake-http";
import { FakeGithubWebhooks, type TFakeGithubDelivery } from "./fake-github-webhooks";
import { createFakeGithubStore, type TCloseReason, type TFakeRestore } from "./fake-github-store";

// A GitHub double: a real HTTP server answering the REST calls Bumpers makes for GitHub Issues
// (optionally under /api/v3, like Enterprise Server), with tokens checked on every call, App JWTs
// verified against the App's public key, x-ratelimit-* headers and GitHub's error shapes. Changes
// made through its page, its /fake API (as "octocat") or the REST API (as the token's user or the
// App's bot) are delivered to the configured webhook with a real X-Hub-Signature-256.
//
//   GET  /user · GET /app · POST /app/installations/{id}/access_tokens
//   GET  /repos/{o}/{r}/labels · /milestones · GET|POST /repos/{o}/{r}/issues
//   GET|PATCH /repos/{o}/{r}/issues/{n} · GET|POST /repos/{o}/{r}/issues/{n}/comments
//   GET|POST /repos/{o}/{r}/hooks   the repository's webhook, as GitHub's REST API creates one; the
//                                   fake keeps one for all its repositories (a new one replaces it)
//   POST /fake/repos/{o}/{r}/issues/{n}/close {reason} · /reopen · /comments {body}  (JSON or a form)
//   POST /_fake/fail {status, body?, headers?, count?} · POST /_fake/reset · GET / (the page)

export const FAKE_GITHUB_TOKEN = "ghp_fakeBumpersToken000000000000000000";
export const FAKE_GITHUB_LOGIN = "bumpers-dev";
const DOCS = "https://docs.github.com/rest";

export type TFakeGithubOptions = {
  port?: number;
  host?: string;
  /** Personal access tokens and their users (default: FAKE_GITHUB_TOKEN → bumpers-dev). */
  tokens?: Record<string, string>;
  /** The App (its public key verifies JWTs); default: one with a key pair made here. */
  app?: TFakeGithubApp;
  /** Requests allowed per credential in any 60 s; past it, 403 with x-ratelimit-remaining: 0. */
  rateLimitPerMinute?: number;
  webhook?: { url: string; secret: string };
};

export type TFakeGithubRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body (null without one). */
  body: unknown;
  status: number;
  response: unknown;
  as: string | null;
  /** Answered by a failNext script, not by the fake's own logic. */
  scripted: boolean;
};

/** Which requests a scripted failure answers (default: the next one, whatever it is). */
export type TFailWhere = { method?: string; path?: RegExp };
type TFailure = { status: number; body?: unknown; headers?: Record<string, string>; where?: TFailWhere };
type TActor = { as?: string };
type TSend = (
  status: number,
  data: unknown,
  headers?: Record<string, string>,
  as?: string | null,
  scripted?: boolean,
) => void;

export type TFakeGithub = {
  url: string;
  port: number;
  token: string;
  app: TFakeGithubApp;
  close: () => Promise<void>;
  reset: () => void;
  issues: (repoFullName?: string) => TFakeIssue[];
  requests: () => TFakeGithubRequest[];
  failNext: (status: number, body?: unknown, headers?: Record<string, string>, where?: TFailWhere) => void;
  setWebhook: (url: string | null, secret?: string) => void;
  deliveries: () => TFakeGithubDelivery[];
  /** Resolves when every webhook delivery started so far has been answered. */
  flushWebhooks: () => Promise<void>;
  closeIssue: (repo: string, number: number, reason: TCloseReason, actor?: TActor) => TFakeIssue;
  reopenIssue: (repo: string, number: number, actor?: TActor) => TFakeIssue;
  comment: (repo: string, number: number, body: string, actor?: TActor) => TFakeIssue;
  /** Puts back an issue of `repo` a previous run had (no webhook); later issues take the next number. */
  restoreIssue: (repo: string, issue: Omit<TFakeRestore, "by"> & { by?: string }) => TFakeIssue;
};

const STATUS_TEXT: Record<number, string> = {
  401: "Bad credentials",
  403: "Forbidden",
  404: "Not Found",
  410: "Gone",
  422: "Validation Failed",
  429: "Too Many Requests",
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export async function startFakeGithub(options: TFakeGithubOptions = {}): Promise<TFakeGithub> {
  const app = options.app ?? makeFakeApp();
  const tokens = new Map(Object.entries(options.tokens ?? { [FAKE_GITHUB_TOKEN]: FAKE_GITHUB_LOGIN }));
  const auth = new FakeGithubAuth(tokens, app);
  const store = createFakeGithubStore();
  const webhooks = new FakeGithubWebhooks(options.webhook ?? null);
  let requests: TFakeGithubRequest[] = [];
  const failures: TFailure[] = [];
  const calls = new Map<string, number[]>();
  let base = "";

  const userOf = (login: string): TFakeGithubUser => store.user(login, login === auth.botLogin ? "Bot" : "User");
  const shapeOf = (issue: TFakeIssue) => {
    const repo = store.repo(issue.repo)!;
    return issueJson({ base, user: userOf, repo, milestoneCounts: (n) => store.milestoneCounts(repo, n) }, issue);
  };

  function announce(event: "issues" | "issue_comment", action: string, issue: TFakeIssue, by: string, extra = {}) {
    const repo = store.repo(issue.repo)!;
    webhooks.deliver(event, {
      action,
      issue: shapeOf(issue),
      ...extra,
      repository: repositoryJson(base, repo, userOf(repo.owner)),
      sender: userJson(base, userOf(by)),
    });
  }

  store.onChange((change) => {
    if (change.kind === "comment") {
      const c = change.issue.comments.at(-1)!;
      announce("issue_comment", "created", change.issue, change.by, {
        comment: commentJson(base, change.issue, c, userOf(c.user)),
      });
    } else announce("issues", change.kind, change.issue, change.by);
  });

  function rateHeaders(key: string): { headers: Record<string, string>; limited: boolean } {
    const now = Date.now();
    const limit = options.rateLimitPerMinute ?? 5000;
    const recent = (calls.get(key) ?? []).filter((t) => now - t < 60_000);
    const limited = options.rateLimitPerMinute !== undefined && recent.length >= limit;
    if (!limited) recent.push(now);
    calls.set(key, recent);
    const resetAt = Math.ceil(((recent[0] ?? now) + 60_000) / 1000);
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - recent.length)),
      "x-ratelimit-reset": String(resetAt),
      "x-ratelimit-used": String(recent.length),
      "x-ratelimit-resource": "core",
    };
    if (limited) headers["retry-after"] = String(Math.max(1, resetAt - Math.floor(now / 1000)));
    return { headers, limited };
  }

  function handleApi(req: TFakeRequest, body: unknown, send: TSend) {
    const index = failures.findIndex(
      ({ where }) => (!where?.method || where.method === req.method) && (!where?.path || where.path.test(req.path)),
    );
    const failure = index < 0 ? undefined : failures.splice(index, 1)[0];
    if (failure) {
      const data = failure.body ?? { message: STATUS_TEXT[failure.status] ?? "Error", documentation_url: DOCS };
      return send(failure.status, data, failure.headers, null, true);
    }
    const who = auth.identify(req.headers.authorization);
    if (!who.ok) return send(401, { message: who.message, documentation_url: DOCS });
    const caller: TCaller = who.caller;
    const rate = rateHeaders(caller.kind === "app" ? `app:${caller.appId}` : caller.token);
    const as = caller.kind === "app" ? `app:${app.slug}` : caller.login;
    const reply = (status: number, data: unknown) => send(status, data, rate.headers, as);
    if (rate.limited) {
      return reply(403, {
        message: `API rate limit exceeded for ${as}.`,
        documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
      });
    }
    const path = req.path.replace(/^\/api\/v3(?=\/)/, "");
    if (caller.kind === "app") return appRoutes(req.method, path, reply);
    routes(req, path, body, caller.login, reply);
  }

  function appRoutes(method: string, path: string, reply: (status: number, data: unknown) => void) {
    if (method === "GET" && path === "/app") {
      const owner = userJson(base, userOf("acme"));
      return reply(200, {
        id: app.appId,
        slug: app.slug,
        node_id: Buffer.from(`App:${app.appId}`).toString("base64url"),
        owner,
        name: "Bumpers (fake)",
        description: "Tickets from Bumpers findings",
        external_url: "https://bumpers.example",
        html_url: `${base}/apps/${app.slug}`,
        created_at: "2026-01-05T09:00:00Z",
        updated_at: "2026-01-05T09:00:00Z",
        permissions: { issues: "write", metadata: "read" },
        events: ["issues", "issue_comment"],
      });
    }
    const tokenPath = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (method === "POST" && tokenPath) {
      if (Number(tokenPath[1]) !== app.installationId)
        return reply(404, { message: "Not Found", documentation_url: DOCS });
      return reply(201, {
        ...auth.issueInstallationToken(),
        permissions: { issues: "write", metadata: "read" },
        repository_selection: "all",
      });
    }
    // GitHub answers an App JWT on other endpoints as unauthenticated.
    reply(401, {
      message: "A JSON web token could not be used here; use an installation token",
      documentation_url: DOCS,
    });
  }

  function routes(
    req: TFakeRequest,
    path: string,
    body: unknown,
    login: string,
    reply: (status: number, data: unknown) => void,
  ) {
    const notFound = () => reply(404, { message: "Not Found", documentation_url: DOCS });
    if (req.method === "GET" && path === "/user") return reply(200, privateUserJson(base, userOf(login)));
    const hooks = /^\/repos\/([^/]+)\/([^/]+)\/hooks$/.exec(path);
    if (hooks) return hookRoutes(req.method, store.repo(`${hooks[1]}/${hooks[2]}`), body, reply);
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(labels|milestones|issues)(?:\/(\d+))?(\/comments)?$/.exec(path);
    const repo = m ? store.repo(`${m[1]}/${m[2]}`) : null;
    if (!m || !repo) return notFound();
    const full = `${repo.owner}/${repo.name}`;
    if (m[3] === "labels" && req.method === "GET" && !m[4])
      return reply(
        200,
        repo.labels.map((l) => labelJson(base, full, l)),
      );
    if (m[3] === "milestones" && req.method === "GET" && !m[4]) {
      return reply(
        200,
        repo.milestones.map((ms) =>
          milestoneJson(base, full, ms, userOf("octocat"), store.milestoneCounts(repo, ms.number)),
        ),
      );
    }
    if (m[3] !== "issues") return notFound();
    if (!repo.hasIssues) return reply(410, { message: "Issues are disabled for this repo", documentation_url: DOCS });
    if (!m[4]) {
      if (req.method === "GET") return reply(200, store.list(repo, req.query).map(shapeOf));
      if (req.method !== "POST") return notFound();
      const created = store.create(repo, body, login);
      return created.ok
        ? reply(201, shapeOf(created.issue))
        : reply(422, { message: "Validation Failed", errors: created.errors, documentation_url: DOCS });
    }
    const issue = store.issue(full, Number(m[4]));
    if (!issue) return notFound();
    if (m[5]) {
      if (req.method === "GET")
        return reply(
          200,
          issue.comments.map((c) => commentJson(base, issue, c, userOf(c.user))),
        );
      if (req.method !== "POST") return notFound();
      const text = (body as { body?: unknown } | null)?.body;
      if (typeof text !== "string" || !text.trim()) {
        return reply(422, {
          message: "Validation Failed",
          errors: [{ resource: "IssueComment", field: "body", code: "missing_field" }],
          documentation_url: DOCS,
        });
      }
      store.addComment(issue, text, login);
      return reply(201, commentJson(base, issue, issue.comments.at(-1)!, userOf(login)));
    }
    if (req.method === "GET") return reply(200, shapeOf(issue));
    if (req.method !== "PATCH") return notFound();
    const updated = store.update(repo, issue, body, login);
    return updated.ok
      ? reply(200, shapeOf(issue))
      : reply(422, { message: "Validation Failed", errors: updated.errors, documentation_url: DOCS });
  }

  const hookJson = (repo: TFakeRepo) => ({
    type: "Repository",
    id: 1,
    name: "web",
    active: true,
    events: ["issues", "issue_comment"],
    config: { url: webhooks.url, content_type: "json", insecure_ssl: "0", secret: "********" },
    url: `${base}/repos/${repo.owner}/${repo.name}/hooks/1`,
    created_at: "2026-01-05T09:00:00Z",
    updated_at: "2026-01-05T09:00:00Z",
  });

  /** A repository's webhooks: the secret is written, never read back (GitHub masks it too). */
  function hookRoutes(
    method: string,
    repo: TFakeRepo | null,
    body: unknown,
    reply: (status: number, data: unknown) => void,
  ) {
    if (!repo) return reply(404, { message: "Not Found", documentation_url: DOCS });
    if (method === "GET") return reply(200, webhooks.url ? [hookJson(repo)] : []);
    if (method !== "POST") return reply(404, { message: "Not Found", documentation_url: DOCS });
    const config = ((body ?? {}) as { config?: { url?: unknown; secret?: unknown } }).config ?? {};
    if (typeof config.url !== "string" || !URL.canParse(config.url)) {
      return reply(422, {
        message: "Validation Failed",
        errors: [{ resource: "Hook", code: "custom", message: "Config must have a valid url" }],
        documentation_url: DOCS,
      });
    }
    webhooks.set(config.url, typeof config.secret === "string" ? config.secret : "");
    reply(201, hookJson(repo));
  }

  function fakeControls(req: TFakeRequest, body: Record<string, unknown>, res: http.ServerResponse): boolean {
    const isForm = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    const done = (data: unknown) => {
      if (isForm) {
        res.writeHead(303, { location: "/" });
        return res.end();
      }
      sendJson(res, 200, data);
    };
    if (req.method === "GET" && req.path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(fakeGithubPage(store.all(), webhooks.url));
      return true;
    }
    if (req.method !== "POST") return false;
    if (req.path === "/_fake/reset") return (handle.reset(), done({ reset: true }), true);
    if (req.path === "/_fake/fail") {
      const count = Number(body.count ?? 1);
      for (let i = 0; i < count; i++)
        handle.failNext(Number(body.status), body.body, body.headers as Record<string, string>);
      return (done({ queued: failures.length }), true);
    }
    const m = /^\/fake\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/(close|reopen|comments)$/.exec(req.path);
    if (!m) return false;
    const as = typeof body.as === "string" && body.as ? body.as : undefined;
    try {
      const issue =
        m[3] === "close"
          ? handle.closeIssue(m[1]!, Number(m[2]), body.reason === "not_planned" ? "not_planned" : "completed", { as })
          : m[3] === "reopen"
            ? handle.reopenIssue(m[1]!, Number(m[2]), { as })
            : handle.comment(m[1]!, Number(m[2]), String(body.body ?? ""), { as });
      done(shapeOf(issue));
    } catch (error) {
      sendJson(res, 404, { message: error instanceof Error ? error.message : "Not Found" });
    }
    return true;
  }

  const parseBody = (req: TFakeRequest): unknown => {
    if (!req.body) return null;
    if (String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return Object.fromEntries(new URLSearchParams(req.body));
    }
    try {
      return JSON.parse(req.body) as unknown;
    } catch {
      return undefined;
    }
  };

  const server = await startFakeHttp(
    (req, res) => {
      const body = parseBody(req);
      const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
      if (fakeControls(req, record, res)) return;
      const send: TSend = (status, data, headers = {}, as = null, scripted = false) => {
        requests.push({
          method: req.method,
          path: req.path,
          query: Object.fromEntries(req.query),
          body: body ?? null,
          status,
          response: data,
          as,
          scripted,
        });
        sendJson(res, status, data, {
          "x-github-request-id": randomUUID().toUpperCase(),
          "x-github-media-type": "github.v3; format=json",
          ...headers,
        });
      };
      if (body === undefined) return send(400, { message: "Problems parsing JSON", documentation_url: DOCS });
      handleApi(req, body, send);
    },
    { port: options.port, host: options.host },
  );
  base = server.url;

  const must = (repo: string, number: number) => {
    const issue = store.issue(repo, number);
    if (!issue) throw new Error(`No issue ${repo}#${number}`);
    return issue;
  };
  const handle: TFakeGithub = {
    url: server.url,
    port: server.port,
    token: [...tokens.keys()][0] ?? FAKE_GITHUB_TOKEN,
    app,
    close: server.close,
    reset: () => {
      store.reset();
      auth.reset();
      requests = [];
      webhooks.reset();
      failures.length = 0;
      calls.clear();
    },
    issues: (repo) => store.all().filter((i) => !repo || i.repo.toLowerCase() === repo.toLowerCase()),
    requests: () => [...requests],
    failNext: (status, body, headers, where) => failures.push({ status, body, headers, where }),
    setWebhook: (url, secret = "") => webhooks.set(url, secret),
    deliveries: () => webhooks.deliveries(),
    flushWebhooks: () => webhooks.flush(),
    closeIssue: (repo, number, reason, actor = {}) =>
      store.setState(must(repo, number), "closed", reason, actor.as ?? "octocat"),
    reopenIssue: (repo, number, actor = {}) =>
      store.setState(must(repo, number), "open", "reopened", actor.as ?? "octocat"),
    comment: (repo, number, body, actor = {}) => {
      const issue = must(repo, number);
      store.addComment(issue, body, actor.as ?? "octocat");
      return issue;
    },
    restoreIssue: (repo, issue) => {
      const r = store.repo(repo);
      if (!r?.hasIssues) throw new Error(`No repository ${repo} with issues`);
      return store.restore(r, { ...issue, by: issue.by ?? FAKE_GITHUB_LOGIN });
    },
  };
  return handle;
}

export type { TFakeGithubApp, TFakeGithubDelivery, TFakeIssue, TFakeRepo };
