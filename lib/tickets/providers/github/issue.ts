import type { TIssueState, TProviderIssue } from "../../provider";

// How Bumpers names a GitHub issue: "<owner>/<repo>#<number>" (lower-cased as the externalId, so
// one issue has one id whatever case a person typed; display case as the key), and how a
// reference a person pastes ("acme/payments#12", "#12", "12", the issue's URL) reads.

export type TIssueRef = { owner: string; repo: string; number: number };

const NAME = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
const REPO = "[A-Za-z0-9._-]{1,100}";
const FULL = new RegExp(`^(${NAME})/(${REPO})#(\\d{1,10})$`);
const NUMBER = /^#?(\d{1,10})$/;
const PATH = new RegExp(`^/(${NAME})/(${REPO})/issues/(\\d{1,10})/?$`);

export type TRefParse = { ok: true; ref: TIssueRef } | { ok: false; error: string };

/**
 * A reference as an issue. `defaultRepo` answers "#12"; `webHost` is the only host whose URLs are
 * accepted (github.com, or the Enterprise Server's host).
 */
export function parseIssueRef(
  reference: string,
  defaultRepo: { owner: string; repo: string } | null,
  webHost: string,
): TRefParse {
  const value = reference.trim();
  const full = FULL.exec(value);
  if (full) return { ok: true, ref: { owner: full[1]!, repo: full[2]!, number: Number(full[3]) } };
  const number = NUMBER.exec(value);
  if (number) {
    if (!defaultRepo) return { ok: false, error: "Name the repository too: owner/repo#12." };
    return { ok: true, ref: { ...defaultRepo, number: Number(number[1]) } };
  }
  if (!URL.canParse(value)) return { ok: false, error: "Enter owner/repo#12, #12 or the issue's URL." };
  const url = new URL(value);
  if (url.host.toLowerCase() !== webHost.toLowerCase()) {
    return { ok: false, error: `That link is not on ${webHost}, where this connection's issues are.` };
  }
  const path = PATH.exec(url.pathname);
  if (!path) return { ok: false, error: "That link is not a GitHub issue (…/owner/repo/issues/12)." };
  return { ok: true, ref: { owner: path[1]!, repo: path[2]!, number: Number(path[3]) } };
}

export const externalIdOf = (ref: TIssueRef) => `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
export const keyOf = (ref: TIssueRef) => `${ref.owner}/${ref.repo}#${ref.number}`;

/** Closed as not planned (or as a duplicate) is "won't do"; any other close is done. */
export function stateOf(state: string, reason: string | null | undefined): TIssueState {
  if (state !== "closed") return "open";
  return reason === "not_planned" || reason === "duplicate" ? "wont_do" : "done";
}

export const statusOf = (state: string, reason: string | null | undefined) =>
  state === "closed" && reason ? `closed (${reason})` : state;

/** The fields of GitHub's issue object Bumpers reads. */
export type TGithubIssue = {
  number: number;
  title: string;
  html_url: string;
  state: string;
  state_reason?: string | null;
  labels: (string | { name?: string | null } | null)[];
};

export function toProviderIssue(issue: TGithubIssue, asked: TIssueRef): TProviderIssue {
  // The page's path has the repository's display case (and its new name after a rename).
  const path = URL.canParse(issue.html_url) ? PATH.exec(new URL(issue.html_url).pathname) : null;
  const ref = path ? { owner: path[1]!, repo: path[2]!, number: issue.number } : { ...asked, number: issue.number };
  return {
    externalId: externalIdOf(ref),
    key: keyOf(ref),
    url: issue.html_url,
    title: issue.title,
    state: stateOf(issue.state, issue.state_reason),
    status: statusOf(issue.state, issue.state_reason),
    labels: issue.labels.map((l) => (typeof l === "string" ? l : (l?.name ?? ""))).filter((name) => name !== ""),
  };
}
