import path from "node:path";
import { describe, expect, it } from "vitest";
import { inventoryOfApp, inventoryOfSource } from "./route-inventory";

// Everything that answers a request must check the session, token and tenant itself, or be public
// on purpose and listed here with the reason. A new page, route or action without a guard fails.
const PUBLIC: Record<string, string> = {
  "layout.tsx#default": "the HTML shell, no data",
  "(auth)/layout.tsx#default": "the signed-out frame, no data",
  "(auth)/signup/page.tsx#default": "sign-up form",
  "(auth)/signup/actions.ts#signUpAction": "mails a sign-up link, creates nothing; throttled",
  "(auth)/signup/actions.ts#finishSignUpAction": "the emailed sign-up token (and its password) is the credential",
  "(auth)/signup/confirm/[token]/page.tsx#default": "the emailed sign-up token is the credential",
  "(auth)/unlock/[token]/page.tsx#default": "the unlock form; shows nothing of the account",
  "(auth)/unlock/[token]/actions.ts#unlockSignInAction": "the emailed unlock token is the credential",
  "(auth)/invite/[token]/actions.ts#joinWithNewAccountAction": "the invitation token is the credential",
  "(dashboard)/o/[org]/settings/page.tsx#default": "redirects to the members page, which checks access",
  "api/health/route.ts#GET": "health check for load balancers, answers no tenant data",
  "api/auth/[...nextauth]/route.ts#GET": "next-auth's own sign-in endpoints",
  "api/auth/[...nextauth]/route.ts#POST": "next-auth's own sign-in endpoints",
};

const appDir = path.resolve(__dirname, "../../app");
const entries = inventoryOfApp(appDir);
const keyOf = (e: { file: string; name: string }) => `${e.file}#${e.name}`;

describe("route inventory", () => {
  it("finds the app's pages, routes and actions", () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["action", "layout", "page", "route"]);
    expect(entries.length).toBeGreaterThan(40);
  });

  it("has a guard on every entry that is not public on purpose", () => {
    const unguarded = entries.filter((e) => !e.guarded && !(keyOf(e) in PUBLIC)).map(keyOf);
    expect(unguarded).toEqual([]);
  });

  it("lists as public only entries that exist and really have no guard", () => {
    const byKey = new Map(entries.map((e) => [keyOf(e), e]));
    const stale = Object.keys(PUBLIC).filter((key) => !byKey.has(key) || byKey.get(key)!.guarded);
    expect(stale).toEqual([]);
  });

  it("tells a guarded handler from an unguarded one, also through local helpers", () => {
    const source = `
      "use server";
      async function load(org) { return authorizeOrg(org, "org:read"); }
      const viaHelper = async (org) => { await load(org); };
      export async function guarded(form) { await viaHelper(form.get("org")); }
      export async function open(form) { return form.get("x"); }
    `;
    const found = inventoryOfSource("x/actions.ts", source).map((e) => [e.name, e.guarded]);
    expect(found).toEqual([
      ["guarded", true],
      ["open", false],
    ]);
    const route = inventoryOfSource("x/route.ts", "export const GET = withErrors(async () => json({}));");
    expect(route).toEqual([{ file: "x/route.ts", kind: "route", name: "GET", guarded: false }]);
  });
});
