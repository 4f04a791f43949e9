import "server-only";
import type {
  TIssueState,
  TProviderContext,
  TProviderFailure,
  TProviderIssue,
  TProviderResult,
  TTicketProvider,
  TTransitionTarget,
} from "../../provider";
import type { TTicketDoc } from "../../document";
import type { TGithubCredentials, TGithubRepoSettings } from "../../schemas";
import { githubClient, secretsOf, webHostOf } from "./client";
import { githubFailure, type TCallScope } from "./errors";
import { parseIssueRef, toProviderIssue, type TGithubIssue, type TIssueRef } from "./issue";
import { toMarkdown } from "./markdown";

export { parseGithubWebhook } from "./webhook";

// GitHub Issues for one connection (a token or an App installation) and, for project calls, one
// repository. Every method answers a result; a failed call is an outcome the outbox records.

type TAnswer<T> = { status: number; data: T };

/** Closing as completed / not planned, or reopening: the PATCH body and the state it leads to. */
const TARGETS: Record<
  TTransitionTarget,
  { body: { state: "open" | "closed"; state_reason: string }; state: TIssueState }
> = {
  done: { body: { state: "closed", state_reason: "completed" }, state: "done" },
  wont_do: { body: { state: "closed", state_reason: "not_planned" }, state: "wont_do" },
  reopen: { body: { state: "open", state_reason: "reopened" }, state: "open" },
};

const TRANSITIONS = [
  { id: "done", name: "Close as completed", category: "done" },
  { id: "wont_do", name: "Close as not planned", category: "wont_do" },
  { id: "reopen", name: "Reopen", category: "open" },
] as const;

const asRecord = (data: unknown) => (data && typeof data === "object" ? (data as Record<string, unknown>) : null);

function rejected(error: string): TProviderFailure {
  return { ok: false, outcome: { kind: "rejected", status: 400, response: null, error } };
}

