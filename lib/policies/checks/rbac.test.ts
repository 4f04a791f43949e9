import { describe, expect, it } from "vitest";
import type { TKubeObject } from "../types";
import { failuresOf } from "./run-check";

function role(kind: "Role" | "ClusterRole", name: string, rules: unknown[]): TKubeObject {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name, namespace: "shop" }, rules };
}

function binding(kind: "RoleBinding" | "ClusterRoleBinding", name: string, roleRef: Record<string, unknown>) {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind,
    metadata: { name, namespace: "shop" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef },
    subjects: [{ kind: "ServiceAccount", name: "shop", namespace: "shop" }],
  };
}

const READ_PODS = { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch"] };

describe("rolePodExecAttach and clusterrolePodExecAttach", () => {
  it.each([
    ["pods/exec with create", { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }],
    ["pods/attach with get (WebSocket)", { apiGroups: [""], resources: ["pods/attach"], verbs: ["get"] }],
    ["a wildcard resource", { apiGroups: ["*"], resources: ["*"], verbs: ["list", "get"] }],
    ["a wildcard verb", { apiGroups: [""], resources: ["pods/exec"], verbs: ["*"] }],
  ])("fail a rule granting %s, naming the rule", (_label, rule) => {
    for (const kind of ["Role", "ClusterRole"] as const) {
      const failures = failuresOf(
        role(kind, "debugger", [READ_PODS, rule]),
        `${kind === "Role" ? "r" : "clusterr"}olePodExecAttach`,
      );
      expect(failures).toEqual([
        {
          path: "rules[1]",
          message: expect.stringMatching(/^Rule 2 allows .* so its holders can run commands in pods\.$/),
        },
      ]);
    }
  });

  it("pass rules without exec, in other API groups, or with verbs that cannot open a session", () => {
    const rules = [
      READ_PODS,
      { apiGroups: ["apps"], resources: ["*"], verbs: ["*"] },
      { apiGroups: [""], resources: ["pods/exec"], verbs: ["list", "watch"] },
    ];
    expect(failuresOf(role("Role", "reader", rules), "rolePodExecAttach")).toEqual([]);
    expect(failuresOf(role("ClusterRole", "reader", rules), "clusterrolePodExecAttach")).toEqual([]);
  });

  it("leave Kubernetes' own roles alone, as Polaris does", () => {
    const exec = [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }];
    for (const name of ["admin", "edit", "cluster-admin", "system:controller:foo"]) {
      expect(failuresOf(role("ClusterRole", name, exec), "clusterrolePodExecAttach")).toEqual([]);
    }
    expect(failuresOf(role("Role", "system:bootstrap", exec), "rolePodExecAttach")).toEqual([]);
    // A namespaced Role named "admin" is not the built-in ClusterRole.
    expect(failuresOf(role("Role", "admin", exec), "rolePodExecAttach")).toHaveLength(1);
  });
});

describe("clusterrolebindingClusterAdmin and rolebindingClusterAdminClusterRole", () => {
  it("fail a binding to cluster-admin", () => {
    expect(
      failuresOf(
        binding("ClusterRoleBinding", "ci-deployer", { kind: "ClusterRole", name: "cluster-admin" }),
        "clusterrolebindingClusterAdmin",
      ),
    ).toEqual([{ path: "roleRef.name", message: "The ClusterRoleBinding grants the cluster-admin ClusterRole." }]);
    expect(
      failuresOf(
        binding("RoleBinding", "ci-deployer", { kind: "ClusterRole", name: "cluster-admin" }),
        "rolebindingClusterAdminClusterRole",
      ),
    ).toEqual([{ path: "roleRef.name", message: "The RoleBinding grants the cluster-admin ClusterRole." }]);
  });

  it("pass bindings to other roles, and Kubernetes' own bindings", () => {
    expect(
      failuresOf(
        binding("ClusterRoleBinding", "reader", { kind: "ClusterRole", name: "view" }),
        "clusterrolebindingClusterAdmin",
      ),
    ).toEqual([]);
    expect(
      failuresOf(
        binding("ClusterRoleBinding", "cluster-admin", { kind: "ClusterRole", name: "cluster-admin" }),
        "clusterrolebindingClusterAdmin",
      ),
    ).toEqual([]);
    expect(
      failuresOf(
        binding("RoleBinding", "system:x", { kind: "ClusterRole", name: "cluster-admin" }),
        "rolebindingClusterAdminClusterRole",
      ),
    ).toEqual([]);
    // A namespaced Role that happens to be called cluster-admin is judged by its rules, which live elsewhere.
    expect(
      failuresOf(
        binding("RoleBinding", "x", { kind: "Role", name: "cluster-admin" }),
        "rolebindingClusterAdminClusterRole",
      ),
    ).toEqual([]);
  });
});
