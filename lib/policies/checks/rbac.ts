import type { TCheck, TCheckContext, TCheckFailure } from "../types";
import { objectName, record, stringItems } from "./helpers";

/** Roles and bindings Kubernetes and common platforms create themselves; Polaris leaves them alone too. */
function isBuiltIn(name: string, extra: readonly string[] = []): boolean {
  return name.startsWith("system:") || name === "gce:podsecuritypolicy:calico-sa" || extra.includes(name);
}

function grantsPodExec(rule: Record<string, unknown>): boolean {
  const has = (field: string, allowed: readonly string[]) =>
    stringItems(rule[field]).some((item) => allowed.includes(item));
  return (
    has("apiGroups", ["", "*"]) &&
    has("resources", ["*", "pods/exec", "pods/attach"]) &&
    // `get` is enough: exec and attach also work by opening a WebSocket with GET.
    has("verbs", ["*", "get", "create"])
  );
}

function podExecFailures(ctx: TCheckContext, builtIn: readonly string[]): TCheckFailure[] {
  if (isBuiltIn(objectName(ctx), builtIn)) return [];
  const rules = ctx.object.rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule, index): TCheckFailure[] => {
    if (!grantsPodExec(record(rule))) return [];
    const resources = stringItems(record(rule).resources).join(", ");
    return [
      {
        path: `rules[${index}]`,
        message: `Rule ${index + 1} allows ${stringItems(record(rule).verbs).join(", ")} on ${resources}, so its holders can run commands in pods.`,
      },
    ];
  });
}

/**
 * A binding that grants cluster-admin. Polaris also fails bindings to other roles with wildcard rules, but
 * judging that needs the referenced role, which is another object.
 */
function clusterAdminFailure(ctx: TCheckContext, builtIn: readonly string[]): TCheckFailure[] {
  if (isBuiltIn(objectName(ctx), builtIn)) return [];
  const roleRef = record(ctx.object.roleRef);
  if (roleRef.kind !== "ClusterRole" || roleRef.name !== "cluster-admin") return [];
  return [{ path: "roleRef.name", message: `The ${ctx.kind} grants the cluster-admin ClusterRole.` }];
}

const POD_EXEC_REMEDIATION =
  'Remove `pods/exec` and `pods/attach` (and `*`) from the rules; grant interactive debugging to people through a separate role, not to workloads:\n\n```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list", "watch"]\n```';

const CLUSTER_ADMIN_REMEDIATION =
  "Bind a role that allows only the resources and verbs the subjects really use:\n\n```yaml\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: shop-deployer # rules listing only what it needs\n```";

export const RBAC_CHECKS: TCheck[] = [
  {
    id: "clusterrolePodExecAttach",
    title: "ClusterRole allows exec into pods",
    category: "security",
    defaultSeverity: "high",
    description:
      "The ClusterRole allows `pods/exec` or `pods/attach` (directly or through `*`), which lets whoever holds it run commands inside pods in every namespace it is bound in and read everything they can read, including mounted Secrets.",
    remediation: POD_EXEC_REMEDIATION,
    appliesTo: ["ClusterRole"],
    evaluate: (ctx) => podExecFailures(ctx, ["admin", "cluster-admin", "edit"]),
  },
  {
    id: "rolePodExecAttach",
    title: "Role allows exec into pods",
    category: "security",
    defaultSeverity: "high",
    description:
      "The Role allows `pods/exec` or `pods/attach` (directly or through `*`), which lets whoever holds it run commands inside the namespace's pods and read everything they can read, including mounted Secrets.",
    remediation: POD_EXEC_REMEDIATION,
    appliesTo: ["Role"],
    evaluate: (ctx) => podExecFailures(ctx, []),
  },
  {
    id: "clusterrolebindingClusterAdmin",
    title: "ClusterRoleBinding grants cluster-admin",
    category: "security",
    defaultSeverity: "high",
    description:
      "The binding grants the cluster-admin role, which gives its subjects full control over the whole cluster, including every Secret.",
    remediation: CLUSTER_ADMIN_REMEDIATION,
    appliesTo: ["ClusterRoleBinding"],
    evaluate: (ctx) => clusterAdminFailure(ctx, ["cluster-admin"]),
  },
  {
    id: "rolebindingClusterAdminClusterRole",
    title: "RoleBinding grants cluster-admin",
    category: "security",
    defaultSeverity: "high",
    description:
      "The binding grants the cluster-admin ClusterRole within its namespace, which gives its subjects full control over everything in it, including every Secret and the namespace's RBAC.",
    remediation: CLUSTER_ADMIN_REMEDIATION,
    appliesTo: ["RoleBinding"],
    evaluate: (ctx) => clusterAdminFailure(ctx, []),
  },
];
