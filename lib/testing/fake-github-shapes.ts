// GitHub's REST objects as the fake answers them (users, labels, milestones, issues, comments),
// with every field GitHub's OpenAPI description requires: the contract test validates them.

export type TFakeGithubUser = { login: string; id: number; type: "User" | "Bot" };
export type TFakeLabel = { id: number; name: string; color: string; description: string | null };
export type TFakeMilestone = { id: number; number: number; title: string; description: string | null };
export type TFakeComment = { id: number; body: string; user: string; createdAt: string };
export type TFakeIssue = {
  id: number;
  /** "acme/platform" (display case). */
  repo: string;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "duplicate" | "reopened" | null;
  labels: string[];
  assignees: string[];
  milestone: number | null;
  user: string;
  comments: TFakeComment[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
};
export type TFakeRepo = {
  id: number;
  owner: string;
  name: string;
  hasIssues: boolean;
  labels: TFakeLabel[];
  milestones: TFakeMilestone[];
  /** Who may be assigned. */
  collaborators: string[];
};

const nodeId = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString("base64url");
const CREATED = "2026-01-05T09:00:00Z";

export function userJson(base: string, user: TFakeGithubUser) {
  const url = `${base}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId("User", user.id),
    avatar_url: `${base}/avatars/${user.id}`,
    gravatar_id: "",
    url,
    html_url: `${base}/${encodeURIComponent(user.login)}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

/** GET /user: the private view of the authenticated user. */
export function privateUserJson(base: string, user: TFakeGithubUser) {
  return {
    ...userJson(base, user),
    user_view_type: "private",
    name: user.login,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 2,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: CREATED,
    updated_at: CREATED,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

const repoApi = (base: string, repo: string) => `${base}/repos/${repo}`;

export function labelJson(base: string, repo: string, label: TFakeLabel) {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: `${repoApi(base, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

export function milestoneJson(
  base: string,
  repo: string,
  m: TFakeMilestone,
  creator: TFakeGithubUser,
  counts: [number, number],
) {
  return {
    url: `${repoApi(base, repo)}/milestones/${m.number}`,
    html_url: `${base}/${repo}/milestone/${m.number}`,
    labels_url: `${repoApi(base, repo)}/milestones/${m.number}/labels`,
    id: m.id,
    node_id: nodeId("Milestone", m.id),
    number: m.number,
    state: "open",
    title: m.title,
    description: m.description,
    creator: userJson(base, creator),
    open_issues: counts[0],
    closed_issues: counts[1],
    created_at: CREATED,
    updated_at: CREATED,
    closed_at: null,
    due_on: null,
  };
}

export type TShapeContext = {
  base: string;
  user: (login: string) => TFakeGithubUser;
  repo: TFakeRepo;
  milestoneCounts: (number: number) => [number, number];
};

export function issueJson(ctx: TShapeContext, issue: TFakeIssue) {
  const { base, repo } = ctx;
  const api = `${repoApi(base, issue.repo)}/issues/${issue.number}`;
  const labels = issue.labels.map(
    (name) =>
      repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase()) ?? {
        id: 0,
        name,
        color: "ededed",
        description: null,
      },
  );
  const milestone = repo.milestones.find((m) => m.number === issue.milestone);
  const assignees = issue.assignees.map((login) => userJson(base, ctx.user(login)));
  return {
    id: issue.id,
    node_id: nodeId("Issue", issue.id),
    url: api,
    repository_url: repoApi(base, issue.repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${base}/${issue.repo}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(base, ctx.user(issue.user)),
    labels: labels.map((l) => labelJson(base, issue.repo, l)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone
      ? milestoneJson(base, issue.repo, milestone, ctx.user("octocat"), ctx.milestoneCounts(milestone.number))
      : null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closedAt,
    closed_by: issue.closedBy ? userJson(base, ctx.user(issue.closedBy)) : null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: "MEMBER",
  };
}

export function commentJson(base: string, issue: TFakeIssue, comment: TFakeComment, user: TFakeGithubUser) {
  const api = `${repoApi(base, issue.repo)}/issues`;
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url: `${api}/comments/${comment.id}`,
    html_url: `${base}/${issue.repo}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${api}/${issue.number}`,
    body: comment.body,
    user: userJson(base, user),
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
    author_association: "MEMBER",
  };
}

export function repositoryJson(base: string, repo: TFakeRepo, owner: TFakeGithubUser) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: full,
    private: true,
    owner: userJson(base, owner),
    html_url: `${base}/${full}`,
    url: repoApi(base, full),
    has_issues: repo.hasIssues,
  };
}
