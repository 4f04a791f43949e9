import {
  CommentSchema,
  CreatedIssueSchema,
  DashboardUserSchema,
  IssueSchema,
  PageOfCreateMetaIssueTypesSchema,
  PageOfCreateMetaIssueTypeWithFieldSchema,
  PrioritySchema,
  ProjectSchema,
  SearchAndReconcileResultsSchema,
  TransitionsSchema,
} from "jira.js/cloud";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeHttp, type TFakeServer } from "@/lib/testing/fake-http";
import {
  FAKE_JIRA_API_TOKEN,
  FAKE_JIRA_EMAIL,
  FAKE_JIRA_PAT,
  startFakeJira,
  type TFakeJira,
} from "@/lib/testing/fake-jira";
import { bold, code, paragraph, text } from "../../document";
import type { TCreateIssueInput, TProviderResult, TTicketProvider, TWebhookRequest } from "../../provider";
import { type TTicketSecret, ZJiraProjectSettings } from "../../schemas";
import type { TCreateIssueRequest, TTransitionRequest } from "./jira-types";
import { createJiraProvider, parseJiraWebhook } from ".";

// The provider against the fake Jira, both flavors, through every method; the fake's answers
// parsed with Atlassian's published schemas (jira.js), and its webhooks read by the parser.

// The request types bite: a transition id must be a string, fields an object (tsc fails otherwise).
// @ts-expect-error a number is not a transition id
const _badTransition = { transition: { id: 31 } } satisfies TTransitionRequest;
// @ts-expect-error fields are an object
const _badCreate = { fields: "summary" } satisfies TCreateIssueRequest;

const WEBHOOK_SECRET = "jira-webhook-secret-0123456789";
const settings = ZJiraProjectSettings.parse({
  provider: "jira",
  projectKey: "PAY",
  components: ["Backend"],
  labels: ["bumpers"],
  customFields: [
    { fieldId: "customfield_10010", template: "{{team}}" },
    { fieldId: "customfield_10020", template: "Production" },
  ],
  doneTransition: "",
});

const input = (label: string): TCreateIssueInput => ({
  title: "Privileged containers in payments",
  body: { blocks: [paragraph(bold("3 pods"), text(" run "), code("privileged: true"), text(" [see *docs*]"))] },
  severity: "critical",
  labels: [label],
  templateValues: { team: "Payments", severity: "critical" },
});

