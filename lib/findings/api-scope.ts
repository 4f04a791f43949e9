import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { findingScopeOf, orgWideScope, type TFindingScope } from "./scope";
import type { TViewer } from "./queries";

type TPrincipal = { type: "token"; token: unknown } | { type: "session"; access: TOrgAccess };

/** The scope of an /api/v1 caller: an org token reads the whole org; a session what its roles allow. */
export function apiFindingScope(orgId: string, principal: TPrincipal): { scope: TFindingScope; viewer: TViewer } {
  if (principal.type === "session") {
    return { scope: findingScopeOf(principal.access), viewer: { userId: principal.access.user.id } };
  }
  return { scope: orgWideScope(orgId), viewer: { userId: null } };
}
