import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { findingScopeOf, orgWideScope, type TFindingScope } from "@/lib/auth/visibility-scope";

/** Who acts: a user (session), or a machine credential with no user (an org admin token). */
export type TTriageActor = { userId: string | null; label: string };

/**
 * Everything a triage verb needs to know about its caller, independent of how they signed in:
 * - `scope`: the findings they can see; an id outside it answers not_found (no existence leak);
 * - `triageScope`: the findings they may change (a subset of `scope`); a visible id outside it
 *   answers forbidden;
 * - `actor`: recorded on every event (`actor_id`, and `data.actorLabel` when there is no user).
 * Build it with `triageContextOf(access)` for a session, or `orgTokenTriageContext` for an org
 * admin token (API routes), so the verbs never look at sessions or tokens themselves.
 */
export type TTriageContext = { scope: TFindingScope; triageScope: TFindingScope; actor: TTriageActor };

export function triageContextOf(access: TOrgAccess): TTriageContext {
  return {
    scope: findingScopeOf(access, "team:read"),
    triageScope: findingScopeOf(access, "team:triage"),
    actor: { userId: access.user.id, label: access.user.email },
  };
}

/** An org admin token acts on the whole org, like an org admin. Read tokens must not get here. */
export function orgTokenTriageContext(orgId: string, token: { label: string }): TTriageContext {
  return { scope: orgWideScope(orgId), triageScope: orgWideScope(orgId), actor: { userId: null, label: token.label } };
}
