import { execFileSync } from "node:child_process";

export type TScmContext = { repository: string | null; branch: string | null; commit: string | null };

type TEnv = Readonly<Record<string, string | undefined>>;

function fromEnv(env: TEnv, ...names: string[]): string | null {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return null;
}

function git(cwd: string, args: string[]): string | null {
  try {
    const output = execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"], timeout: 5000 });
    const value = output.toString("utf8").trim();
    return value === "" ? null : value;
  } catch {
    // No git, or not a repository: the caller says which option to pass instead.
    return null;
  }
}

/** `git@github.com:acme/shop.git`, `https://github.com/acme/shop.git` → `acme/shop` (GitLab subgroups kept). */
export function repositoryFromRemote(remote: string): string | null {
  const trimmed = remote
    .trim()
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  const scpLike = /^[^@/\s]+@[^:/\s]+:(.+)$/.exec(trimmed);
  let repositoryPath: string | null = scpLike ? scpLike[1] : null;
  if (!repositoryPath) {
    try {
      repositoryPath = new URL(trimmed).pathname;
    } catch {
      return null;
    }
  }
  const cleaned = repositoryPath.replace(/^\/+/, "");
  return cleaned.includes("/") ? cleaned : null;
}

/**
 * The repository, branch and commit a CI run is about: the options first, then GitHub Actions' and
 * GitLab CI's variables, then the local git checkout. Pull requests use the head branch's name.
 */
export function resolveScmContext(given: TScmContext, env: TEnv, cwd: string, useGit: boolean = true): TScmContext {
  const repository =
    given.repository ??
    fromEnv(env, "GITHUB_REPOSITORY", "CI_PROJECT_PATH") ??
    (useGit ? repositoryFromRemote(git(cwd, ["config", "--get", "remote.origin.url"]) ?? "") : null);
  const gitBranch = useGit ? git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]) : null;
  const branch =
    given.branch ??
    fromEnv(env, "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME") ??
    // A detached checkout (common in CI) has no branch name to report.
    (gitBranch === "HEAD" ? null : gitBranch);
  const commit =
    given.commit ?? fromEnv(env, "GITHUB_SHA", "CI_COMMIT_SHA") ?? (useGit ? git(cwd, ["rev-parse", "HEAD"]) : null);
  return { repository, branch, commit };
}
