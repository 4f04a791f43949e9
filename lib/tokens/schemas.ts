import { z } from "zod";

export const ORG_TOKEN_KINDS = ["org_read", "org_admin", "ci"] as const;
export type TOrgTokenKind = (typeof ORG_TOKEN_KINDS)[number];

export const TOKEN_KIND_LABELS: Record<TOrgTokenKind | "cluster" | "scim", string> = {
  org_read: "Read",
  org_admin: "Admin",
  ci: "CI",
  cluster: "Cluster agent",
  scim: "SCIM provisioning",
};

export const ZOrgTokenKind = z.enum(ORG_TOKEN_KINDS, { error: "Choose read, admin or CI access." });
export const ZTokenName = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");
export const ZNewOrgToken = z.object({ name: ZTokenName, kind: ZOrgTokenKind });
export type TNewOrgToken = z.infer<typeof ZNewOrgToken>;

/** Row ids are UUIDs; anything else cannot name a row and is answered like an unknown id. */
export const ZRowId = z.guid("Unknown id.");
export const isRowId = (value: string): boolean => ZRowId.safeParse(value).success;
