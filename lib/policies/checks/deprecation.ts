import { checkApiVersion, DEPRECATION_GUIDE_URL } from "../deprecations";
import type { TApiVersionStatus } from "../deprecations";
import type { TCheck, TCheckContext, TCheckFailure } from "../types";

function apiVersionFailure(ctx: TCheckContext, status: TApiVersionStatus): TCheckFailure[] {
  const { apiVersion } = ctx.object;
  if (!ctx.targetVersion || typeof apiVersion !== "string" || !ctx.kind) return [];
  const result = checkApiVersion(apiVersion, ctx.kind, ctx.targetVersion);
  return result.status === status ? [{ path: "apiVersion", message: result.message }] : [];
}

/** The ids of the two checks, shared with the Pluto parser so agent findings and admission results are one identity. */
export const DEPRECATION_CHECK_IDS = { removed: "apiVersionRemoved", deprecated: "apiVersionDeprecated" } as const;

// Two checks rather than one, so an org can block removed APIs (the object cannot be applied) while
// only warning about deprecated ones (it still works, but blocks a future upgrade).
export const DEPRECATION_CHECKS: TCheck[] = [
  {
    id: DEPRECATION_CHECK_IDS.removed,
    title: "API version removed in the target Kubernetes version",
    category: "deprecation",
    defaultSeverity: "high",
    description:
      "The object uses an apiVersion that the target Kubernetes version no longer serves: applying it fails, and the cluster cannot be upgraded while it is in use.",
    remediation: `Change \`apiVersion\` to the replacement named in the message, and adjust the fields that changed with it (see ${DEPRECATION_GUIDE_URL}):\n\n\`\`\`yaml\napiVersion: apps/v1 # was extensions/v1beta1\nkind: Deployment\n\`\`\``,
    appliesTo: "all",
    evaluate: (ctx) => apiVersionFailure(ctx, "removed"),
  },
  {
    id: DEPRECATION_CHECK_IDS.deprecated,
    title: "Deprecated API version",
    category: "deprecation",
    defaultSeverity: "low",
    description:
      "The object uses an apiVersion that still works on the target Kubernetes version but is deprecated and will be removed in a later one.",
    remediation: `Move to the replacement apiVersion named in the message before upgrading (see ${DEPRECATION_GUIDE_URL}):\n\n\`\`\`yaml\napiVersion: autoscaling/v2 # was autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\n\`\`\``,
    appliesTo: "all",
    evaluate: (ctx) => apiVersionFailure(ctx, "deprecated"),
  },
];
