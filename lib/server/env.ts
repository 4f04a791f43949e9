import { z } from "zod";
import { isProxyAddress } from "./proxy-address";
import { parseByteSize } from "./byte-size";

// Every environment variable Bumpers reads is declared here; nothing else reads process.env.
const ZOptionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const KEY_HELP =
  "must be 32 random bytes written as 64 hex characters or in base64, e.g. the output of " +
  `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

/** A 256-bit key given as hex or base64 (standard or URL-safe), decoded to its bytes. */
const ZEncryptionKey = (name: string) =>
  ZOptionalString.transform((value, ctx): Buffer | undefined => {
    if (value === undefined) return undefined;
    const bytes = /^[0-9a-fA-F]{64}$/.test(value)
      ? Buffer.from(value, "hex")
      : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
        ? Buffer.from(value, "base64")
        : null;
    if (bytes?.length === 32) return bytes;
    ctx.addIssue({ code: "custom", message: `${name} ${KEY_HELP} (got ${value.length} characters).` });
    return undefined;
  });

/** A size such as `10GB` or `500MB` (binary units) or plain bytes, parsed to bytes; 0 = no limit. */
const ZByteSize = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((value, ctx): number => {
      const bytes = parseByteSize(value || fallback);
      if (bytes !== null) return bytes;
      ctx.addIssue({ code: "custom", message: `${name} must be a size such as 10GB, 500MB or 0 (got "${value}").` });
      return 0;
    });

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. `npm start` sets it to the embedded server when unset. */
  DATABASE_URL: ZOptionalString,
  /** Signs session JWTs. `npm start` generates one into .data/ when unset. */
  NEXTAUTH_SECRET: ZOptionalString,
  /** Public base URL of the app, used in invitation links. */
  NEXTAUTH_URL: ZOptionalString,
  GITHUB_ID: ZOptionalString,
  GITHUB_SECRET: ZOptionalString,
  GOOGLE_CLIENT_ID: ZOptionalString,
  GOOGLE_CLIENT_SECRET: ZOptionalString,
  /**
   * How mails are sent (invitations, sign-up links, notifications): `smtp` through the SMTP_* server,
   * `log` writes them to the server log, `none` drops them.
   */
  BUMPERS_MAIL_TRANSPORT: z.enum(["smtp", "log", "none"]).default("log"),
  BUMPERS_MAIL_FROM: z.string().default("Bumpers <no-reply@bumpers.local>"),
  /** The SMTP server in one URL: `smtp://user:password@host:587` (STARTTLS) or `smtps://…:465` (TLS). */
  SMTP_URL: ZOptionalString.refine((v) => v === undefined || /^smtps?:\/\/[^/]/i.test(v), {
    message: "SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:password@mail.example.com:587).",
  }),
  /** Or the SMTP server by parts (SMTP_URL wins when both are set). */
  SMTP_HOST: ZOptionalString,
  /** Default: 465 with SMTP_SECURE, else 587. */
  SMTP_PORT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  /** `true`: TLS from the first byte (port 465). `false`: plain connection upgraded with STARTTLS. */
  SMTP_SECURE: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** STARTTLS on a plain connection: `opportunistic` (when offered), `require` (refuse to send without it), `off`. */
  SMTP_STARTTLS: z
    .enum(["opportunistic", "require", "off", ""])
    .default("opportunistic")
    .transform((v) => v || "opportunistic"),
  SMTP_USER: ZOptionalString,
  SMTP_PASSWORD: ZOptionalString,
  /** Failed sign-ins allowed per (email, client address) within the window; 4× that per address. */
  BUMPERS_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  BUMPERS_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /**
   * Failed sign-ins allowed per email from all addresses together within the account window;
   * reaching it locks the account everywhere and mails its owner a single-use unlock link.
   */
  BUMPERS_SIGNIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(50),
  BUMPERS_SIGNIN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** Hours a session lasts without a visit; each visit to the app renews it (sliding expiry). */
  BUMPERS_SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** Sign-up requests per hour per client address; 0 turns the limit off. */
  BUMPERS_RATE_LIMIT_SIGNUP_PER_HOUR: z.coerce.number().int().min(0).default(10),
  /** Sign-up requests per hour per email domain (all addresses together); 0 turns the limit off. */
  BUMPERS_RATE_LIMIT_SIGNUP_DOMAIN_PER_HOUR: z.coerce.number().int().min(0).default(50),
  /** Sign-up requests per hour per email address (each mails it); 0 turns the limit off. */
  BUMPERS_RATE_LIMIT_SIGNUP_EMAIL_PER_HOUR: z.coerce.number().int().min(0).default(3),
  /** Requests per minute per org API token (/api/v1, fleet install); 0 turns the limit off. */
  BUMPERS_RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Report uploads per minute per cluster token (an agent sends about ten per run). */
  BUMPERS_RATE_LIMIT_INGEST_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Admission reviews per minute per cluster token; a rollout or a node drain sends bursts. */
  BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  /** Sign-in attempts per minute per client address, on top of the failed-attempt lock per account. */
  BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /**
   * Reverse proxies whose X-Forwarded-For / X-Real-IP are believed: IP addresses or CIDR blocks,
   * comma-separated. Empty (the default): forwarding headers are ignored, and per-address limits
   * do not apply (lib/auth/client-ip.ts says why).
   */
  BUMPERS_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const entries = v.split(/[\s,]+/).filter(Boolean);
      const bad = entries.filter((e) => !isProxyAddress(e));
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `BUMPERS_TRUSTED_PROXIES: not an IP address or CIDR block: ${bad.join(", ")}`,
        });
      }
      return entries;
    }),
  /** Invitations (new and renewed) per hour per organization. */
  BUMPERS_RATE_LIMIT_INVITATIONS_PER_HOUR: z.coerce.number().int().min(0).default(100),
  /**
   * Per-organization quotas (defaults; the operator overrides them per org with `npm run org:quota`).
   * Clusters an organization may have; 0 = no limit.
   */
  BUMPERS_QUOTA_CLUSTERS: z.coerce.number().int().min(0).default(100),
  /** Raw report bytes an organization may store per UTC day (uploads past it: 429 until midnight UTC). */
  BUMPERS_QUOTA_REPORT_BYTES_PER_DAY: ZByteSize("BUMPERS_QUOTA_REPORT_BYTES_PER_DAY", "10GB"),
  /** Raw report bytes an organization may hold in total (uploads past it: 413 until retention frees room). */
  BUMPERS_QUOTA_REPORT_BYTES_TOTAL: ZByteSize("BUMPERS_QUOTA_REPORT_BYTES_TOTAL", "200GB"),
  /** Days raw reports are kept (the last processed one per cluster and type always is); 0 = forever. */
  BUMPERS_RETENTION_REPORT_DAYS: z.coerce.number().int().min(0).default(30),
  /** Days finding history is kept (a finding's "opened" event and notes always are); 0 = forever. */
  BUMPERS_RETENTION_FINDING_EVENT_DAYS: z.coerce.number().int().min(0).default(365),
  /** Days the PagerDuty delivery log keeps sent and failed events; 0 = forever. */
  BUMPERS_RETENTION_DELIVERY_LOG_DAYS: z.coerce.number().int().min(0).default(90),
  /** Days the admission decision log is kept; 0 = forever. */
  BUMPERS_RETENTION_ADMISSION_LOG_DAYS: z.coerce.number().int().min(0).default(90),
  /** Days CI scans, fixed CI findings and branches no longer scanned are kept; 0 = forever. */
  BUMPERS_RETENTION_CI_DAYS: z.coerce.number().int().min(0).default(90),
  /** bcrypt cost factor for password hashes. */
  BUMPERS_BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
  BUMPERS_INVITATION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
  /** HTTP port of `npm start`. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Port of the embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset. */
  BUMPERS_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Whether `npm start` runs the worker beside the app (reports, jobs, PagerDuty delivery). */
  BUMPERS_START_WORKER: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Seed the demo organization "Acme" on first start. */
  BUMPERS_DEMO_SEED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Password of the demo users; a random one is generated (and printed) when unset. */
  BUMPERS_DEMO_PASSWORD: ZOptionalString,
  BUMPERS_INIT_ORG_SLUG: ZOptionalString,
  BUMPERS_INIT_ORG_NAME: ZOptionalString,
  BUMPERS_INIT_USER_EMAIL: ZOptionalString,
  BUMPERS_INIT_USER_PASSWORD: ZOptionalString,
  BUMPERS_INIT_ORG_TOKEN: ZOptionalString,
  /**
   * Encrypts secrets kept readable at rest (cluster agent tokens for fleet installs). `npm start`
   * generates one into .data/ when unset.
   */
  BUMPERS_ENCRYPTION_KEY: ZEncryptionKey("BUMPERS_ENCRYPTION_KEY"),
  /** The key before a change of BUMPERS_ENCRYPTION_KEY: still accepted for reading. */
  BUMPERS_ENCRYPTION_KEY_PREVIOUS: ZEncryptionKey("BUMPERS_ENCRYPTION_KEY_PREVIOUS"),
  /**
   * Base URL of the PagerDuty Events API v2 (events go to `<url>/v2/enqueue`). `npm start` runs the
   * local fake PagerDuty and points here when unset.
   */
  PAGERDUTY_EVENTS_URL: z
    .string()
    .trim()
    .default("https://events.pagerduty.com")
    .transform((v) => (v || "https://events.pagerduty.com").replace(/\/+$/, "")),
  /**
   * Lets notification destinations (webhook URLs an admin types, the Slack API URL) be private,
   * loopback or CGNAT addresses, and plain http on loopback; for local fakes and on-premises
   * receivers. Link-local and cloud metadata addresses stay refused either way.
   */
  BUMPERS_ALLOW_PRIVATE_DESTINATIONS: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /**
   * The readable pages of the local fakes `npm start` runs (Slack, Microsoft Teams, the inbox, a
   * webhook receiver, Jira, GitHub): set by it while they run, linked from Settings → Integrations.
   * Unset: no link. The Jira and GitHub ones are also the fakes' base URLs the demo seed connects to.
   */
  BUMPERS_DEMO_SLACK_URL: ZOptionalString,
  BUMPERS_DEMO_TEAMS_URL: ZOptionalString,
  BUMPERS_DEMO_INBOX_URL: ZOptionalString,
  BUMPERS_DEMO_WEBHOOK_URL: ZOptionalString,
  BUMPERS_DEMO_JIRA_URL: ZOptionalString,
  BUMPERS_DEMO_GITHUB_URL: ZOptionalString,
  /** The person the demo's local identity provider knows: set by `npm start`; the sign-in page explains how to use it. */
  BUMPERS_DEMO_SSO_EMAIL: ZOptionalString,
  /** Base URL of Slack's Web API (methods are posted to `<url>/<method>`); tests and the demo point it at the fake. */
  SLACK_API_URL: z
    .string()
    .trim()
    .default("https://slack.com/api/")
    .transform((v) => `${(v || "https://slack.com/api/").replace(/\/+$/, "")}/`),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** Parsed once, lazily, so that `next build` does not need runtime secrets. */
export function env(): TEnv {
  cached ??= ZEnv.parse(process.env);
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
