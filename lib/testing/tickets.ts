import { randomUUID } from "node:crypto";
import { pool } from "@/lib/server/db";
import { sealTicketSecret } from "@/lib/tickets/connection-secret";
import { createTicket } from "@/lib/tickets/create-ticket";
import { linkTicket } from "@/lib/tickets/link-ticket";
import type {
  TCreateIssueInput,
  TIssueState,
  TProjectOptions,
  TProjectSettings,
  TProviderContext,
  TProviderFailure,
  TProviderIssue,
  TProviderResult,
  TTicketProvider,
} from "@/lib/tickets/provider";
import type { TTicketDoc } from "@/lib/tickets/document";
import { problemKeyOf } from "@/lib/tickets/problems/problem-key";
import type {
  TCreateTicketInput,
  TLinkTicketInput,
  TTicketConnectionKind,
  TTicketSecret,
  TTicketSubject,
} from "@/lib/tickets/schemas";
import type { TTicketState } from "@/lib/tickets/views";
import { createTestCluster, createTestTenant, uniqueSuffix } from "./factories";

// Tickets in tests: a connection with a sealed secret, a team's project, findings, a ticket row,
// and an in-memory provider (through the verbs' `provider` seam) that records calls and answers
// the failures a test queues.

export const TEST_API_TOKEN = "atlassian-api-token-SECRET-0123456789";

export function jiraCloudSecret(): TTicketSecret {
  return {
    kind: "jira_cloud",
    siteUrl: "https://acme.atlassian.net",
    email: "bot@acme.test",
    apiToken: TEST_API_TOKEN,
    webhookSecret: `whsec-${uniqueSuffix()}${uniqueSuffix()}`,
  };
}

export async function createTicketConnection(
  orgId: string,
  options: {
    kind?: TTicketConnectionKind;
    name?: string;
    teamId?: string | null;
    secret?: TTicketSecret;
    /** The provider account the connection acts as (its own changes come back with it). */
    identityId?: string;
  } = {},
) {
  const id = randomUUID();
  const secret = options.secret ?? jiraCloudSecret();
  const kind = options.kind ?? secret.kind;
  const name = options.name ?? `Jira ${uniqueSuffix()}`;
  await pool.query(
    `INSERT INTO notification_connections (id, org_id, team_id, kind, name, secret_ciphertext, secret_hint, settings)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::notification_channel_kind, $5, $6, '…6789', $7::jsonb)`,
    [
      id,
      orgId,
      options.teamId ?? null,
      kind,
      name,
      sealTicketSecret(id, secret),
      JSON.stringify({ identity: { id: options.identityId ?? "bot", name: "Bumpers bot" } }),
    ],
  );
  return { id, name, kind, secret };
}

export const JIRA_SETTINGS = { provider: "jira", projectKey: "PAY" } as const;

export async function createTicketProject(
  orgId: string,
  teamId: string | null,
  connectionId: string,
  settings: Partial<TProjectSettings> | Record<string, unknown> = JIRA_SETTINGS,
  flags: { reopenWhenStillFailing?: boolean; commentsAsNotes?: boolean } = {},
) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO ticket_projects (org_id, team_id, connection_id, settings, reopen_when_still_failing, comments_as_notes)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::jsonb, $5, $6)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      orgId,
      teamId,
      connectionId,
      JSON.stringify(settings),
      flags.reopenWhenStillFailing ?? true,
      flags.commentsAsNotes ?? false,
    ],
  );
  // Null when the team (or the org, for a null team) already has its project.
  return rows[0] ?? null;
}

