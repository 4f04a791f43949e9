import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { inventoryOfServerActions, type TRouteEntry } from "./route-inventory";
import { formOf } from "@/lib/testing/forms";

// Tenant isolation of every server action, generated from the route inventory: each action built
// with orgAction or teamAction is called by org B's admin with org A's slug (and team), by a member
// of org A who is not on the named team, and signed out. The wrapper authorizes before it reads the
// input, so the org and team fields alone decide: not_found, not_found, unauthorized. A positive
// control with the caller's own org and team proves the answers are the guard's doing.

// Actions that build an invitation link read the request's host.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "bumpers.test", "x-forwarded-proto": "https" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
type TAction = (prev: unknown, form: FormData) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

/** What the guards (authorizeOrg, authorizeTeam) answer a caller who may not see the org or team. */
const HIDDEN = ["not_found: Organization not found.", "not_found: Team not found."];

const root = path.resolve(__dirname, "../..");
const TARGETS = inventoryOfServerActions(root).filter(
  (e) => e.builtWith === "orgAction" || e.builtWith === "teamAction",
);

async function load(entry: TRouteEntry): Promise<TAction> {
  const mod = (await import(path.join(root, entry.file))) as Record<string, TAction>;
  return mod[entry.name]!;
}

/** The action's answer: ok, "code: message", or redirect (redirect() throws). */
async function answerOf(action: TAction, fields: Record<string, string>): Promise<string> {
  try {
    const result = await action(null, formOf(fields));
    return result.ok ? "ok" : `${result.error!.code}: ${result.error!.message}`;
  } catch (err) {
    if (String((err as { digest?: string })?.digest ?? "").startsWith("NEXT_REDIRECT")) return "redirect";
    throw err;
  }
}

let a: TTenant;
let b: TTenant;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
});
afterEach(() => signInAs(null));

describe("tenant isolation of server actions, generated from the route inventory", () => {
  it("covers the org and team actions", () => {
    expect(TARGETS.length).toBeGreaterThan(40);
    expect(TARGETS.some((e) => e.builtWith === "teamAction")).toBe(true);
  });

  it.each(TARGETS.map((e) => [`${e.file}#${e.name}`, e] as const))("%s", async (_name, entry) => {
    const action = await load(entry);
    const isTeam = entry.builtWith === "teamAction";
    const ref = (t: TTenant, team = t.team.slug): Record<string, string> =>
      isTeam ? { org: t.org.slug, team } : { org: t.org.slug };

    // Positive control: the owner gets past the guard with their own org and team (and then, with
    // no input, usually a bad_request).
    signInAs(a.users.owner);
    const own = await answerOf(action, ref(a));
    expect(own.startsWith("unauthorized") || HIDDEN.includes(own)).toBe(false);

    signInAs(b.users.admin);
    expect(HIDDEN).toContain(await answerOf(action, ref(a)));
    if (isTeam) expect(HIDDEN).toContain(await answerOf(action, { org: b.org.slug, team: a.team.slug }));

    if (isTeam) {
      // A member of org A who is on no team: org A's teams are hidden from them.
      signInAs(a.users.member);
      expect(HIDDEN).toContain(await answerOf(action, ref(a, a.otherTeam.slug)));
    }

    signInAs(null);
    expect(await answerOf(action, ref(a))).toBe("unauthorized: Please sign in.");
  });
});
