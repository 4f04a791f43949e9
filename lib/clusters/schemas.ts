import { z } from "zod";

export const ZClusterSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(63, "At most 63 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Lowercase letters, digits and hyphens, as the agent's cluster name.");

export const ZClusterName = z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters.");

export const ZNewCluster = z.object({ slug: ZClusterSlug, name: ZClusterName });

export const ZClusterId = z.guid("Unknown cluster.");
export const ZDeleteCluster = z.object({ clusterId: ZClusterId, confirm: z.string().trim() });
