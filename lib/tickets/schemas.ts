import { z } from "zod";

// Inputs of ticket connections, project settings and ticket actions. URLs are checked again by
// the destination guard when used (lib/server/outbound): this is only their shape.

export const TICKET_CONNECTION_KINDS = ["jira_cloud", "jira_server", "github"] as const;
export type TTicketConnectionKind = (typeof TICKET_CONNECTION_KINDS)[number];

export const isTicketConnectionKind = (kind: string): kind is TTicketConnectionKind =>
  (TICKET_CONNECTION_KINDS as readonly string[]).includes(kind);

export const providerOfKind = (kind: TTicketConnectionKind): "jira" | "github" =>
  kind === "github" ? "github" : "jira";

const ZBaseUrl = z
  .string()
  .trim()
  .max(500, "At most 500 characters.")
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "Enter the full https:// address.")
  .transform((v) => v.replace(/\/+$/, ""));

/** Jira Cloud: the site, and an account's email with an API token (id.atlassian.com → Security). */
export const ZJiraCloudCredentials = z.object({
  siteUrl: ZBaseUrl,
  email: z.email("Enter the email of the Atlassian account the token belongs to."),
  apiToken: z.string().trim().min(10, "Paste the API token.").max(500),
});

/** Jira Data Center / Server: the base URL and a personal access token. */
export const ZJiraServerCredentials = z.object({
  baseUrl: ZBaseUrl,
  personalAccessToken: z.string().trim().min(10, "Paste the personal access token.").max(500),
});

/** GitHub: an App installation, or a fine-grained personal access token; Enterprise Server by its API URL. */
export const ZGithubCredentials = z.discriminatedUnion("auth", [
  z.object({
    auth: z.literal("app"),
    appId: z.coerce.number().int().positive("The App ID is a number (the App's settings page)."),
    installationId: z.coerce.number().int().positive("The installation id is a number (in the installation's URL)."),
    privateKey: z
      .string()
      .trim()
      .refine((v) => /-----BEGIN (RSA )?PRIVATE KEY-----/.test(v), "Paste the App's private key (.pem)."),
    apiUrl: ZBaseUrl.optional(),
  }),
  z.object({
    auth: z.literal("token"),
    token: z
      .string()
      .trim()
      .regex(/^(github_pat_|ghp_)[A-Za-z0-9_]{20,255}$/, "A GitHub token starts with github_pat_ (or ghp_)."),
    apiUrl: ZBaseUrl.optional(),
  }),
]);

export type TJiraCloudCredentials = z.output<typeof ZJiraCloudCredentials>;
export type TJiraServerCredentials = z.output<typeof ZJiraServerCredentials>;
export type TGithubCredentials = z.output<typeof ZGithubCredentials>;

/**
 * What a ticket connection's sealed secret holds: the credentials, and the secret that inbound
 * webhooks carry (Jira: in the URL path; GitHub: the HMAC key of X-Hub-Signature-256).
 */
export type TTicketSecret = (
  | ({ kind: "jira_cloud" } & TJiraCloudCredentials)
  | ({ kind: "jira_server" } & TJiraServerCredentials)
  | ({ kind: "github" } & TGithubCredentials)
) & { webhookSecret: string };

const ZLabel = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\s,]+$/, "Labels have no spaces or commas.");
/** A list from an array or from a comma-separated form field. */
const ZList = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(max),
  );

export const SEVERITIES = ["critical", "high", "medium", "low", "none"] as const;

/** A Jira transition the admin picked from the workflow (by name: ids differ between workflows' states). */
const ZTransitionName = z.string().trim().max(100).default("");

export const ZJiraProjectSettings = z.object({
  provider: z.literal("jira"),
  projectKey: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{0,9}$/, "A Jira project key: capital letters and digits, like PAY."),
  issueType: z.string().trim().min(1, "Choose an issue type.").max(100).default("Bug"),
  components: ZList(z.string().trim().min(1).max(255), 20).default([]),
  labels: ZList(ZLabel, 20).default([]),
  /** Jira Cloud: an account id; Data Center: a user name. Empty: the project's default. */
  assignee: z.string().trim().max(128).default(""),
  /** Jira priority name per Bumpers severity ("" leaves Jira's default). */
  priorities: z
    .object(
      Object.fromEntries(SEVERITIES.map((s) => [s, z.string().trim().max(100).default("")])) as {
        [K in (typeof SEVERITIES)[number]]: z.ZodDefault<z.ZodString>;
      },
    )
    .default({ critical: "Highest", high: "High", medium: "Medium", low: "Low", none: "" }),
  /** Custom fields from the project's create-metadata, filled from templates ({{severity}}, {{check}}, …). */
  customFields: z
    .array(
      z.object({
        fieldId: z
          .string()
          .trim()
          .regex(/^customfield_\d+$/, "A custom field id."),
        template: z.string().max(2000),
      }),
    )
    .max(20)
    .default([]),
  doneTransition: ZTransitionName,
  wontDoTransition: ZTransitionName,
  reopenTransition: ZTransitionName,
});

export const ZGithubRepoSettings = z.object({
  provider: z.literal("github"),
  owner: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "A GitHub user or organization name."),
  repo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, "A repository name."),
  labels: ZList(ZLabel, 20).default([]),
  assignees: ZList(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,39}$/, "GitHub user names."),
    10,
  ).default([]),
  milestone: z.coerce.number().int().positive().nullable().default(null),
});

export const ZProjectSettings = z.discriminatedUnion("provider", [ZJiraProjectSettings, ZGithubRepoSettings]);
export type TJiraProjectSettings = z.output<typeof ZJiraProjectSettings>;
export type TGithubRepoSettings = z.output<typeof ZGithubRepoSettings>;

/** Where a team's (or the org default's, teamId null) tickets go. */
export const ZTicketProjectInput = z.object({
  connectionId: z.uuid("Choose a Jira or GitHub connection."),
  settings: ZProjectSettings,
  reopenWhenStillFailing: z.boolean().default(true),
  commentsAsNotes: z.boolean().default(false),
});
export type TTicketProjectInput = z.input<typeof ZTicketProjectInput>;

/**
 * What a ticket is about. A check's findings in the team (optionally one cluster): the default,
 * so 300 pods with one problem are one ticket; a CVE's findings in the team; or findings chosen
 * one by one (a bulk selection, or one finding alone).
 */
export const ZTicketSubject = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("check"),
    source: z.string().min(1).max(100),
    checkId: z.string().min(1).max(300),
    clusterId: z.uuid().nullable().default(null),
  }),
  z.object({ kind: z.literal("cve"), vulnerabilityId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("findings"), findingIds: z.array(z.uuid()).min(1).max(500) }),
]);
export type TTicketSubject = z.output<typeof ZTicketSubject>;

export const ZCreateTicketInput = z.object({
  teamId: z.uuid("Choose a team."),
  subject: ZTicketSubject,
  /** Edited in the preview; empty: the composed title. */
  title: z.string().trim().max(250).default(""),
});
export type TCreateTicketInput = z.input<typeof ZCreateTicketInput>;

/** An existing ticket by key ("PAY-12", "acme/payments#12", "#12") or its URL. */
export const ZLinkTicketInput = z.object({
  teamId: z.uuid("Choose a team."),
  subject: ZTicketSubject,
  reference: z.string().trim().min(1, "Enter the ticket's key or URL.").max(500),
});
export type TLinkTicketInput = z.input<typeof ZLinkTicketInput>;

export const ZTicketId = z.uuid("Not a ticket id.");