/** Open findings of one check in a cluster, owned by `teamId`; one workload each. */
export async function createTicketFindings(input: {
  orgId: string;
  clusterId: string;
  teamId: string | null;
  count: number;
  source?: string;
  checkId?: string;
  title?: string;
  severity?: "critical" | "high" | "medium" | "low" | "none";
  vulnerabilityId?: string;
  status?: "open" | "fixed";
  namespace?: string;
}): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO findings (org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title, description,
                           remediation, namespace, kind, name, owner_team_id, vulnerability_id, status)
     SELECT $1, $2, md5(random()::text || i), $3, $4, 'security', $5::severity_level, 0.9, $6, 'The container runs as root.',
            'Set securityContext.runAsNonRoot: true.', $7, 'Deployment', 'w-' || i, $8, $9, $10::finding_status
       FROM generate_series(1, $11) AS i
     RETURNING id`,
    [
      input.orgId,
      input.clusterId,
      input.source ?? "polaris",
      input.checkId ?? "runAsRootAllowed",
      input.severity ?? "high",
      input.title ?? "Run as root",
      input.namespace ?? "payments",
      input.teamId,
      input.vulnerabilityId ?? "",
      input.status ?? "open",
      input.count,
    ],
  );
  return rows.map((r) => r.id);
}

let ticketSeq = 0;

/**
 * A ticket row as a verb would leave it: linked to `findingIds` and told about them (open and
 * affected counts), of the connection's provider, filed as PAY-n unless `key`/`externalId` say
 * otherwise (a creating ticket has neither yet). The subject defaults to the findings themselves.
 */
export async function createTestTicket(input: {
  orgId: string;
  teamId: string;
  connectionId: string;
  subject?: TTicketSubject;
  findingIds?: readonly string[];
  state?: TTicketState;
  externalId?: string | null;
  key?: string | null;
  openCount?: number;
  closedAt?: Date;
}) {
  const n = ++ticketSeq;
  const findingIds = input.findingIds ?? [];
  const subject = input.subject ?? { kind: "findings", findingIds: [...findingIds] };
  const creating = input.state === "creating";
  const externalId = input.externalId === undefined ? (creating ? null : String(10000 + n)) : input.externalId;
  const key = input.key === undefined ? (creating ? null : `PAY-${n}`) : input.key;
  const { rows } = await pool.query<{ id: string; problem_key: string }>(
    `WITH t AS (
       INSERT INTO tickets (org_id, team_id, connection_id, provider, problem_key, subject, title, state, external_id,
                            external_key, url, open_count, affected_count, closed_at)
       SELECT $1::uuid, $2::uuid, $3::uuid, CASE WHEN nc.kind = 'github' THEN 'github' ELSE 'jira' END::ticket_provider,
              $4, $5::jsonb, 'A ticket', $6::ticket_state, $7, $8, $9, $10, cardinality($11::uuid[]), $12
         FROM notification_connections nc WHERE nc.id = $3::uuid
       RETURNING id, problem_key
     ), linked AS (
       INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1::uuid, t.id, unnest($11::uuid[]) FROM t
     )
     SELECT id, problem_key FROM t`,
    [
      input.orgId,
      input.teamId,
      input.connectionId,
      problemKeyOf(input.orgId, input.teamId, subject),
      JSON.stringify(subject),
      input.state ?? "open",
      externalId,
      key,
      key === null ? null : `https://acme.atlassian.net/browse/${key}`,
      input.openCount ?? findingIds.length,
      findingIds,
      input.closedAt ?? null,
    ],
  );
  return { ...rows[0]!, externalId, key };
}

// ---- In-memory provider ----

type TOp =
  | "whoAmI"
  | "projectOptions"
  | "createIssue"
  | "getIssue"
  | "findByLabel"
  | "addComment"
  | "transition"
  | "listTransitions"
  | "removeTestIssue";

export type TMemoryCall = { op: TOp; args: unknown[] };

export const failures = {
  rejected: (status: number, error: string, fieldErrors?: Record<string, string>): TProviderFailure => ({
    ok: false,
    outcome: { kind: "rejected", status, error, response: { errorMessages: [error], errors: fieldErrors ?? {} } },
    fieldErrors,
  }),
  broken: (status: number, error: string): TProviderFailure => ({
    ok: false,
    outcome: { kind: "broken", status, error, response: { message: error } },
  }),
  retry: (status: number | null, error: string, retryAfterMs?: number): TProviderFailure => ({
    ok: false,
    outcome: { kind: "retry", status, error, retryAfterMs, response: null },
  }),
};