export function createGithubProvider(context: TProviderContext): TTicketProvider {
  if (context.secret.kind !== "github") throw new Error("createGithubProvider needs a GitHub connection.");
  const secret: TGithubCredentials = context.secret;
  const project = context.project?.provider === "github" ? (context.project as TGithubRepoSettings) : null;
  const octokit = githubClient(secret, context);
  const secrets = secretsOf(secret);
  const webHost = webHostOf(secret);

  async function call<TData, T>(
    scope: Omit<TCallScope, "secrets">,
    run: () => Promise<TAnswer<TData>>,
    map: (data: TData) => T,
  ): Promise<TProviderResult<T>> {
    try {
      const answer = await run();
      return { ok: true, value: map(answer.data), status: answer.status, response: asRecord(answer.data) };
    } catch (error) {
      return githubFailure(error, { ...scope, secrets });
    }
  }

  const refOf = (reference: string) =>
    parseIssueRef(reference, project ? { owner: project.owner, repo: project.repo } : null, webHost);
  const repoName = (ref: { owner: string; repo: string }) => `${ref.owner}/${ref.repo}`;
  const issueParams = (ref: TIssueRef) => ({ owner: ref.owner, repo: ref.repo, issue_number: ref.number });

  const readIssue = (ref: TIssueRef) =>
    call(
      { repo: repoName(ref) },
      () => octokit.rest.issues.get(issueParams(ref)),
      (data) => toProviderIssue(data as TGithubIssue, ref),
    );

  async function comment(ref: TIssueRef, body: string) {
    return call(
      { repo: repoName(ref) },
      () => octokit.rest.issues.createComment({ ...issueParams(ref), body }),
      (data) => ({ id: String(data.id) }),
    );
  }

  async function transition(
    externalId: string,
    to: TTransitionTarget,
    note?: TTicketDoc,
  ): Promise<TProviderResult<TProviderIssue>> {
    const parsed = refOf(externalId);
    if (!parsed.ok) return rejected(parsed.error);
    const { ref } = parsed;
    const target = TARGETS[to];
    // Safe to retry: read first and change only what is not yet so, then comment. A retry after
    // a failed comment does not close twice; a retry after a failed PATCH posts one comment.
    let issue: TProviderResult<TProviderIssue> = await readIssue(ref);
    if (!issue.ok) return issue;
    if (issue.value.state !== target.state) {
      issue = await call(
        { repo: repoName(ref) },
        () =>
          octokit.rest.issues.update({ ...issueParams(ref), ...target.body } as Parameters<
            typeof octokit.rest.issues.update
          >[0]),
        (data) => toProviderIssue(data as TGithubIssue, ref),
      );
      if (!issue.ok) return issue;
    }
    if (note) {
      const posted = await comment(ref, toMarkdown(note));
      if (!posted.ok) return posted;
    }
    return issue;
  }

  return {
    kind: "github",

    async whoAmI() {
      if (secret.auth === "token") {
        return call(
          { whoAmI: true },
          () => octokit.rest.users.getAuthenticated(),
          (data) => ({ id: data.login, name: data.login }),
        );
      }
      // GET /app with the App's JWT: its bot account ("<slug>[bot]") is who its changes come from.
      return call(
        { whoAmI: true },
        () => octokit.rest.apps.getAuthenticated(),
        (data) => {
          const bot = `${data?.slug ?? data?.name ?? secret.appId}[bot]`;
          return { id: bot, name: bot };
        },
      );
    },

    async projectOptions() {
      if (!project) return rejected("Choose a repository first.");
      const scope = { repo: repoName(project) };
      const where = { owner: project.owner, repo: project.repo, per_page: 100 };
      const milestones = await call(
        scope,
        () => octokit.rest.issues.listMilestones({ ...where, state: "open" }),
        (data) => data.map((m) => ({ number: m.number, title: m.title })),
      );
      if (!milestones.ok) return milestones;
      const labels = await call(
        scope,
        () => octokit.rest.issues.listLabelsForRepo(where),
        (data) => data.map((l) => l.name),
      );
      if (!labels.ok) return labels;
      return {
        ...labels,
        // GitHub has no issue types, components, priorities or create fields: what its settings
        // form offers is the repository's labels (suggested for "labels") and its open milestones.
        value: {
          issueTypes: [],
          components: [],
          priorities: [],
          fields: [],
          milestones: milestones.value,
          labels: labels.value,
        },
      };
    },

    async createIssue(input) {
      if (!project) return rejected("Choose a repository first.");
      const labels = [...new Set([...project.labels, ...input.labels])];
      const ref = { owner: project.owner, repo: project.repo, number: 0 };
      return call(
        { repo: repoName(project) },
        () =>
          octokit.rest.issues.create({
            owner: project.owner,
            repo: project.repo,
            title: input.title,
            body: toMarkdown(input.body),
            labels,
            ...(project.assignees.length ? { assignees: project.assignees } : {}),
            ...(project.milestone ? { milestone: project.milestone } : {}),
          }),
        (data) => toProviderIssue(data as TGithubIssue, ref),
      );
    },

    async getIssue(reference) {
      const parsed = refOf(reference);
      return parsed.ok ? readIssue(parsed.ref) : rejected(parsed.error);
    },

    async findByLabel(label) {
      if (!project) return rejected("Choose a repository first.");
      const ref = { owner: project.owner, repo: project.repo, number: 0 };
      return call(
        { repo: repoName(project) },
        // A few, not one: the list has pull requests too, and a labelled PR must not hide the issue.
        () =>
          octokit.rest.issues.listForRepo({
            owner: ref.owner,
            repo: ref.repo,
            labels: label,
            state: "all",
            per_page: 10,
          }),
        (data): TProviderIssue | null => {
          const issue = data.find((i) => !i.pull_request);
          return issue ? toProviderIssue(issue as TGithubIssue, ref) : null;
        },
      );
    },

    async addComment(externalId, body) {
      const parsed = refOf(externalId);
      return parsed.ok ? comment(parsed.ref, toMarkdown(body)) : rejected(parsed.error);
    },

    transition,

    async listTransitions() {
      return { ok: true, value: TRANSITIONS.map((t) => ({ ...t })), status: 200, response: null };
    },

    async removeTestIssue(externalId) {
      const closed = await transition(externalId, "wont_do");
      return closed.ok ? { ...closed, value: undefined } : closed;
    },
  };
}
