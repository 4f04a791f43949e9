"use server";

import { appBaseUrl } from "@/lib/server/app-url";
import { orgAction, userAction } from "@/lib/api/action";
import type { TCreatedInvitation } from "@/components/members/invitation-link-panel";
import { changeMemberRole } from "./change-member-role";
import { createOrganization } from "./create-organization";
import { inviteMember, type TInviteResult } from "./invite-member";
import { removeMember } from "./remove-member";
import { renewInvitation } from "./renew-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { ZChangeMemberRole, ZInvitationId, ZInviteMember, ZNewOrganization, ZRemoveMember } from "./schemas";

/** A signed-in user creates another organization and becomes its owner. */
export const createOrganizationAction = userAction({ input: ZNewOrganization }, async ({ input, user }) => {
  const org = await createOrganization(user.id, { slug: input.orgSlug, name: input.orgName });
  return { orgSlug: org.slug };
});

// Members settings (org owners and admins).

const MEMBERS_PAGE = { path: "/settings/members" };
// A role change or removal changes what the member sees everywhere in the org.
const ORG_LAYOUT = { path: "", type: "layout" } as const;

/** The link is in the answer once: only its hash is stored. */
const created = (r: TInviteResult): TCreatedInvitation => ({
  invitationId: r.invitationId,
  email: r.email,
  link: r.link,
  expiresAt: r.expiresAt.toISOString(),
  mailSent: r.mail.sent,
  replaced: r.replaced,
});

export const inviteMemberAction = orgAction(
  { permission: "org:members:manage", input: ZInviteMember, revalidate: MEMBERS_PAGE },
  async ({ input, access }) => created(await inviteMember(access, input, await appBaseUrl())),
);

export const renewInvitationAction = orgAction(
  { permission: "org:members:manage", input: ZInvitationId, revalidate: MEMBERS_PAGE },
  async ({ input, access }) => created(await renewInvitation(access, input.invitationId, await appBaseUrl())),
);

export const revokeInvitationAction = orgAction(
  { permission: "org:members:manage", input: ZInvitationId, revalidate: MEMBERS_PAGE },
  ({ input, access }) => revokeInvitation(access, input.invitationId),
);

export const changeMemberRoleAction = orgAction(
  { permission: "org:members:manage", input: ZChangeMemberRole, revalidate: ORG_LAYOUT },
  ({ input, access }) => changeMemberRole(access, input.membershipId, input.role),
);

export const removeMemberAction = orgAction(
  { permission: "org:members:manage", input: ZRemoveMember, revalidate: ORG_LAYOUT },
  ({ input, access }) => removeMember(access, input.membershipId),
);
