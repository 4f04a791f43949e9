import { z } from "zod";
import { ORG_ROLES, TEAM_ROLES } from "@/lib/auth/permissions";

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const ZPassword = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");
export const ZPersonName = z.string().trim().min(1, "Enter your name.").max(100);
export const ZOrgName = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");
export const ZOrgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(40, "At most 40 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Lowercase letters, digits and hyphens, not at either end.")
  .refine((s) => !RESERVED_SLUGS.has(s), "This name is reserved.");

const RESERVED_SLUGS = new Set(["api", "new", "login", "signup", "settings", "admin", "invite", "v0", "o"]);

export const ZOrgRole = z.enum(ORG_ROLES);
export const ZTeamRole = z.enum(TEAM_ROLES);

export const ZSignUp = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  orgName: ZOrgName,
  orgSlug: ZOrgSlug,
});

/** "Acme Corp." → "acme-corp" */
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

// Members and invitations. Ids from forms are validated as uuids and always looked up with the org id.

export const ZUuid = z.uuid("Choose an item from the list.");

/** Invitation link secrets are 32 random bytes in base64url (43 characters). */
export const ZInvitationSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** An optional <select>: "" means none. */
const ZOptionalUuid = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v))
  .pipe(ZUuid.optional());

export const ZInviteMember = z
  .object({
    email: ZEmail,
    role: ZOrgRole,
    teamId: ZOptionalUuid,
    teamRole: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === "" ? undefined : v))
      .pipe(ZTeamRole.optional()),
  })
  // A team without a role joins as viewer, the least privilege; a role without a team means nothing.
  .transform((v) => ({ ...v, teamRole: v.teamId ? (v.teamRole ?? "viewer") : undefined }));

export const ZChangeMemberRole = z.object({ membershipId: ZUuid, role: ZOrgRole });
export const ZRemoveMember = z.object({ membershipId: ZUuid });
export const ZInvitationId = z.object({ invitationId: ZUuid });

export const ZAcceptWithNewAccount = z.object({
  token: ZInvitationSecret,
  name: ZPersonName,
  password: ZPassword,
});
export const ZAcceptAsUser = z.object({ token: ZInvitationSecret });

export const ZNewOrganization = z.object({ orgName: ZOrgName, orgSlug: ZOrgSlug });

/** The last step of sign-up: the emailed link's secret and the password chosen with the form. */
export const ZFinishSignUp = z.object({
  token: ZInvitationSecret,
  password: z.string().min(1, "Enter the password you chose.").max(200),
});
