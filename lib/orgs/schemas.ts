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
