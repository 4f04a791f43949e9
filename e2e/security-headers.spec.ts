import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, signIn } from "./helpers";

// The protections are read from real responses of the production server, and a signed-in visit
// proves the strict policy does not break the app (a blocked script would leave it dead).

function scriptPolicy(csp: string): string {
  return (
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src ")) ?? ""
  );
}

function nonceOf(csp: string): string {
  const match = /'nonce-([^']+)'/.exec(scriptPolicy(csp));
  expect(match, `a nonce in ${csp}`).not.toBeNull();
  return match![1];
}

function collectPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP without unsafe-inline scripts, and every script has the nonce", async ({
    request,
  }) => {
    const first = await request.get("/login");
    const csp = first.headers()["content-security-policy"];
    expect(scriptPolicy(csp)).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(first.headers()["strict-transport-security"]).toBeUndefined();

    const nonce = nonceOf(csp);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await request.get("/login");
    expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  });

  test("JSON and agent routes forbid framing and sniffing too; HTTPS adds HSTS", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
    expect(health.headers()["strict-transport-security"]).toBeUndefined();

    const agent = await request.get("/v0/organizations/acme/clusters/nope/data/trivy/latest.json");
    expect(agent.headers()["x-frame-options"]).toBe("DENY");

    const behindTls = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.headers()["strict-transport-security"]).toContain("max-age=");
    const apiBehindTls = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
    expect(apiBehindTls.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("the session cookie is HttpOnly and SameSite=Lax, and the app runs under the policy", async ({
    page,
    context,
  }) => {
    const violations = collectPolicyViolations(page);
    await signIn(page, DEMO_USERS.admin);
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");

    // Client navigation and an interactive control work: the nonced scripts are running.
    await page.getByRole("link", { name: "Findings" }).first().click();
    await expect(page).toHaveURL(/\/o\/acme\/findings/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
