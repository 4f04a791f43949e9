import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { DEMO_USERS, signIn, uniqueId, createOrgTokenInSettings } from "./helpers";

const run = promisify(execFile);

/** Runs the real `bumpers` launcher; resolves with its exit code and output, whatever the code. */
async function bumpers(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join("bin", "bumpers.mjs"), ...args], {
      env: { ...process.env, NO_COLOR: "1", ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test.describe("bumpers check in CI", () => {
  test("a CI token fetches the org's settings, a blocking check fails the run, and the results reach the CI tab", async ({
    page,
    baseURL,
  }) => {
    const name = `e2e ci ${uniqueId()}`;
    await signIn(page, DEMO_USERS.admin);
    const token = await createOrgTokenInSettings(page, name, "CI (bumpers check --server)");

    // A CI token reads policy settings, and nothing else of the org.
    const refused = await page.request.get("/api/v1/findings", { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(403);

    const repository = `acme/e2e-${uniqueId()}`;
    const args = ["check", "lib/cli/fixtures/bad-deployment.yaml", "--server", baseURL!];
    const scm = ["--repository", repository, "--branch", "main", "--commit", "0123abcd"];
    const result = await bumpers([...args, ...scm], { BUMPERS_TOKEN: token });
    expect(result.stderr).not.toContain(token);
    expect(result.stdout).toContain("runAsPrivileged");
    expect(result.stdout).toMatch(/Reported to Bumpers: \d+ open findings? for acme\/e2e-/);
    const url = /(https?:\/\/\S+\/findings\/ci\?\S+)/.exec(result.stdout)?.[1];
    expect(url).toBeTruthy();

    // The upload is on the CI tab, under the repository and branch the link names.
    await page.goto(new URL(url!).pathname + new URL(url!).search);
    await expect(page.getByText(repository).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByText("Commit 0123abc")).toBeVisible();
    await expect(page.getByText("runAsPrivileged").first()).toBeVisible();

    // A wrong token is refused with exit code 3 and a clear message.
    const denied = await bumpers([...args, ...scm], { BUMPERS_TOKEN: "bmp_org_not-a-real-token" });
    expect(denied.code).toBe(3);
    expect(denied.stderr).toMatch(/401|token/i);
  });
});
