import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BUILDERS, inventoryOfApp, inventoryOfServerActions, inventoryOfSource } from "./route-inventory";

// Everything that answers a request must check the session, token and tenant itself, or be public
// on purpose and listed here with the reason. A new page, route or action without a guard fails.
const PUBLIC: Record<string, string> = {
  "layout.tsx#default": "the HTML shell, no data",
  "(auth)/layout.tsx#default": "the signed-out frame, no data",
  "(auth)/signup/page.tsx#default": "sign-up form",
  "(auth)/signup/confirm/[token]/page.tsx#default": "the emailed sign-up token is the credential",
  "(auth)/unlock/[token]/page.tsx#default": "the unlock form; shows nothing of the account",
  "(auth)/unsubscribe/[token]/page.tsx#default": "the signed unsubscribe token in the mail's link is the credential",
  "(dashboard)/o/[org]/settings/page.tsx#default": "redirects to the members page, which checks access",
  "api/health/route.ts#GET": "health check for load balancers, answers no tenant data",
  "api/v1/unsubscribe/[token]/route.ts#POST": "RFC 8058 one-click unsubscribe: the signed token is the credential",
  "api/v1/unsubscribe/[token]/route.ts#GET": "redirects to the unsubscribe page, reads nothing",
  "api/v1/webhooks/jira/[connection]/[secret]/route.ts#POST":
    "Jira calls it without a session: the connection's webhook secret in the path is the credential",
  "api/v1/webhooks/jira/[connection]/route.ts#POST":
    "Jira (Connect style) calls it without a session: a JWT signed with the connection's webhook secret, bound to this URL, is the credential",
  "api/v1/webhooks/github/[connection]/route.ts#POST":
    "GitHub calls it without a session: the body's HMAC signature with the connection's webhook secret is the credential",
  "(auth)/login/sso/page.tsx#default":
    "the last step of an SSO sign-in: the single-use ticket in its HttpOnly cookie is the credential; reads only where it leads",
  "api/sso/discover/route.ts#POST":
    "home-realm discovery before signing in: answers from the email's domain only, never whether the person exists; rate-limited",
  "api/sso/[org]/start/route.ts#GET":
    "starts a sign-in through the org's IdP (redirects to its protocol's start), reads nothing of the org",
  "api/auth/[...nextauth]/route.ts#GET": "next-auth's own sign-in endpoints",
  "api/auth/[...nextauth]/route.ts#POST": "next-auth's own sign-in endpoints",
  "api/sso/[org]/saml/start/route.ts#GET": "starts a SAML sign-in with the org's IdP, reads nothing",
  "api/sso/[org]/saml/acs/route.ts#POST":
    "the IdP's cross-site form POST: a response signed by the org's IdP, answering a sign-in this org started, is the credential",
  "api/sso/[org]/saml/metadata/route.ts#GET":
    "SP metadata for the org's IdP to import: entity id, ACS URL, public certificates",
  "api/sso/[org]/oidc/start/route.ts#GET": "starts a sign-in, reads nothing",
  "api/sso/[org]/oidc/callback/route.ts#GET":
    "the IdP's signed response bound to the sign-in we started is the credential",
};

/** Server actions anyone may call (built with publicAction), keyed by their path from the repository root. */
const PUBLIC_ACTIONS: Record<string, string> = {
  "lib/auth/actions.ts#signUpAction": "mails a sign-up link, creates nothing; throttled",
  "lib/auth/actions.ts#finishSignUpAction": "the emailed sign-up token (and its password) is the credential",
  "lib/auth/actions.ts#unlockSignInAction": "the emailed unlock token is the credential",
  "lib/auth/actions.ts#joinWithNewAccountAction": "the invitation token is the credential",
  "lib/notifications/actions.ts#unsubscribeAction": "the signed unsubscribe token in the mail's link is the credential",
};

const root = path.resolve(__dirname, "../..");
const appDir = path.join(root, "app");
const actions = inventoryOfServerActions(root);
const entries = [...inventoryOfApp(appDir).filter((e) => e.kind !== "action"), ...actions];
const isPublic = (e: { file: string; name: string }) => keyOf(e) in PUBLIC || keyOf(e) in PUBLIC_ACTIONS;
const keyOf = (e: { file: string; name: string }) => `${e.file}#${e.name}`;

describe("route inventory", () => {
  it("finds the app's pages, routes and actions", () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["action", "layout", "page", "route"]);
    expect(entries.length).toBeGreaterThan(40);
    expect(actions.length).toBeGreaterThan(50);
  });

  it("builds every server action with a builder of lib/api/action.ts", () => {
    const handWritten = actions.filter((e) => !e.builtWith || !ACTION_BUILDERS.has(e.builtWith)).map(keyOf);
    expect(handWritten).toEqual([]);
  });

  it("keeps server actions next to their feature, in lib/<feature>/actions.ts (or <part>-actions.ts)", () => {
    const misplaced = [...new Set(actions.map((e) => e.file))].filter(
      (f) => !/^lib\/[a-z-]+\/([a-z-]+-)?actions\.ts$/.test(f),
    );
    expect(misplaced).toEqual([]);
  });

  it("lists as public exactly the actions built with publicAction", () => {
    const publicBuilt = actions.filter((e) => e.builtWith === "publicAction").map(keyOf);
    expect(publicBuilt.sort()).toEqual(Object.keys(PUBLIC_ACTIONS).sort());
  });

  it("has a guard on every entry that is not public on purpose", () => {
    const unguarded = entries.filter((e) => !e.guarded && !isPublic(e)).map(keyOf);
    expect(unguarded).toEqual([]);
  });

  it("lists as public only entries that exist and really have no guard", () => {
    const byKey = new Map(entries.map((e) => [keyOf(e), e]));
    const stale = [...Object.keys(PUBLIC), ...Object.keys(PUBLIC_ACTIONS)].filter(
      (key) => !byKey.has(key) || byKey.get(key)!.guarded,
    );
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

  it("tells an action built with the wrapper from one written by hand or wrapped again", () => {
    const source = `
      "use server";
      export const built = orgAction({ permission: "org:read" }, async () => null);
      export const open = publicAction({}, async () => null);
      export async function byHand(form) { await authorizeOrg(form.get("org")); }
      export const wrapped = withLogging(orgAction({ permission: "org:read" }, async () => null));
      const local = teamAction({ permission: "team:read" }, async () => null);
      export { local as renamed };
    `;
    const found = inventoryOfSource("lib/x/actions.ts", source).map((e) => [e.name, e.guarded, e.builtWith]);
    expect(found).toEqual([
      ["built", true, "orgAction"],
      ["open", false, "publicAction"],
      ["byHand", true, null],
      ["wrapped", true, null],
      ["renamed", true, "teamAction"],
    ]);
  });

  it("reads route handlers without a builder", () => {
    const route = inventoryOfSource("x/route.ts", "export const GET = withErrors(async () => json({}));");
    expect(route).toEqual([{ file: "x/route.ts", kind: "route", name: "GET", guarded: false }]);
  });
});
