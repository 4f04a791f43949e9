import "server-only";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { guardedFetch } from "@/lib/server/outbound/guarded-fetch";
import type { TProviderContext } from "../../provider";
import type { TGithubCredentials } from "../../schemas";

// One Octokit per provider: every request (installation tokens included) goes through the
// destination guard's fetch, and no retry or throttling plugin is loaded: the outbox retries and
// paces, and a worker never sleeps inside a call.

export const GITHUB_API_URL = "https://api.github.com";

export function apiUrlOf(secret: TGithubCredentials): string {
  return (secret.apiUrl ?? GITHUB_API_URL).replace(/\/+$/, "");
}

/** The host of the issue pages people open: github.com for the cloud, the Enterprise host otherwise. */
export function webHostOf(secret: TGithubCredentials): string {
  const host = new URL(apiUrlOf(secret)).host;
  return host === "api.github.com" ? "github.com" : host;
}

export function githubClient(secret: TGithubCredentials, context: Omit<TProviderContext, "secret" | "project">) {
  // Octokit's Fetch type is the DOM fetch; the guard's answers the subset Octokit calls with.
  const fetch = guardedFetch({
    allowPrivate: context.allowPrivate,
    timeoutMs: context.timeoutMs,
  }) as typeof globalThis.fetch;
  // Failures come back as outcomes and are logged by the outbox; Octokit's own error log is noise.
  const quiet = () => undefined;
  const log = { debug: quiet, info: quiet, warn: console.warn, error: quiet };
  const common = {
    log,
    baseUrl: apiUrlOf(secret),
    request: { fetch },
    userAgent: "Bumpers-Tickets/1.0",
  };
  if (secret.auth === "token") return new Octokit({ ...common, auth: secret.token });
  return new Octokit({
    ...common,
    authStrategy: createAppAuth,
    // Octokit hands its own request (base URL and guarded fetch) to the strategy: installation
    // tokens come from POST /app/installations/{id}/access_tokens through the guard too.
    auth: { appId: secret.appId, privateKey: secret.privateKey, installationId: secret.installationId },
  });
}

/** What must never appear in an error text. */
export function secretsOf(secret: TGithubCredentials): string[] {
  return secret.auth === "token" ? [secret.token] : [secret.privateKey];
}
