import { authorizeOrg, authorizeTeam, type TOrgAccess, type TTeamAccess } from "@/lib/auth/access";
import { updateOrgCheckSetting } from "@/lib/policies/update-settings";
import { signInAs } from "./session";

type TUser = { id: string; email: string; name: string };

/** `user`'s access to the org as the guards give it; signed out again afterwards. */
export async function orgAccessOf(user: TUser, orgSlug: string): Promise<TOrgAccess> {
  signInAs(user);
  try {
    return await authorizeOrg(orgSlug);
  } finally {
    signInAs(null);
  }
}

/** `user`'s access to one of the org's teams, likewise. */
export async function teamAccessOf(user: TUser, orgSlug: string, teamSlug: string): Promise<TTeamAccess> {
  signInAs(user);
  try {
    return await authorizeTeam(orgSlug, teamSlug);
  } finally {
    signInAs(null);
  }
}

/** Turns `checkId` on for the org at its own severity, blocking admission and/or CI, as org admin `access`. */
export function blockCheck(access: TOrgAccess, checkId: string, where: { admission?: boolean; ci?: boolean }) {
  return updateOrgCheckSetting(access, {
    checkId,
    enabled: true,
    severity: null,
    blockAdmission: where.admission ?? false,
    blockCi: where.ci ?? false,
  });
}
