import type { TProviderFailure, TProviderIssue } from "../../provider";
import { stateOf } from "./state";

// Jira's issue JSON (the fields Bumpers reads) as a provider issue, and a reference people paste
// ("PAY-12", "pay-12", "https://acme.atlassian.net/browse/PAY-12") as an issue key or id.

/** The fields Bumpers reads back (GET /issue/{id}?fields=…, search). */
export const ISSUE_FIELDS = ["summary", "status", "labels", "resolution"] as const;

export type TJiraIssueJson = {
  id: string;
  key: string;
  fields?: {
    summary?: string;
    labels?: string[];
    status?: { name?: string; statusCategory?: { key?: string } };
    resolution?: { name?: string } | null;
  };
};

export function toIssue(site: string, raw: TJiraIssueJson): TProviderIssue {
  const fields = raw.fields ?? {};
  return {
    externalId: String(raw.id),
    key: raw.key,
    url: `${site}/browse/${raw.key}`,
    title: fields.summary ?? "",
    state: stateOf(fields.status?.statusCategory?.key, fields.resolution?.name),
    status: fields.status?.name ?? "",
    labels: fields.labels ?? [],
  };
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

const refused = (error: string): TProviderFailure => ({
  ok: false,
  outcome: { kind: "rejected", status: 400, response: null, error },
});

/** The key (or numeric id) a reference names, or a refusal people can act on. */
export function parseReference(site: string, reference: string): { idOrKey: string } | TProviderFailure {
  const trimmed = reference.trim();
  if (KEY.test(trimmed)) return { idOrKey: trimmed.toUpperCase() };
  if (/^\d+$/.test(trimmed)) return { idOrKey: trimmed };
  if (!URL.canParse(trimmed)) return refused("Enter an issue key like PAY-12, or the issue's link.");
  const url = new URL(trimmed);
  if (url.host.toLowerCase() !== new URL(site).host.toLowerCase()) {
    return refused(`That link is not on this Jira site (${new URL(site).host}).`);
  }
  const key = /\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)/.exec(url.pathname)?.[1] ?? url.searchParams.get("selectedIssue");
  if (!key || !KEY.test(key)) return refused("That link does not name an issue (it should end in /browse/PAY-12).");
  return { idOrKey: key.toUpperCase() };
}
