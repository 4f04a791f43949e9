import type { TFakeGithubUser, TFakeIssue, TFakeRepo } from "./fake-github-shapes";

// The fake GitHub's data: seeded repositories (acme/platform, acme/payments; acme/archive has
// issues turned off), their issues and comments, and GitHub's validation of what is sent. Every
// state change and comment is announced, whoever made it, so the server can deliver webhooks.

export type TCloseReason = "completed" | "not_planned" | "duplicate";
export type TFakeChange = { kind: "opened" | "closed" | "reopened" | "comment"; issue: TFakeIssue; by: string };
export type TValidationError = { resource: string; field: string; code: string; value?: unknown; message?: string };
/** An issue as a previous run of the fake had it. */
export type TFakeRestore = {
  number: number;
  title: string;
  state: "open" | "closed";
  stateReason?: TCloseReason | null;
  labels: string[];
  /** Who opened it (the token's user). */
  by: string;
};
type TResult = { ok: true; issue: TFakeIssue } | { ok: false; errors: TValidationError[] };

const BODY_LIMIT = 65_536;
const REASONS = ["completed", "not_planned", "duplicate", "reopened"];

function seedRepos(): TFakeRepo[] {
  const labels = (start: number) => [
    { id: start + 1, name: "bug", color: "d73a4a", description: "Something isn't working" },
    { id: start + 2, name: "security", color: "b60205", description: "Security hardening" },
    { id: start + 3, name: "bumpers", color: "0e8a16", description: "Filed by Bumpers" },
  ];
  const collaborators = ["octocat", "bumpers-dev", "alice", "bob"];
  return [
    {
      id: 101,
      owner: "acme",
      name: "platform",
      hasIssues: true,
      labels: labels(1000),
      milestones: [{ id: 501, number: 1, title: "Q1 hardening", description: "Guardrails for Q1" }],
      collaborators,
    },
    {
      id: 102,
      owner: "acme",
      name: "payments",
      hasIssues: true,
      labels: labels(2000),
      milestones: [{ id: 502, number: 1, title: "PCI audit", description: null }],
      collaborators,
    },
    { id: 103, owner: "acme", name: "archive", hasIssues: false, labels: [], milestones: [], collaborators },
  ];
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export function createFakeGithubStore() {
  let repos = seedRepos();
  let issues: TFakeIssue[] = [];
  let nextId = 1;
  const users = new Map<string, TFakeGithubUser>();
  const listeners: ((change: TFakeChange) => void)[] = [];
  const emit = (change: TFakeChange) => listeners.forEach((l) => l(change));

  const repo = (fullName: string) =>
    repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === fullName.toLowerCase()) ?? null;

  /** What GitHub's issue validation says about title, body, labels, assignees and milestone. */
  function validate(r: TFakeRepo, input: Record<string, unknown>, creating: boolean): TValidationError[] {
    const errors: TValidationError[] = [];
    if (creating && (typeof input.title !== "string" || !input.title.trim()))
      errors.push({ resource: "Issue", field: "title", code: "missing_field" });
    if (typeof input.title === "string" && input.title.length > 256) {
      errors.push({
        resource: "Issue",
        field: "title",
        code: "custom",
        message: "title is too long (maximum is 256 characters)",
      });
    }
    if (typeof input.body === "string" && input.body.length > BODY_LIMIT) {
      errors.push({
        resource: "Issue",
        field: "body",
        code: "custom",
        message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
      });
    }
    for (const login of Array.isArray(input.assignees) ? input.assignees : []) {
      if (!r.collaborators.includes(String(login)))
        errors.push({ resource: "Issue", field: "assignees", code: "invalid", value: String(login) });
    }
    if (
      input.labels !== undefined &&
      (!Array.isArray(input.labels) || input.labels.some((l) => typeof l !== "string" || !l.trim()))
    ) {
      errors.push({ resource: "Label", field: "name", code: "invalid" });
    }
    if (
      input.milestone !== undefined &&
      input.milestone !== null &&
      !r.milestones.some((m) => m.number === Number(input.milestone))
    ) {
      errors.push({ resource: "Issue", field: "milestone", code: "invalid", value: String(input.milestone) });
    }
    if (input.state !== undefined && input.state !== "open" && input.state !== "closed") {
      errors.push({ resource: "Issue", field: "state", code: "invalid", value: String(input.state) });
    }
    if (
      input.state_reason !== undefined &&
      input.state_reason !== null &&
      !REASONS.includes(String(input.state_reason))
    ) {
      errors.push({ resource: "Issue", field: "state_reason", code: "invalid", value: String(input.state_reason) });
    }
    return errors;
  }

  function setState(
    issue: TFakeIssue,
    state: "open" | "closed",
    reason: TFakeIssue["stateReason"],
    by: string,
  ): TFakeIssue {
    const changed = issue.state !== state;
    issue.state = state;
    issue.stateReason = state === "closed" ? (reason ?? "completed") : changed ? "reopened" : issue.stateReason;
    issue.closedAt = state === "closed" ? (changed ? now() : issue.closedAt) : null;
    issue.closedBy = state === "closed" ? by : null;
    issue.updatedAt = now();
    if (changed) emit({ kind: state === "closed" ? "closed" : "reopened", issue, by });
    return issue;
  }

  return {
    repo,
    user(login: string, type: "User" | "Bot"): TFakeGithubUser {
      const known = users.get(login) ?? { login, id: 9000 + users.size, type };
      users.set(login, known);
      return known;
    },
    all: () => [...issues],
    issue: (fullName: string, number: number) => {
      const r = repo(fullName);
      return r ? (issues.find((i) => i.repo === `${r.owner}/${r.name}` && i.number === number) ?? null) : null;
    },
    milestoneCounts: (r: TFakeRepo, number: number): [number, number] => {
      const of = issues.filter((i) => i.repo === `${r.owner}/${r.name}` && i.milestone === number);
      return [of.filter((i) => i.state === "open").length, of.filter((i) => i.state === "closed").length];
    },
    /** GET …/issues: newest first, by state and labels (all must match), paged. */
    list(r: TFakeRepo, query: URLSearchParams): TFakeIssue[] {
      const state = query.get("state") ?? "open";
      const labels = (query.get("labels") ?? "")
        .split(",")
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean);
      const perPage = Math.min(100, Number(query.get("per_page") ?? 30) || 30);
      const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
      return issues
        .filter((i) => i.repo === `${r.owner}/${r.name}`)
        .filter((i) => state === "all" || i.state === state)
        .filter((i) => labels.every((l) => i.labels.some((own) => own.toLowerCase() === l)))
        .sort((a, b) => b.number - a.number)
        .slice((page - 1) * perPage, page * perPage);
    },
    create(r: TFakeRepo, body: unknown, by: string): TResult {
      const input = (body ?? {}) as Record<string, unknown>;
      const errors = validate(r, input, true);
      if (errors.length) return { ok: false, errors };
      const at = now();
      const full = `${r.owner}/${r.name}`;
      const issue: TFakeIssue = {
        id: 1_000_000 + nextId++,
        repo: full,
        // After the highest, not the count: restored issues may leave gaps.
        number: Math.max(0, ...issues.filter((i) => i.repo === full).map((i) => i.number)) + 1,
        title: String(input.title),
        body: typeof input.body === "string" ? input.body : null,
        state: "open",
        stateReason: null,
        labels: [...new Set((input.labels as string[] | undefined) ?? [])],
        assignees: (input.assignees as string[] | undefined) ?? [],
        milestone: input.milestone ? Number(input.milestone) : null,
        user: by,
        comments: [],
        createdAt: at,
        updatedAt: at,
        closedAt: null,
        closedBy: null,
      };
      issues.push(issue);
      emit({ kind: "opened", issue, by });
      return { ok: true, issue };
    },
    update(r: TFakeRepo, issue: TFakeIssue, body: unknown, by: string): TResult {
      const input = (body ?? {}) as Record<string, unknown>;
      const errors = validate(r, input, false);
      if (errors.length) return { ok: false, errors };
      if (typeof input.title === "string") issue.title = input.title;
      if (typeof input.body === "string") issue.body = input.body;
      if (Array.isArray(input.labels)) issue.labels = input.labels.map(String);
      const reason = (input.state_reason as TFakeIssue["stateReason"] | undefined) ?? null;
      if (input.state === "open" || input.state === "closed") setState(issue, input.state, reason, by);
      else if (issue.state === "closed" && reason && reason !== "reopened") issue.stateReason = reason;
      issue.updatedAt = now();
      return { ok: true, issue };
    },
    /** Puts back an issue a previous run of the fake had, silently (no webhook), replacing one of that number. */
    restore(r: TFakeRepo, given: TFakeRestore): TFakeIssue {
      const full = `${r.owner}/${r.name}`;
      const at = now();
      const closed = given.state === "closed";
      const issue: TFakeIssue = {
        id: 1_000_000 + nextId++,
        repo: full,
        number: given.number,
        title: given.title,
        body: null,
        state: given.state,
        stateReason: closed ? (given.stateReason ?? "completed") : null,
        labels: [...new Set(given.labels)],
        assignees: [],
        milestone: null,
        user: given.by,
        comments: [],
        createdAt: at,
        updatedAt: at,
        closedAt: closed ? at : null,
        closedBy: closed ? given.by : null,
      };
      issues = [...issues.filter((i) => !(i.repo === full && i.number === given.number)), issue];
      return issue;
    },
    setState,
    addComment(issue: TFakeIssue, body: string, by: string) {
      issue.comments.push({ id: 5_000_000 + nextId++, body, user: by, createdAt: now() });
      issue.updatedAt = now();
      emit({ kind: "comment", issue, by });
    },
    onChange: (listener: (change: TFakeChange) => void) => listeners.push(listener),
    reset() {
      repos = seedRepos();
      issues = [];
    },
  };
}
