import type { TDeliveryOutcome } from "@/lib/alerting/delivery/outcome";
import type { TTicketDoc } from "./document";
import type { TGithubRepoSettings, TJiraProjectSettings, TTicketConnectionKind, TTicketSecret } from "./schemas";

// What Bumpers needs from a ticket provider (Jira Cloud, Jira Data Center / Server, GitHub).
// Every call answers a result instead of throwing: the outbox records a failed call like any
// other delivery (rejected for good, broken connection, retry later), and the create dialog shows
// a refusal's field errors next to the fields.

/** The state Bumpers follows: the provider's own status name is kept beside it. */
export type TIssueState = "open" | "done" | "wont_do";

export type TProviderIssue = {
  /** Jira's issue id ("10042"); GitHub's issue number ("12"). */
  externalId: string;
  /** "PAY-12"; "acme/payments#12". */
  key: string;
  /** The issue's page for people (not the API URL). */
  url: string;
  title: string;
  state: TIssueState;
  /** "In Progress", "Done"; GitHub: "open" / "closed". */
  status: string;
  /** Labels on the issue (Bumpers finds its own tickets again by label). */
  labels: string[];
};

/** Refused, with the provider's words; `fieldErrors` maps a field (Jira's "customfield_10010") to its message. */
export type TProviderFailure = {
  ok: false;
  outcome: Exclude<TDeliveryOutcome, { kind: "accepted" }>;
  fieldErrors?: Record<string, string>;
};
export type TProviderResult<T> =
  { ok: true; value: T; status: number; response: Record<string, unknown> | null } | TProviderFailure;

export type TTicketSeverity = "critical" | "high" | "medium" | "low" | "none";

export type TCreateIssueInput = {
  title: string;
  body: TTicketDoc;
  severity: TTicketSeverity;
  /** Added to the project's own labels; includes Bumpers' marker label for the problem. */
  labels: string[];
  /** Values for templates in custom fields ({{severity}}, {{check}}, {{cluster}}, {{team}}, {{url}}). */
  templateValues: Record<string, string>;
};

/** A field of Jira's create-metadata for the project and issue type (what the settings form offers). */
export type TCreateField = {
  id: string;
  name: string;
  required: boolean;
  /** Jira's schema type: "string", "number", "array", "option", "user", … */
  type: string;
  allowedValues?: { id: string; name: string }[];
};

export type TProjectOptions = {
  /** Jira: issue types of the project; GitHub: empty. */
  issueTypes: { id: string; name: string }[];
  components: string[];
  priorities: string[];
  /** Jira: fields of the chosen issue type; GitHub: empty. */
  fields: TCreateField[];
  /** GitHub: milestones; Jira: empty. */
  milestones: { number: number; title: string }[];
  /** GitHub: the repository's labels (the settings form suggests them). */
  labels?: string[];
};

export type TTransitionTarget = "done" | "wont_do" | "reopen";

export interface TTicketProvider {
  readonly kind: TTicketConnectionKind;
  /** Who the connection acts as (a test of the credentials; also how its own changes are recognized in webhooks). */
  whoAmI(): Promise<TProviderResult<{ id: string; name: string }>>;
  projectOptions(): Promise<TProviderResult<TProjectOptions>>;
  createIssue(input: TCreateIssueInput): Promise<TProviderResult<TProviderIssue>>;
  /** The issue by key, number or URL (linking an existing ticket, and the state after a change). */
  getIssue(reference: string): Promise<TProviderResult<TProviderIssue>>;
  /** A ticket Bumpers made earlier, by its marker label (after a create whose answer was lost). */
  findByLabel(label: string): Promise<TProviderResult<TProviderIssue | null>>;
  addComment(externalId: string, body: TTicketDoc): Promise<TProviderResult<{ id: string }>>;
  /**
   * Moves the issue: Jira by the transition the project settings name (else the first one into
   * the wanted status category), GitHub by closing as completed / not planned or reopening.
   * The comment goes with the transition (Jira: in the same call).
   */
  transition(externalId: string, to: TTransitionTarget, comment?: TTicketDoc): Promise<TProviderResult<TProviderIssue>>;
  /** Jira: the transitions an issue offers (the settings form lists them). */
  listTransitions(externalId: string): Promise<TProviderResult<{ id: string; name: string; category: TIssueState }[]>>;
  /** Removes a test ticket: Jira deletes it, GitHub closes it as not planned. */
  removeTestIssue(externalId: string): Promise<TProviderResult<void>>;
}

export type TProjectSettings = TJiraProjectSettings | TGithubRepoSettings;

/** What a provider's webhook says happened to one issue (parsed and verified by the provider module). */
export type TInboundTicketEvent = {
  /** The delivery's id (GitHub's X-GitHub-Delivery, Jira's X-Atlassian-Webhook-Identifier): applied once. */
  deliveryId: string;
  externalId: string;
  key: string;
  /** `state`: the issue moved (closed, reopened, transitioned); `comment`: someone commented. */
  kind: "state" | "comment";
  state?: TIssueState;
  status?: string;
  comment?: { id: string; text: string };
  /** Who made the change: a change made by the connection's own account is Bumpers' and is not applied again. */
  actor: { id: string; name: string };
};

/** A webhook request as the route received it. */
export type TWebhookRequest = { headers: Headers; rawBody: string };

/**
 * The answer of a provider's webhook parser: events to apply, `ignored` for deliveries that carry
 * nothing Bumpers follows (a label change, a ping), or `unauthorized` (bad signature: 401, nothing
 * changed).
 */
export type TWebhookParse =
  | { kind: "events"; deliveryId: string; events: TInboundTicketEvent[] }
  | { kind: "ignored"; deliveryId: string; reason: string }
  | { kind: "unauthorized"; reason: string }
  | { kind: "invalid"; reason: string };

/** How a provider is made for one connection (and, for project calls, the project it files into). */
export type TProviderContext = {
  secret: TTicketSecret;
  project: TProjectSettings | null;
  /** Tests and the local demo reach the fakes on loopback (else BUMPERS_ALLOW_PRIVATE_DESTINATIONS). */
  allowPrivate?: boolean;
  timeoutMs?: number;
};