/** What the in-memory provider offers a project form: a Jira project with one required field. */
export const MEMORY_OPTIONS: TProjectOptions = {
  issueTypes: [
    { id: "1", name: "Bug" },
    { id: "2", name: "Task" },
  ],
  components: ["Platform"],
  priorities: ["Highest", "High", "Medium", "Low"],
  fields: [{ id: "customfield_10010", name: "Squad", required: true, type: "string" }],
  milestones: [],
};

export const MEMORY_TRANSITIONS = [
  { id: "31", name: "Done", category: "done" as const },
  { id: "41", name: "Won't Do", category: "wont_do" as const },
  { id: "11", name: "Reopen", category: "open" as const },
];

/**
 * A provider keeping issues in memory. `fail(op, failure)` queues an answer for the op's next
 * call, `failUntilCleared(op, failure)` answers every call with it until `clear(op)`; `calls`
 * lists every call; `contexts` every context a verb made it with.
 */
export function memoryProvider(options: { prefix?: string; identity?: { id: string; name: string } } = {}) {
  const prefix = options.prefix ?? "PAY";
  // The identity createTicketConnection stores: the provider account the connection acts as.
  const identity = options.identity ?? { id: "bot", name: "Bumpers bot" };
  const issues = new Map<string, TProviderIssue>();
  const comments: { externalId: string; body: TTicketDoc }[] = [];
  const calls: TMemoryCall[] = [];
  const contexts: TProviderContext[] = [];
  const queued = new Map<TOp, TProviderFailure[]>();
  const lasting = new Map<TOp, TProviderFailure>();
  let next = 1;
  const ok = <T>(value: T, status = 200): TProviderResult<T> => ({ ok: true, value, status, response: { ok: true } });
  function answer<T>(op: TOp, args: unknown[], make: () => TProviderResult<T>): Promise<TProviderResult<T>> {
    calls.push({ op, args });
    const failure = queued.get(op)?.shift() ?? lasting.get(op);
    return Promise.resolve(failure ?? make());
  }
  const byRef = (ref: string) =>
    [...issues.values()].find((i) => i.externalId === ref || i.key === ref || i.url === ref) ?? null;
  const notFound = () => failures.rejected(404, "Issue does not exist or you do not have permission to see it.");

  const provider: TTicketProvider = {
    kind: "jira_cloud",
    whoAmI: () => answer("whoAmI", [], () => ok(identity)),
    projectOptions: () => answer("projectOptions", [], () => ok(MEMORY_OPTIONS)),
    createIssue: (input: TCreateIssueInput) =>
      answer("createIssue", [input], () => {
        const n = next++;
        const issue: TProviderIssue = {
          externalId: String(10000 + n),
          key: `${prefix}-${n}`,
          url: `https://acme.atlassian.net/browse/${prefix}-${n}`,
          title: input.title,
          state: "open",
          status: "To Do",
          labels: input.labels,
        };
        issues.set(issue.externalId, issue);
        return ok(issue, 201);
      }),
    getIssue: (reference: string) =>
      answer("getIssue", [reference], () => {
        const issue = byRef(reference);
        return issue ? ok(issue) : notFound();
      }),
    findByLabel: (label: string) =>
      answer("findByLabel", [label], () => ok([...issues.values()].find((i) => i.labels.includes(label)) ?? null)),
    addComment: (externalId: string, body: TTicketDoc) =>
      answer("addComment", [externalId, body], () => {
        if (!issues.has(externalId)) return notFound();
        comments.push({ externalId, body });
        return ok({ id: String(comments.length) }, 201);
      }),
    transition: (externalId, to, comment) =>
      answer("transition", [externalId, to, comment], () => {
        const issue = issues.get(externalId);
        if (!issue) return notFound();
        const state: TIssueState = to === "reopen" ? "open" : to;
        const status = { open: "Reopened", done: "Done", wont_do: "Won't Do" }[state];
        const moved: TProviderIssue = { ...issue, state, status };
        issues.set(externalId, moved);
        return ok(moved);
      }),
    listTransitions: (externalId) => answer("listTransitions", [externalId], () => ok(MEMORY_TRANSITIONS)),
    removeTestIssue: (externalId) =>
      answer("removeTestIssue", [externalId], () => {
        issues.delete(externalId);
        return ok(undefined, 204);
      }),
  };
  /** The provider, recording each context a verb makes it with. */
  const factory = (context: TProviderContext) => {
    contexts.push(context);
    return provider;
  };
  return {
    provider,
    factory,
    issues,
    comments,
    calls,
    contexts,
    /** Queues `failure` as the answer to the next call of `op`. */
    fail(op: TOp, failure: TProviderFailure) {
      queued.set(op, [...(queued.get(op) ?? []), failure]);
    },
    /** Answers every call of `op` with `failure` (after any queued ones) until `clear(op)`. */
    failUntilCleared(op: TOp, failure: TProviderFailure) {
      lasting.set(op, failure);
    },
    clear(op: TOp) {
      lasting.delete(op);
    },
    /** Puts an issue in the provider (one someone filed by hand, or one a lost answer created). */
    add(issue: Omit<TProviderIssue, "externalId" | "url"> & { externalId?: string; url?: string }) {
      const n = next++;
      const full: TProviderIssue = {
        externalId: issue.externalId ?? String(10000 + n),
        url: issue.url ?? `https://acme.atlassian.net/browse/${issue.key}`,
        ...issue,
      } as TProviderIssue;
      issues.set(full.externalId, full);
      return full;
    },
    count: (op: TOp) => calls.filter((c) => c.op === op).length,
    /** The arguments of each call of `op`, in order. */
    argsOf: (op: TOp) => calls.filter((c) => c.op === op).map((c) => c.args),
    /** The verbs' `options` (with `extra`, e.g. `now` or `baseUrl`): this provider through `factory`. */
    options: <T extends object>(extra?: T) => ({ ...extra, provider: factory }) as T & { provider: typeof factory },
  };
}

