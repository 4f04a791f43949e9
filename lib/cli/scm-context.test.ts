import { describe, expect, it } from "vitest";
import { repositoryFromRemote, resolveScmContext } from "./scm-context";

describe("repositoryFromRemote", () => {
  it.each([
    ["git@github.com:acme/shop.git", "acme/shop"],
    ["https://github.com/acme/shop.git", "acme/shop"],
    ["https://token@gitlab.example.com/platform/apps/shop.git/", "platform/apps/shop"],
    ["ssh://git@gitlab.example.com:2222/platform/shop.git", "platform/shop"],
    ["/srv/git/shop", null],
    ["", null],
  ])("%s → %s", (remote, expected) => {
    expect(repositoryFromRemote(remote)).toBe(expected);
  });
});

describe("resolveScmContext", () => {
  const none = { repository: null, branch: null, commit: null };

  it("prefers the options, then GitHub Actions' variables, with a pull request's head branch", () => {
    const env = {
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_REF_NAME: "42/merge",
      GITHUB_HEAD_REF: "feature/probes",
      GITHUB_SHA: "a".repeat(40),
    };
    expect(resolveScmContext(none, env, "/", false)).toEqual({
      repository: "acme/shop",
      branch: "feature/probes",
      commit: "a".repeat(40),
    });
    expect(resolveScmContext({ ...none, branch: "main" }, { ...env, GITHUB_HEAD_REF: "" }, "/", false).branch).toBe(
      "main",
    );
  });

  it("reads GitLab CI's variables", () => {
    const env = { CI_PROJECT_PATH: "platform/shop", CI_COMMIT_REF_NAME: "main", CI_COMMIT_SHA: "b".repeat(40) };
    expect(resolveScmContext(none, env, "/", false)).toEqual({
      repository: "platform/shop",
      branch: "main",
      commit: "b".repeat(40),
    });
  });
});
