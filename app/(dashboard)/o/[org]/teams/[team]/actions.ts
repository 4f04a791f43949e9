"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, authorizeTeam, type TTeamAccess } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { addTeamMember } from "@/lib/teams/add-team-member";
import { changeTeamMemberRole } from "@/lib/teams/change-team-member-role";
import { removeTeamMember } from "@/lib/teams/remove-team-member";
import { ZTeamMemberInput } from "@/lib/teams/schemas";

// Team admins manage their own team's members; org owners/admins act as team admin everywhere.
// A team the caller is not on answers not_found, a role without the permission forbidden.
const ZRef = z.string().trim().min(1).max(100);
const ZTeamRef = z.object({ org: ZRef, team: ZRef });
const ZRemoveMember = z.object({ userId: z.uuid("Choose a member.") });

const fields = (form: FormData) => Object.fromEntries(form);

function revalidateTeam(access: TTeamAccess) {
  // The org layout lists the user's teams; settings pages show member counts.
  revalidatePath(`/o/${access.org.slug}`, "layout");
}

export async function addTeamMemberAction(_prev: unknown, form: FormData): Promise<TActionResult<{ userId: string }>> {
  const ref = ZTeamRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeam(ref.data.org, ref.data.team, "team:members:manage");
    const parsed = ZTeamMemberInput.safeParse(fields(form));
    if (!parsed.success) return fromZodError(parsed.error);
    await addTeamMember(access.org.id, actorOf(access), access.team.id, parsed.data);
    revalidateTeam(access);
    return ok({ userId: parsed.data.userId });
  } catch (err) {
    return fromError(err);
  }
}

export async function changeTeamMemberRoleAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ changed: boolean }>> {
  const ref = ZTeamRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeam(ref.data.org, ref.data.team, "team:members:manage");
    const parsed = ZTeamMemberInput.safeParse(fields(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const { changed } = await changeTeamMemberRole(access.org.id, actorOf(access), access.team.id, parsed.data);
    revalidateTeam(access);
    return ok({ changed });
  } catch (err) {
    return fromError(err);
  }
}

export async function removeTeamMemberAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ userId: string }>> {
  const ref = ZTeamRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  let leftTeamOf: string;
  try {
    const access = await authorizeTeam(ref.data.org, ref.data.team, "team:members:manage");
    const parsed = ZRemoveMember.safeParse(fields(form));
    if (!parsed.success) return fromZodError(parsed.error);
    await removeTeamMember(access.org.id, actorOf(access), access.team.id, parsed.data);
    revalidateTeam(access);
    // A team admin who leaves loses the page they are on; org admins keep every team.
    const keepsAccess = parsed.data.userId !== access.user.id || canOrg(access.role, "org:teams:manage");
    if (keepsAccess) return ok({ userId: parsed.data.userId });
    leftTeamOf = access.org.slug;
  } catch (err) {
    return fromError(err);
  }
  // Outside the try: redirect() works by throwing.
  redirect(`/o/${leftTeamOf}`);
}
