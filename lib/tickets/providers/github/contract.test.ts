import { beforeAll, describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeGithub, type TFakeGithubRequest } from "@/lib/testing/fake-github";
import { paragraph, text } from "../../document";
import type { TProviderContext } from "../../provider";
import { createGithubProvider } from ".";
import { loadGithubOpenApi, operationFor, requestSchema, responseSchema, validatorFor, type TOpenApi } from "./openapi";
import { appContext, repoSettings, tokenContext } from "./test-helpers";

// The provider's requests and the fake's answers, checked against GitHub's published OpenAPI
// description: every request body against the operation's requestBody schema, every answer the
// fake gives of its own against the operation's response schema for that status.

const github = startFakeForFile(() => startFakeGithub());
const doc = { blocks: [paragraph(text("3 pods run privileged"))] };
const input = {
  title: "Privileged container",
  body: doc,
  severity: "high" as const,
  labels: ["bumpers-p-1"],
  templateValues: {},
};

let openapi: TOpenApi;
let validate: ReturnType<typeof validatorFor>;
let exchanges: (TFakeGithubRequest & { operationId: string })[] = [];

async function driveEveryMethod(context: TProviderContext) {
  const provider = createGithubProvider({
    ...context,
    project: repoSettings("platform", { assignees: ["alice"], milestone: 1 }),
  });
  await provider.whoAmI();
  await provider.projectOptions();
  const created = await provider.createIssue(input);
  if (!created.ok) throw new Error(created.outcome.error);
  await provider.findByLabel("bumpers-p-1");
  await provider.getIssue(created.value.url);
  await provider.addComment(created.value.externalId, doc);
  await provider.transition(created.value.externalId, "done", doc);
  await provider.transition(created.value.externalId, "reopen", doc);
  await provider.removeTestIssue(created.value.externalId);
  // Refusals: unknown repository, issues turned off, GitHub's validation, an unknown issue.
  await createGithubProvider({ ...context, project: repoSettings("nope") }).createIssue(input);
  await createGithubProvider({ ...context, project: repoSettings("archive") }).createIssue(input);
  await createGithubProvider({ ...context, project: repoSettings("platform", { assignees: ["mallory"] }) }).createIssue(
    input,
  );
  await provider.getIssue("#999");
}

/** (operation, status) pairs the provider's calls and the fake's answers must cover. */
const COVERED = [
  ["users/get-authenticated", 200],
  ["users/get-authenticated", 401],
  ["apps/get-authenticated", 200],
  ["apps/create-installation-access-token", 201],
  ["issues/list-milestones", 200],
  ["issues/list-labels-for-repo", 200],
  ["issues/create", 201],
  ["issues/create", 404],
  ["issues/create", 410],
  ["issues/create", 422],
  ["issues/list-for-repo", 200],
  ["issues/get", 200],
  ["issues/get", 404],
  ["issues/update", 200],
  ["issues/create-comment", 201],
] as const;

describe("GitHub provider and fake against GitHub's OpenAPI description", () => {
  beforeAll(async () => {
    openapi = loadGithubOpenApi();
    validate = validatorFor(openapi);
    github.reset();
    await driveEveryMethod(tokenContext(github));
    await driveEveryMethod(appContext(github));
    await createGithubProvider(tokenContext(github, "platform", "ghp_wrongwrongwrongwrongwrong0000")).whoAmI();
    exchanges = github
      .requests()
      .filter((r) => !r.scripted)
      .map((r) => {
        const found = operationFor(openapi, r.method, r.path.replace(/^\/api\/v3/, ""));
        return { ...r, operationId: String(found?.op.operationId ?? `unknown ${r.method} ${r.path}`) };
      });
  }, 120_000);

  it("every call the provider makes is a documented GitHub operation", () => {
    expect(exchanges.filter((e) => e.operationId.startsWith("unknown"))).toEqual([]);
  });

  it.each(COVERED)("%s answered %i: request and answer match GitHub's schemas", (operationId, status) => {
    const matching = exchanges.filter((e) => e.operationId === operationId && e.status === status);
    expect(matching.length).toBeGreaterThan(0);
    for (const exchange of matching) {
      const { op } = operationFor(openapi, exchange.method, exchange.path)!;
      const body = requestSchema(openapi, op);
      if (body && exchange.body !== null)
        expect(validate(body, exchange.body), `request of ${operationId}`).toEqual([]);
      const answer = responseSchema(openapi, op, status);
      expect(answer, `GitHub documents ${status} for ${operationId}`).toBeDefined();
      expect(validate(answer, exchange.response), `answer of ${operationId} ${status}`).toEqual([]);
    }
  });

  it("every answer the fake gives has a status GitHub documents for the operation", () => {
    const undocumented = exchanges.filter((e) => {
      const found = operationFor(openapi, e.method, e.path);
      return found && !responseSchema(openapi, found.op, e.status);
    });
    expect(undocumented.map((e) => `${e.operationId} ${e.status}`)).toEqual([]);
  });

  it("the check catches a wrong shape (an issue without its number, a comment body that is not text)", () => {
    const issue = exchanges.find((e) => e.operationId === "issues/get" && e.status === 200)!;
    const { op } = operationFor(openapi, "GET", issue.path)!;
    const { number: _number, ...withoutNumber } = issue.response as Record<string, unknown>;
    expect(validate(responseSchema(openapi, op, 200), withoutNumber).join()).toContain("number");
    const comment = operationFor(openapi, "POST", "/repos/acme/platform/issues/1/comments")!;
    expect(validate(requestSchema(openapi, comment.op), { body: 42 })).not.toEqual([]);
  });
});
