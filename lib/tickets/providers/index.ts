import "server-only";
import type { TProviderContext, TTicketProvider, TWebhookParse, TWebhookRequest } from "../provider";
import { createGithubProvider, parseGithubWebhook } from "./github";
import { createJiraProvider, parseJiraWebhook } from "./jira";

/** The provider for a connection's secret (and the project it files into, when known). */
export function providerFor(context: TProviderContext): TTicketProvider {
  return context.secret.kind === "github" ? createGithubProvider(context) : createJiraProvider(context);
}

/**
 * Verifies and reads a webhook delivery. Jira's secret arrives in the URL path (the route has
 * checked it); GitHub's signs the body (X-Hub-Signature-256), checked here.
 */
export async function parseWebhook(
  kind: "jira" | "github",
  request: TWebhookRequest,
  webhookSecret: string,
): Promise<TWebhookParse> {
  return kind === "github" ? parseGithubWebhook(request, webhookSecret) : parseJiraWebhook(request, webhookSecret);
}
