import type { TProjectSettings } from "../provider";

/** "PAY · Bug", "acme/payments": where tickets go, in a few characters (tables, summaries). */
export function projectTarget(settings: TProjectSettings): string {
  return settings.provider === "jira"
    ? `${settings.projectKey} · ${settings.issueType}`
    : `${settings.owner}/${settings.repo}`;
}
