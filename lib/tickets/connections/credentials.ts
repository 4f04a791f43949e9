import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/server/errors";
import { ticketProviderFor, type TProviderOptions } from "../provider-seam";
import {
  ZGithubCredentials,
  ZJiraCloudCredentials,
  ZJiraServerCredentials,
  type TTicketConnectionKind,
  type TTicketSecret,
} from "../schemas";

// A ticket connection's sealed secret, its hint and its settings (what lists may show), and the
// sign-in that must work before it is saved: a connection that cannot sign in is useless, and its
// identity is how webhooks recognise Bumpers' own changes.

/** What a ticket connection stores besides its sealed secret. */
export type TTicketConnectionParts = {
  secret: TTicketSecret;
  hint: string;
  settings: Record<string, unknown>;
};

/** 32 random bytes, base64url: the secret webhooks carry (Jira: in the path; GitHub: HMAC key). */
export const newWebhookSecret = () => randomBytes(32).toString("base64url");

const last4 = (value: string) => value.slice(-4);
const hostOf = (url: string) => new URL(url).host;

export function hintOfTicketSecret(s: TTicketSecret): string {
  if (s.kind === "jira_cloud") return `${hostOf(s.siteUrl)} · …${last4(s.apiToken)}`;
  if (s.kind === "jira_server") return `${hostOf(s.baseUrl)} · …${last4(s.personalAccessToken)}`;
  if (s.auth === "app") return `App ${s.appId} · installation ${s.installationId}`;
  return `${s.token.startsWith("github_pat_") ? "github_pat_" : "ghp_"}…${last4(s.token)}`;
}

/** Not secret: where it signs in, as whom. */
function settingsOf(s: TTicketSecret, identity: { id: string; name: string }): Record<string, unknown> {
  if (s.kind === "jira_cloud") return { host: hostOf(s.siteUrl), siteUrl: s.siteUrl, email: s.email, identity };
  if (s.kind === "jira_server") return { host: hostOf(s.baseUrl), baseUrl: s.baseUrl, identity };
  return {
    auth: s.auth,
    ...(s.auth === "app" ? { appId: s.appId, installationId: s.installationId } : {}),
    apiHost: s.apiUrl ? hostOf(s.apiUrl) : "api.github.com",
    identity,
  };
}

const CREDENTIALS = {
  jira_cloud: ZJiraCloudCredentials,
  jira_server: ZJiraServerCredentials,
  github: ZGithubCredentials,
} as const;

/** The credentials of `kind` from raw fields, or field errors named like the form's fields. */
export function ticketCredentialsOf(kind: TTicketConnectionKind, raw: Record<string, unknown>, webhookSecret: string) {
  const parsed = CREDENTIALS[kind].safeParse(raw);
  if (!parsed.success) throw parsed.error;
  return { ...parsed.data, kind, webhookSecret } as TTicketSecret;
}

/**
 * Signs in with the credentials (the provider's whoAmI) and returns what to store; a refusal is
 * the provider's own words, so the admin sees why (a wrong token, an unknown site).
 */
export async function signInTicketConnection(
  secret: TTicketSecret,
  options: TProviderOptions = {},
): Promise<TTicketConnectionParts> {
  const provider = await ticketProviderFor({ secret, project: null }, options);
  const me = await provider.whoAmI();
  if (!me.ok) {
    const status = me.outcome.status ? ` (${me.outcome.status})` : "";
    throw new AppError("bad_request", `Could not sign in${status}: ${me.outcome.error}`);
  }
  return { secret, hint: hintOfTicketSecret(secret), settings: settingsOf(secret, me.value) };
}

/** Raw credential fields of an update merged over the stored ones (empty fields keep them). */
export function mergedCredentials(current: TTicketSecret, update: Record<string, string | undefined>) {
  const given = Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined && v !== ""));
  if (!Object.keys(given).length) return null;
  const { kind: _kind, webhookSecret: _secret, ...stored } = current;
  const base: Record<string, unknown> = { ...stored };
  if (current.kind === "github") {
    // A token replaces an App and the other way round: the fields given say which.
    if (given.token) base.auth = "token";
    else if (given.appId || given.installationId || given.privateKey) base.auth = "app";
  }
  return ticketCredentialsOf(current.kind, { ...base, ...given }, current.webhookSecret);
}
