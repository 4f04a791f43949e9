import { beforeAll } from "vitest";
import { createTestTenant } from "./factories";
import { signInAs } from "./session";

// Helpers for tests that call a server page or layout directly and check how it answered.

/** next.config.js enables authInterrupts; the flag reaches forbidden() through this variable. */
export function enableAuthInterrupts() {
  beforeAll(() => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  });
}

/** "rendered", or the HTTP status of the interrupt it threw ("403" from forbidden(), "404" from notFound()). */
export const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "rendered",
    (err: { digest?: string }) => err.digest?.split(";").pop() ?? String(err),
  );

/** A page's props for an org route, with its query string. */
export const orgPageProps = (org: string, query: Record<string, string> = {}) => ({
  params: Promise.resolve({ org }),
  searchParams: Promise.resolve(query),
});

/** A page's props for a team route, with its query string. */
export const teamPageProps = (org: string, team: string, query: Record<string, string> = {}) => ({
  params: Promise.resolve({ org, team }),
  searchParams: Promise.resolve(query),
});

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
export type TRole = keyof TTenant["users"];

/** How `render` answers each of `roles` of tenant `t`, signed in as that user: `{ role: status }`. */
export async function statusesByRole(t: TTenant, roles: readonly TRole[], render: () => Promise<unknown>) {
  const statuses: Partial<Record<TRole, string>> = {};
  for (const role of roles) {
    signInAs(t.users[role]);
    statuses[role] = await statusOf(render());
  }
  return statuses;
}

/**
 * How a team page answers everyone who might ask: each role of the team's org (`member` is on no
 * team), the team's admin on another team's slug (`otherTeam`), another org's owner on the team
 * (`otherOrg`) and on the team's slug in their own org (`otherOrgsTeam`).
 */
export async function teamPageStatuses(page: (props: ReturnType<typeof teamPageProps>) => Promise<unknown>) {
  const a = await createTestTenant();
  const b = await createTestTenant();
  const roles = ["viewer", "editor", "teamAdmin", "admin", "owner", "member"] as const;
  const statuses = await statusesByRole(a, roles, () => page(teamPageProps(a.org.slug, a.team.slug)));
  signInAs(a.users.teamAdmin);
  const otherTeam = await statusOf(page(teamPageProps(a.org.slug, a.otherTeam.slug)));
  signInAs(b.users.owner);
  const otherOrg = await statusOf(page(teamPageProps(a.org.slug, a.team.slug)));
  const otherOrgsTeam = await statusOf(page(teamPageProps(b.org.slug, a.team.slug)));
  return { ...statuses, otherTeam, otherOrg, otherOrgsTeam };
}

/** teamPageStatuses of a page the whole team sees: its roles and org admins; a 404 for everyone else. */
export const SEEN_BY_THE_TEAM = {
  viewer: "rendered",
  editor: "rendered",
  teamAdmin: "rendered",
  admin: "rendered",
  owner: "rendered",
  member: "404",
  otherTeam: "404",
  otherOrg: "404",
  otherOrgsTeam: "404",
} as const;