export type TMemoryProvider = ReturnType<typeof memoryProvider>;

/**
 * A tenant whose team files into Jira project PAY: 3 open "Run as root" findings of the team in
 * one cluster, 2 of the other team's with the same check, and an in-memory provider. `create` and
 * `link` run the verbs as the setup's editor for its team and problem (what `input` does not
 * override), through that provider; `addFindings` adds the team's findings in the cluster.
 */
export async function ticketSetup() {
  const t = await createTestTenant();
  const cluster = await createTestCluster(t.org.id, { name: "Prod EU" });
  const connection = await createTicketConnection(t.org.id);
  await createTicketProject(t.org.id, t.team.id, connection.id);
  const addFindings = (input: Omit<Parameters<typeof createTicketFindings>[0], "orgId" | "clusterId" | "teamId">) =>
    createTicketFindings({ orgId: t.org.id, clusterId: cluster.id, teamId: t.team.id, ...input });
  const findingIds = await addFindings({ count: 3 });
  const otherFindingIds = await createTicketFindings({
    orgId: t.org.id,
    clusterId: cluster.id,
    teamId: t.otherTeam.id,
    count: 2,
  });
  const subject: TTicketSubject = { kind: "check", source: "polaris", checkId: "runAsRootAllowed", clusterId: null };
  const actor = { userId: t.users.editor.id, label: t.users.editor.email };
  const memory = memoryProvider();
  return {
    t,
    cluster,
    connection,
    findingIds,
    otherFindingIds,
    subject,
    actor,
    memory,
    addFindings,
    create: (input: Partial<TCreateTicketInput> = {}, options: { now?: Date } = {}) =>
      createTicket(t.org.id, actor, { teamId: t.team.id, subject, ...input }, memory.options(options)),
    link: (reference: string, input: Partial<TLinkTicketInput> = {}) =>
      linkTicket(t.org.id, actor, { teamId: t.team.id, subject, reference, ...input }, memory.options()),
  };
}