function value<T>(result: TProviderResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.outcome)}`);
  return result.value;
}

let jira: TFakeJira;
let receiver: TFakeServer;
const received: TWebhookRequest[] = [];

beforeAll(async () => {
  jira = await startFakeJira();
  receiver = await startFakeHttp((req, res) => {
    const headers = new Headers();
    for (const [name, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(name, v);
    received.push({ headers, rawBody: req.body });
    res.writeHead(204).end();
  });
  jira.setWebhook(receiver.url);
});
afterAll(async () => {
  await jira.close();
  await receiver.close();
});

const secretOf = (flavor: "cloud" | "server", overrides: Record<string, string> = {}): TTicketSecret =>
  flavor === "cloud"
    ? {
        kind: "jira_cloud",
        siteUrl: jira.url,
        email: FAKE_JIRA_EMAIL,
        apiToken: FAKE_JIRA_API_TOKEN,
        webhookSecret: WEBHOOK_SECRET,
        ...overrides,
      }
    : {
        kind: "jira_server",
        baseUrl: jira.url,
        personalAccessToken: FAKE_JIRA_PAT,
        webhookSecret: WEBHOOK_SECRET,
        ...overrides,
      };

const providerFor = (flavor: "cloud" | "server", project = settings, overrides: Record<string, string> = {}) =>
  createJiraProvider({ secret: secretOf(flavor, overrides), project, allowPrivate: true, timeoutMs: 5000 });

describe.each(["cloud", "server"] as const)("Jira provider (%s) against the fake", (flavor) => {
  let provider: TTicketProvider;
  const version = flavor === "cloud" ? "3" : "2";
  beforeAll(() => {
    provider = providerFor(flavor);
    jira.setWebhook(receiver.url, flavor);
  });

  it("says who it acts as, and what the project offers", async () => {
    const me = value(await provider.whoAmI());
    expect(me).toEqual({ id: flavor === "cloud" ? "712020:0b5e1e0c-bumpers-bot" : "bumpers-bot", name: "Bumpers Bot" });
    const options = value(await provider.projectOptions());
    expect(options.issueTypes.map((t) => t.name)).toEqual(["Bug", "Task"]);
    expect(options.components).toEqual(["Backend", "Frontend", "Platform"]);
    expect(options.priorities).toEqual(["Highest", "High", "Medium", "Low", "Lowest"]);
    expect(options.fields.find((f) => f.id === "customfield_10010")).toMatchObject({
      name: "Team",
      required: true,
      type: "string",
    });
    expect(options.fields.find((f) => f.id === "customfield_10020")?.allowedValues?.map((v) => v.name)).toEqual([
      "Production",
      "Staging",
    ]);
  });

  it("creates an issue with its body, priority, components and custom fields, and reads it back", async () => {
    const issue = value(await provider.createIssue(input(`bumpers-${flavor}-create`)));
    expect(issue).toMatchObject({ title: "Privileged containers in payments", state: "open", status: "To Do" });
    expect(issue.url).toBe(`${jira.url}/browse/${issue.key}`);
    expect(issue.labels).toEqual(["bumpers", `bumpers-${flavor}-create`]);
    const stored = jira.issues.get(issue.key)!;
    expect(stored).toMatchObject({ priority: "Highest", components: ["Backend"] });
    expect(stored.custom).toEqual({ customfield_10010: "Payments", customfield_10020: { value: "Production" } });
    if (flavor === "cloud") {
      expect(stored.description).toMatchObject({ type: "doc", version: 1 });
      expect(JSON.stringify(stored.description)).toContain('"type":"strong"');
    } else {
      expect(stored.description).toBe("*3 pods* run {{privileged: true}} \\[see \\*docs\\*\\]");
    }
    const post = jira.requests.find((r) => r.method === "POST" && r.path === `/rest/api/${version}/issue`);
    expect(post?.auth).toBe(flavor === "cloud" ? "basic" : "bearer");
  });

  it("finds an issue by key, lowercase key, link and label; refuses a link to another site", async () => {
    const created = value(await provider.createIssue(input(`bumpers-${flavor}-find`)));
    for (const ref of [created.key, created.key.toLowerCase(), `${jira.url}/browse/${created.key}`]) {
      expect(value(await provider.getIssue(ref)).externalId).toBe(created.externalId);
    }
    const elsewhere = await provider.getIssue(`https://other.atlassian.net/browse/${created.key}`);
    expect(elsewhere.ok || elsewhere.outcome.kind).toBe("rejected");
    expect(value(await provider.findByLabel(`bumpers-${flavor}-find`))?.key).toBe(created.key);
    expect(value(await provider.findByLabel("no-such-label"))).toBeNull();
    const search = jira.requests.findLast((r) => r.path.includes("/search"));
    expect(search?.path).toBe(flavor === "cloud" ? "/rest/api/3/search/jql" : "/rest/api/2/search");
  });

  it("comments, and moves the issue done, won't do and back open with the comment in the same call", async () => {
    const issue = value(await provider.createIssue(input(`bumpers-${flavor}-move`)));
    expect(
      value(await provider.addComment(issue.externalId, { blocks: [paragraph(text("Still failing"))] })).id,
    ).toBeTruthy();
    expect(value(await provider.listTransitions(issue.externalId))).toEqual([
      { id: "11", name: "Start progress", category: "open" },
      { id: "31", name: "Done", category: "done" },
      { id: "41", name: "Won't do", category: "wont_do" },
    ]);
    const fixed = { blocks: [paragraph(text("Fixed in every cluster."))] };
    const callsBefore = jira.requests.length;
    expect(value(await provider.transition(issue.externalId, "done", fixed))).toMatchObject({
      state: "done",
      status: "Done",
    });
    // The issue with its transitions, the transition with its comment, the issue read back: a
    // connection's quota goes three calls a move.
    expect(jira.requests.slice(callsBefore).map((r) => r.method)).toEqual(["GET", "POST", "GET"]);
    const post = jira.requests.findLast((r) => r.method === "POST" && r.path.endsWith("/transitions"));
    expect(post?.body).toMatchObject({ transition: { id: "31" }, update: { comment: [{ add: {} }] } });
    const posts = () => jira.requests.filter((r) => r.method === "POST" && r.path.endsWith("/transitions")).length;
    const before = posts();
    // Already done: no transition, the comment still goes.
    expect(value(await provider.transition(issue.externalId, "done", fixed)).state).toBe("done");
    expect(posts()).toBe(before);
    expect(jira.issues.get(issue.key)!.comments).toHaveLength(3);
    expect(value(await provider.transition(issue.externalId, "reopen")).state).toBe("open");
    expect(value(await provider.transition(issue.externalId, "wont_do")).state).toBe("wont_do");
    expect(jira.issues.get(issue.key)!.resolution).toBe("Won't Do");
  });

  it("removes a test issue", async () => {
    const issue = value(await provider.createIssue(input(`bumpers-${flavor}-remove`)));
    value(await provider.removeTestIssue(issue.externalId));
    expect(jira.issues.has(issue.key)).toBe(false);
    const gone = await provider.getIssue(issue.key);
    expect(gone.ok ? null : gone.outcome).toMatchObject({ kind: "rejected", status: 404 });
  });

  it("maps Jira's refusals to outcomes", async () => {
    const noTeam = providerFor(flavor, { ...settings, customFields: [] });
    const missing = await noTeam.createIssue(input("x"));
    expect(missing.ok ? null : missing).toMatchObject({
      outcome: { kind: "rejected", status: 400, error: expect.stringContaining("Team is required.") },
      fieldErrors: { customfield_10010: "Team is required." },
    });
    const wrong = providerFor(
      flavor,
      settings,
      flavor === "cloud" ? { apiToken: "wrong-token-0123456789" } : { personalAccessToken: "wrong-pat-0123456789" },
    );
    const refused = await wrong.whoAmI();
    expect(refused.ok ? null : refused.outcome).toMatchObject({ kind: "broken", status: 401 });
    expect(JSON.stringify(refused)).not.toContain("wrong-");
    const nope = await providerFor(flavor, { ...settings, projectKey: "NOPE" }).projectOptions();
    expect(nope.ok ? null : nope.outcome).toMatchObject({
      kind: "rejected",
      error: expect.stringContaining("Jira has no project NOPE"),
    });
    jira.failNext(429, { errorMessages: ["Rate limit exceeded."] }, { "retry-after": "7" });
    const limited = await provider.whoAmI();
    expect(limited.ok ? null : limited.outcome).toMatchObject({ kind: "retry", status: 429, retryAfterMs: 7000 });
    jira.failNext(500);
    const down = await provider.getIssue("PAY-1");
    expect(down.ok ? null : down.outcome).toMatchObject({ kind: "retry", status: 500 });
    jira.failNext(404);
    const lost = await provider.whoAmI();
    expect(lost.ok ? null : lost.outcome).toMatchObject({ kind: "broken", status: 404 });
  });

  it("reads the fake's webhooks: a person's transition and comment, the API account's own change, a creation", async () => {
    const issue = value(await provider.createIssue(input(`bumpers-${flavor}-hook`)));
    await jira.flushWebhooks();
    const created = await parseJiraWebhook(received.at(-1)!, WEBHOOK_SECRET);
    expect(created.kind).toBe("ignored");
    jira.transition(issue.key, "Won't do");
    await jira.flushWebhooks();
    const moved = await parseJiraWebhook(received.at(-1)!, WEBHOOK_SECRET);
    expect(moved).toMatchObject({
      kind: "events",
      events: [
        {
          kind: "state",
          key: issue.key,
          externalId: issue.externalId,
          state: "wont_do",
          status: "Done",
          actor: { name: "Dana Developer" },
        },
      ],
    });
    expect(moved.kind === "events" && moved.deliveryId).toBe(
      received.at(-1)!.headers.get("x-atlassian-webhook-identifier"),
    );
    jira.comment(issue.key, "Accepted risk, see RISK-4");
    await jira.flushWebhooks();
    const said = await parseJiraWebhook(received.at(-1)!, WEBHOOK_SECRET);
    expect(said).toMatchObject({
      kind: "events",
      events: [{ kind: "comment", comment: { text: "Accepted risk, see RISK-4" } }],
    });
    value(await provider.transition(issue.externalId, "reopen"));
    await jira.flushWebhooks();
    const own = received
      .map((r) => JSON.parse(r.rawBody) as { webhookEvent: string })
      .findLastIndex((b) => b.webhookEvent === "jira:issue_updated");
    const mine = await parseJiraWebhook(received[own]!, WEBHOOK_SECRET);
    const me = value(await provider.whoAmI());
    expect(mine).toMatchObject({ kind: "events", events: [{ kind: "state", state: "open", actor: { id: me.id } }] });
  });

  it("answers in Atlassian's published shapes (jira.js schemas)", async () => {
    const issue = value(await provider.createIssue(input(`bumpers-${flavor}-shape`)));
    value(await provider.addComment(issue.externalId, { blocks: [paragraph(text("shape"))] }));
    const auth =
      flavor === "cloud"
        ? `Basic ${Buffer.from(`${FAKE_JIRA_EMAIL}:${FAKE_JIRA_API_TOKEN}`).toString("base64")}`
        : `Bearer ${FAKE_JIRA_PAT}`;
    const get = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${jira.url}/rest/api/${version}${path}`, {
        ...init,
        headers: { authorization: auth, "content-type": "application/json" },
      });
      return res.json() as Promise<unknown>;
    };
    IssueSchema.parse(await get(`/issue/${issue.key}`));
    TransitionsSchema.parse(await get(`/issue/${issue.key}/transitions`));
    ProjectSchema.parse(await get("/project/PAY"));
    PrioritySchema.array().parse(await get("/priority"));
    if (flavor === "cloud") {
      DashboardUserSchema.parse(await get("/myself"));
      PageOfCreateMetaIssueTypesSchema.parse(await get("/issue/createmeta/PAY/issuetypes"));
      PageOfCreateMetaIssueTypeWithFieldSchema.parse(await get("/issue/createmeta/PAY/issuetypes/10004"));
      const body = JSON.stringify({ jql: `labels = "bumpers-${flavor}-shape"`, maxResults: 1 });
      SearchAndReconcileResultsSchema.parse(await get("/search/jql", { method: "POST", body }));
      const comment = {
        body: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] },
      };
      CommentSchema.parse(await get(`/issue/${issue.key}/comment`, { method: "POST", body: JSON.stringify(comment) }));
      CreatedIssueSchema.parse({
        id: issue.externalId,
        key: issue.key,
        self: `${jira.url}/rest/api/3/issue/${issue.externalId}`,
      });
    }
  });
});

describe("Jira webhook signatures", () => {
  it("verifies X-Hub-Signature when Jira signs, and refuses a mismatch", async () => {
    const signing = await startFakeJira({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET });
    try {
      const provider = createJiraProvider({
        secret: secretOf("cloud", { siteUrl: signing.url }),
        project: settings,
        allowPrivate: true,
      });
      const issue = value(await provider.createIssue(input("bumpers-signed")));
      signing.transition(issue.key, "Done");
      await signing.flushWebhooks();
      const delivery = received.at(-1)!;
      expect(delivery.headers.get("x-hub-signature")).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect((await parseJiraWebhook(delivery, WEBHOOK_SECRET)).kind).toBe("events");
      expect((await parseJiraWebhook(delivery, "another-secret")).kind).toBe("unauthorized");
      const tampered = { headers: delivery.headers, rawBody: delivery.rawBody.replace("Done", "Open") };
      expect((await parseJiraWebhook(tampered, WEBHOOK_SECRET)).kind).toBe("unauthorized");
    } finally {
      await signing.close();
    }
  });

  it("calls a body that is not a Jira webhook invalid", async () => {
    expect((await parseJiraWebhook({ headers: new Headers(), rawBody: "not json" }, WEBHOOK_SECRET)).kind).toBe(
      "invalid",
    );
    expect((await parseJiraWebhook({ headers: new Headers(), rawBody: "{}" }, WEBHOOK_SECRET)).kind).toBe("invalid");
  });
});
