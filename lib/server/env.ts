import { z } from "zod";

// Every environment variable Bumpers reads is declared here; nothing else reads process.env.
const ZOptionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

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
  /** How invitation mails are sent: `log` writes them to the server log, `none` only shows the link. */
  BUMPERS_MAIL_TRANSPORT: z.enum(["log", "none"]).default("log"),
  BUMPERS_MAIL_FROM: z.string().default("Bumpers <no-reply@bumpers.local>"),
  /** Failed sign-ins allowed per email (and per client address) within the window. */
  BUMPERS_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  BUMPERS_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** bcrypt cost factor for password hashes. */
  BUMPERS_BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
  BUMPERS_INVITATION_TTL_HOURS: z.coerce.number().int().min(1).default(168),
  /** HTTP port of `npm start`. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Port of the embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset. */
  BUMPERS_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
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
