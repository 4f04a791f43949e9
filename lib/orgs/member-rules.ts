import { canOrg, type TOrgRole } from "@/lib/auth/permissions";

// The rules for changing and removing members, as pure functions so that the server enforces
// them and the members page hides what they would refuse.

export type TRuleViolation = { code: "forbidden" | "conflict"; message: string };

export const LAST_OWNER_MESSAGE = "An organization needs at least one owner.";
const OWNER_ONLY_MESSAGE = "Only owners can change or remove an owner.";

export function roleChangeViolation(input: {
  actorRole: TOrgRole;
  fromRole: TOrgRole;
  toRole: TOrgRole;
  ownerCount: number;
}): TRuleViolation | null {
  const { actorRole, fromRole, toRole, ownerCount } = input;
  if (!canOrg(actorRole, "org:members:manage")) {
    return { code: "forbidden", message: "Your role does not allow managing members." };
  }
  if (fromRole === "owner" && !canOrg(actorRole, "org:owners:manage")) {
    return { code: "forbidden", message: OWNER_ONLY_MESSAGE };
  }
  if (toRole === "owner" && fromRole !== "owner" && !canOrg(actorRole, "org:owners:manage")) {
    return { code: "forbidden", message: "Only owners can make someone an owner." };
  }
  if (fromRole === "owner" && toRole !== "owner" && ownerCount <= 1) {
    return { code: "conflict", message: LAST_OWNER_MESSAGE };
  }
  return null;
}

export function removalViolation(input: {
  actorRole: TOrgRole;
  targetRole: TOrgRole;
  ownerCount: number;
}): TRuleViolation | null {
  const { actorRole, targetRole, ownerCount } = input;
  if (!canOrg(actorRole, "org:members:manage")) {
    return { code: "forbidden", message: "Your role does not allow managing members." };
  }
  if (targetRole === "owner" && !canOrg(actorRole, "org:owners:manage")) {
    return { code: "forbidden", message: OWNER_ONLY_MESSAGE };
  }
  if (targetRole === "owner" && ownerCount <= 1) {
    return { code: "conflict", message: LAST_OWNER_MESSAGE };
  }
  return null;
}

/** Whether the actor may invite with, or revoke an invitation for, this role. */
export function canHandleInvitationRole(actorRole: TOrgRole, role: TOrgRole): boolean {
  if (!canOrg(actorRole, "org:members:manage")) return false;
  return role !== "owner" || canOrg(actorRole, "org:owners:manage");
}
