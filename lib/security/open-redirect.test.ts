import { afterEach, describe, expect, it } from "vitest";
import LoginPage from "@/app/(auth)/login/page";
import { authOptions } from "@/lib/auth/options";
import { createTestUser } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";

// Issue 16, item 7: `/login?callbackUrl=/%5Cevil.example` answered `307 Location: /\evil.example`,
// which browsers follow to evil.example. Checked where it was found: the sign-in page's redirect
// for a signed-in visitor, and next-auth's redirect callback (OAuth and sign-out callbackUrl).

afterEach(() => signInAs(null));

/** Next's redirect() throws; its digest is `NEXT_REDIRECT;<type>;<location>;<status>;`. */
async function locationOf(callbackUrl: string): Promise<string> {
  try {
    await LoginPage({ params: Promise.resolve({}), searchParams: Promise.resolve({ callbackUrl }) });
  } catch (err) {
    const digest = String((err as { digest?: string }).digest ?? "");
    const [code, , location] = digest.split(";");
    if (code === "NEXT_REDIRECT" && location !== undefined) return location;
    throw err;
  }
  throw new Error("the sign-in page did not redirect a signed-in visitor");
}

// Search parameters reach the page decoded, as Next gives them (`%5C` is `\`, `%09` a tab).
const OFF_SITE = ["/\\evil.example", "/\t/evil.example", "//evil.example", "/\\/evil.example", "https://evil.example/"];

describe("no redirect off-site after sign-in", () => {
  it("the sign-in page sends a signed-in visitor only to paths on this site", async () => {
    signInAs(await createTestUser());
    for (const callbackUrl of [...OFF_SITE, "javascript:alert(1)", "\n//evil.example"]) {
      expect(await locationOf(callbackUrl), callbackUrl).toBe("/");
    }
    expect(await locationOf("/orgs/new")).toBe("/orgs/new");
    expect(await locationOf("/invite/abc?x=1")).toBe("/invite/abc?x=1");
  });

  it("next-auth's redirect callback keeps OAuth and sign-out on this site", async () => {
    const redirect = authOptions().callbacks!.redirect!;
    const baseUrl = "https://bumpers.example.com";
    for (const url of OFF_SITE) {
      expect(await redirect({ url, baseUrl }), url).toBe("https://bumpers.example.com/");
    }
    expect(await redirect({ url: "/o/acme?tab=cost", baseUrl })).toBe("https://bumpers.example.com/o/acme?tab=cost");
    expect(await redirect({ url: "https://bumpers.example.com/login", baseUrl })).toBe(
      "https://bumpers.example.com/login",
    );
  });
});
