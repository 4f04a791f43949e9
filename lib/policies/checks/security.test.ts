import { describe, expect, it } from "vitest";
import { deploymentWithContainer, goodContainer, goodDeployment, goodPodSpec } from "../test-manifests";
import { failuresOf } from "./run-check";

const CONTAINER_PATH = "spec.template.spec.containers[0]";

describe("security checks", () => {
  it("runAsPrivileged fails on a privileged container only", () => {
    expect(failuresOf(goodDeployment(), "runAsPrivileged")).toEqual([]);
    const bad = deploymentWithContainer({ securityContext: { privileged: true, allowPrivilegeEscalation: false } });
    expect(failuresOf(bad, "runAsPrivileged")).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.securityContext.privileged`,
        message: 'Container "web" runs in privileged mode.',
      },
    ]);
  });

  it("privilegeEscalationAllowed fails unless allowPrivilegeEscalation is false, and always when privileged", () => {
    expect(failuresOf(goodDeployment(), "privilegeEscalationAllowed")).toEqual([]);
    const unset = deploymentWithContainer({ securityContext: {} });
    expect(failuresOf(unset, "privilegeEscalationAllowed")?.[0]?.path).toBe(
      `${CONTAINER_PATH}.securityContext.allowPrivilegeEscalation`,
    );
    const privileged = deploymentWithContainer({
      securityContext: { privileged: true, allowPrivilegeEscalation: false },
    });
    expect(failuresOf(privileged, "privilegeEscalationAllowed")).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.securityContext.privileged`,
        message: 'Container "web" is privileged, so it can always escalate privileges.',
      },
    ]);
  });

  it("runAsRootAllowed honours pod-level settings and container overrides", () => {
    expect(failuresOf(goodDeployment(), "runAsRootAllowed")).toEqual([]);
    const noContext = goodDeployment({ podSpec: { securityContext: {} } });
    expect(failuresOf(noContext, "runAsRootAllowed")?.[0]?.path).toBe(`${CONTAINER_PATH}.securityContext.runAsNonRoot`);
    const containerNonRoot = goodDeployment({
      podSpec: {
        securityContext: {},
        containers: [goodContainer({ securityContext: { allowPrivilegeEscalation: false, runAsUser: 1000 } })],
      },
    });
    expect(failuresOf(containerNonRoot, "runAsRootAllowed")).toEqual([]);
    const containerRoot = deploymentWithContainer({ securityContext: { runAsUser: 0 } });
    expect(failuresOf(containerRoot, "runAsRootAllowed")).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.securityContext.runAsUser`,
        message: 'Container "web" runs as user 0 (root).',
      },
    ]);
  });

  it("dangerousCapabilities fails on SYS_ADMIN, NET_ADMIN or ALL, in any spelling", () => {
    expect(failuresOf(goodDeployment(), "dangerousCapabilities")).toEqual([]);
    const harmless = deploymentWithContainer({ securityContext: { capabilities: { add: ["NET_BIND_SERVICE"] } } });
    expect(failuresOf(harmless, "dangerousCapabilities")).toEqual([]);
    const bad = deploymentWithContainer({
      securityContext: { capabilities: { add: ["cap_sys_admin", "NET_BIND_SERVICE", "NET_ADMIN"] } },
    });
    expect(failuresOf(bad, "dangerousCapabilities")?.[0]?.message).toBe(
      'Container "web" adds dangerous capabilities: SYS_ADMIN, NET_ADMIN.',
    );
  });

  it.each([
    ["hostNetworkSet", "hostNetwork"],
    ["hostPIDSet", "hostPID"],
    ["hostIPCSet", "hostIPC"],
  ])("%s fails when %s is true", (checkId, field) => {
    expect(failuresOf(goodDeployment(), checkId)).toEqual([]);
    expect(failuresOf(goodDeployment({ podSpec: { [field]: false } }), checkId)).toEqual([]);
    const failures = failuresOf(goodDeployment({ podSpec: { [field]: true } }), checkId);
    expect(failures).toHaveLength(1);
    expect(failures?.[0]?.path).toBe(`spec.template.spec.${field}`);
  });

  it("hostPathSet fails for each hostPath volume", () => {
    expect(failuresOf(goodDeployment(), "hostPathSet")).toEqual([]);
    const bad = goodDeployment({
      podSpec: {
        volumes: [
          { name: "tmp", emptyDir: {} },
          { name: "docker", hostPath: { path: "/var/run/docker.sock" } },
        ],
      },
    });
    expect(failuresOf(bad, "hostPathSet")).toEqual([
      {
        path: "spec.template.spec.volumes[1].hostPath",
        message: 'Volume "docker" mounts the node path /var/run/docker.sock.',
      },
    ]);
  });

  it("hostPortSet fails for a port bound on the node", () => {
    expect(failuresOf(goodDeployment(), "hostPortSet")).toEqual([]);
    const bad = deploymentWithContainer({ ports: [{ containerPort: 8080 }, { containerPort: 9090, hostPort: 9090 }] });
    expect(failuresOf(bad, "hostPortSet")?.[0]?.path).toBe(`${CONTAINER_PATH}.ports[1].hostPort`);
    // Kubernetes writes hostPort: 0 for "none" (and Polaris passes it).
    expect(
      failuresOf(deploymentWithContainer({ ports: [{ containerPort: 8080, hostPort: 0 }] }), "hostPortSet"),
    ).toEqual([]);
  });

  it("notReadOnlyRootFilesystem fails on each container with a writable root filesystem, init containers too", () => {
    expect(failuresOf(goodDeployment(), "notReadOnlyRootFilesystem")).toEqual([]);
    const bad = goodDeployment({
      podSpec: goodPodSpec({ initContainers: [goodContainer({ name: "migrate", securityContext: {} })] }),
    });
    expect(failuresOf(bad, "notReadOnlyRootFilesystem")).toEqual([
      {
        container: "migrate",
        path: "spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem",
        message: 'Container "migrate" has a writable root filesystem.',
      },
    ]);
  });

  it("tlsSettingsMissing fails an Ingress without a TLS section, and runs on Ingresses only", () => {
    const ingress = (spec: Record<string, unknown>) => ({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "shop" },
      spec: { rules: [{ host: "shop.example.com" }], ...spec },
    });
    expect(
      failuresOf(ingress({ tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }] }), "tlsSettingsMissing"),
    ).toEqual([]);
    for (const tls of [undefined, [], null]) {
      expect(failuresOf(ingress({ tls }), "tlsSettingsMissing")).toEqual([
        { path: "spec.tls", message: "The Ingress has no TLS section." },
      ]);
    }
    expect(failuresOf(goodDeployment(), "tlsSettingsMissing")).toBeNull();
  });
});
