import type { TFakeGithub } from "@/lib/testing/fake-github";
import type { TProviderContext } from "../../provider";
import { ZGithubRepoSettings } from "../../schemas";

// Provider contexts pointing at a fake GitHub: a token's, and an App installation's.

export const WEBHOOK_SECRET = "whsec-fake-github-0123456789";

export const repoSettings = (repo = "platform", extra: Record<string, unknown> = {}) =>
  ZGithubRepoSettings.parse({ provider: "github", owner: "acme", repo, labels: ["bumpers"], ...extra });

export function tokenContext(fake: TFakeGithub, repo = "platform", token = fake.token): TProviderContext {
  return {
    secret: { kind: "github", auth: "token", token, apiUrl: fake.url, webhookSecret: WEBHOOK_SECRET },
    project: repoSettings(repo),
    allowPrivate: true,
    timeoutMs: 5000,
  };
}

export function appContext(
  fake: TFakeGithub,
  repo = "platform",
  installationId = fake.app.installationId,
): TProviderContext {
  return {
    secret: {
      kind: "github",
      auth: "app",
      appId: fake.app.appId,
      installationId,
      privateKey: fake.app.privateKey!,
      apiUrl: fake.url,
      webhookSecret: WEBHOOK_SECRET,
    },
    project: repoSettings(repo),
    allowPrivate: true,
    timeoutMs: 5000,
  };
}
