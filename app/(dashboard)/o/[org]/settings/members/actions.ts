"use server";

import { revalidatePath } from "next/cache";
import { authorizeOrg } from "@/lib/auth/access";
import { appBaseUrl } from "@/lib/server/app-url";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { inviteMember, type TInviteResult } from "@/lib/orgs/invite-member";
import { removeMember } from "@/lib/orgs/remove-member";
import { renewInvitation } from "@/lib/orgs/renew-invitation";
import { revokeInvitation } from "@/lib/orgs/revoke-invitation";
import { ZChangeMemberRole, ZInvitationId, ZInviteMember, ZRemoveMember } from "@/lib/orgs/schemas";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import type { TCreatedInvitation } from "@/components/members/invitation-link-panel";

const membersPath = (orgSlug: string) => `/o/${orgSlug}/settings/members`;

/** Expected errors become results; one that names a form field is shown under that field. */
const created = (r: TInviteResult): TCreatedInvitation => ({
  invitationId: r.invitationId,
  email: r.email,
  link: r.link,
  expiresAt: r.expiresAt.toISOString(),
  mailSent: r.mail.sent,
  replaced: r.replaced,
});

export async function inviteMemberAction(
  orgSlug: string,
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<TCreatedInvitation>> {
  try {
    const access = await authorizeOrg(orgSlug, "org:members:manage");
    const parsed = ZInviteMember.safeParse(Object.fromEntries(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const result = await inviteMember(access, parsed.data, await appBaseUrl());
    revalidatePath(membersPath(access.org.slug));
    return ok(created(result));
  } catch (err) {
    return fromError(err);
  }
}

export async function renewInvitationAction(
  orgSlug: string,
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<TCreatedInvitation>> {
  try {
    const access = await authorizeOrg(orgSlug, "org:members:manage");
    const parsed = ZInvitationId.safeParse(Object.fromEntries(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const result = await renewInvitation(access, parsed.data.invitationId, await appBaseUrl());
    revalidatePath(membersPath(access.org.slug));
    return ok(created(result));
  } catch (err) {
    return fromError(err);
  }
}

export async function revokeInvitationAction(
  orgSlug: string,
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ email: string }>> {
  try {
    const access = await authorizeOrg(orgSlug, "org:members:manage");
    const parsed = ZInvitationId.safeParse(Object.fromEntries(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const result = await revokeInvitation(access, parsed.data.invitationId);
    revalidatePath(membersPath(access.org.slug));
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}

export async function changeMemberRoleAction(
  orgSlug: string,
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ email: string; changed: boolean }>> {
  try {
    const access = await authorizeOrg(orgSlug, "org:members:manage");
    const parsed = ZChangeMemberRole.safeParse(Object.fromEntries(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const result = await changeMemberRole(access, parsed.data.membershipId, parsed.data.role);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}

export async function removeMemberAction(
  orgSlug: string,
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ email: string; removedSelf: boolean }>> {
  try {
    const access = await authorizeOrg(orgSlug, "org:members:manage");
    const parsed = ZRemoveMember.safeParse(Object.fromEntries(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const result = await removeMember(access, parsed.data.membershipId);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}
