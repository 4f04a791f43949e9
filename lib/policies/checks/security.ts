import type { TCheck } from "../types";
import {
  ALL_WORKLOADS,
  containerSecurityContext,
  eachContainer,
  normalizeCapability,
  podFlagFailure,
  podSecurityContext,
  record,
} from "./helpers";

/** Capabilities that amount to (near) root on the node; the same list Polaris uses. */
const DANGEROUS_CAPABILITIES = new Set(["ALL", "SYS_ADMIN", "NET_ADMIN"]);

function isUnsetPort(value: unknown): boolean {
  return value === undefined || value === null || value === 0;
}

export const SECURITY_CHECKS: TCheck[] = [
  {
    id: "runAsPrivileged",
    title: "Privileged container",
    category: "security",
    defaultSeverity: "critical",
    description:
      "A privileged container has every Linux capability and access to all host devices, which amounts to root on the node.",
    remediation:
      'Remove `privileged: true` from the container\'s `securityContext`. If it needs one kernel feature, add only that capability:\n\n```yaml\nsecurityContext:\n  privileged: false\n  capabilities:\n    add: ["NET_BIND_SERVICE"]\n```',
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) =>
        containerSecurityContext(container).privileged === true
          ? {
              container: container.name,
              path: `${container.path}.securityContext.privileged`,
              message: `Container "${container.name}" runs in privileged mode.`,
            }
          : null,
      ),
  },
  {
    id: "privilegeEscalationAllowed",
    title: "Privilege escalation allowed",
    category: "security",
    defaultSeverity: "high",
    description:
      "Unless it is turned off, a process in the container can gain more privileges than its parent, for example through setuid programs such as sudo.",
    remediation:
      "Set `allowPrivilegeEscalation: false` in each container's `securityContext`:\n\n```yaml\ncontainers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const sc = containerSecurityContext(container);
        // Privileged containers always can escalate, whatever the flag says.
        if (sc.allowPrivilegeEscalation === false && sc.privileged !== true) return null;
        const privileged = sc.privileged === true;
        return {
          container: container.name,
          path: `${container.path}.securityContext.${privileged ? "privileged" : "allowPrivilegeEscalation"}`,
          message: privileged
            ? `Container "${container.name}" is privileged, so it can always escalate privileges.`
            : `Container "${container.name}" does not set allowPrivilegeEscalation: false.`,
        };
      }),
  },
  {
    id: "runAsRootAllowed",
    title: "Container may run as root",
    category: "security",
    defaultSeverity: "high",
    description:
      "Without `runAsNonRoot: true` or a non-zero `runAsUser`, the container may run as root (user ID 0), which makes escaping to the node much easier for an attacker.",
    remediation:
      "Set `runAsNonRoot: true` and a non-root user ID on the pod (or on each container). If the image only works as root, rebuild it with a `USER` instruction:\n\n```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => {
      const pod = podSecurityContext(ctx);
      return eachContainer(ctx, (container) => {
        const sc = containerSecurityContext(container);
        // The container's securityContext overrides the pod's, field by field.
        const runAsUser = sc.runAsUser ?? pod.runAsUser;
        const runAsNonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
        if (runAsUser === 0) {
          return {
            container: container.name,
            path: `${container.path}.securityContext.runAsUser`,
            message: `Container "${container.name}" runs as user 0 (root).`,
          };
        }
        const nonRootUser = typeof runAsUser === "number" && runAsUser > 0;
        if (runAsNonRoot === true || nonRootUser) return null;
        return {
          container: container.name,
          path: `${container.path}.securityContext.runAsNonRoot`,
          message: `Container "${container.name}" is allowed to run as root: set runAsNonRoot: true.`,
        };
      });
    },
  },
  {
    id: "dangerousCapabilities",
    title: "Dangerous capabilities added",
    category: "security",
    defaultSeverity: "high",
    description:
      "The container adds Linux capabilities such as SYS_ADMIN, NET_ADMIN or ALL, which give near-root control over the node's kernel, network or devices.",
    remediation:
      'Remove these capabilities from `securityContext.capabilities.add`. Drop everything and add back only what the app is proven to need:\n\n```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n```',
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const added = record(containerSecurityContext(container).capabilities).add;
        if (!Array.isArray(added)) return null;
        const dangerous = added.map(normalizeCapability).filter((cap) => DANGEROUS_CAPABILITIES.has(cap));
        if (dangerous.length === 0) return null;
        return {
          container: container.name,
          path: `${container.path}.securityContext.capabilities.add`,
          message: `Container "${container.name}" adds dangerous capabilities: ${dangerous.join(", ")}.`,
        };
      }),
  },
  {
    id: "hostNetworkSet",
    title: "Host network used",
    category: "security",
    defaultSeverity: "high",
    description:
      "The pod uses the node's own network: it can listen on any node port, reach services bound to the node's localhost, and escapes NetworkPolicies.",
    remediation:
      "Remove `hostNetwork: true` from the pod spec and expose the app through a Service:\n\n```yaml\nspec:\n  hostNetwork: false\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => podFlagFailure(ctx, "hostNetwork", "The pod shares the node's network namespace."),
  },
  {
    id: "hostPIDSet",
    title: "Host process namespace shared",
    category: "security",
    defaultSeverity: "high",
    description:
      "The pod shares the node's process namespace: it can see every process on the node, read their environment and signal them.",
    remediation:
      "Remove `hostPID: true` from the pod spec. Ordinary applications never need it:\n\n```yaml\nspec:\n  hostPID: false\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => podFlagFailure(ctx, "hostPID", "The pod shares the node's process namespace."),
  },
  {
    id: "hostIPCSet",
    title: "Host IPC namespace shared",
    category: "security",
    defaultSeverity: "high",
    description:
      "The pod shares the node's inter-process communication namespace, so it can read and tamper with shared memory of other processes on the node.",
    remediation:
      "Remove `hostIPC: true` from the pod spec. Ordinary applications never need it:\n\n```yaml\nspec:\n  hostIPC: false\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => podFlagFailure(ctx, "hostIPC", "The pod shares the node's IPC namespace."),
  },
  {
    id: "hostPathSet",
    title: "Host path volume mounted",
    category: "security",
    defaultSeverity: "high",
    description:
      "A `hostPath` volume mounts a directory of the node into the pod, which can expose the node's files, credentials or container runtime socket.",
    remediation:
      "Replace the `hostPath` volume with an `emptyDir` for scratch space, a ConfigMap or Secret for configuration, or a PersistentVolumeClaim for data:\n\n```yaml\nvolumes:\n  - name: cache\n    emptyDir: {}\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => {
      const volumes = ctx.podSpec?.volumes;
      if (!Array.isArray(volumes)) return [];
      return volumes.flatMap((volume, index) => {
        const hostPath = record(volume).hostPath;
        if (hostPath === undefined) return [];
        const name = String(record(volume).name ?? index);
        return [
          {
            path: `${ctx.podSpecPath}.volumes[${index}].hostPath`,
            message: `Volume "${name}" mounts the node path ${String(record(hostPath).path ?? "(unknown)")}.`,
          },
        ];
      });
    },
  },
  {
    id: "hostPortSet",
    title: "Host port used",
    category: "security",
    defaultSeverity: "medium",
    description:
      "A container binds a port directly on the node (`hostPort`), outside the cluster's normal Service routing, and only one such pod fits per node.",
    remediation:
      "Remove `hostPort` from the container's `ports` and expose the app with a Service or an Ingress:\n\n```yaml\nports:\n  - containerPort: 8080\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const ports = container.spec.ports;
        if (!Array.isArray(ports)) return null;
        return ports.flatMap((port, index) =>
          // 0 is how Kubernetes writes "no host port".
          isUnsetPort(record(port).hostPort)
            ? []
            : [
                {
                  container: container.name,
                  path: `${container.path}.ports[${index}].hostPort`,
                  message: `Container "${container.name}" binds host port ${String(record(port).hostPort)}.`,
                },
              ],
        );
      }),
  },
  {
    id: "notReadOnlyRootFilesystem",
    title: "Writable root filesystem",
    category: "security",
    defaultSeverity: "medium",
    description:
      "The container can write to its own filesystem, so an attacker who gets in can download tools or modify the application's files.",
    remediation:
      "Set `readOnlyRootFilesystem: true` and mount an `emptyDir` on the few paths the app writes to:\n\n```yaml\nsecurityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp\n# and in the pod spec: volumes: [{ name: tmp, emptyDir: {} }]\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) =>
        containerSecurityContext(container).readOnlyRootFilesystem === true
          ? null
          : {
              container: container.name,
              path: `${container.path}.securityContext.readOnlyRootFilesystem`,
              message: `Container "${container.name}" has a writable root filesystem.`,
            },
      ),
  },
  {
    id: "tlsSettingsMissing",
    title: "Ingress without TLS",
    category: "security",
    defaultSeverity: "medium",
    description:
      "The Ingress has no `tls` section, so it serves its hosts over plain HTTP: requests, responses and credentials travel unencrypted.",
    remediation:
      "Add a `tls` section naming the hosts and the Secret holding their certificate (cert-manager can issue and renew it):\n\n```yaml\nspec:\n  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n```",
    appliesTo: ["Ingress"],
    evaluate: (ctx) => {
      const tls = record(ctx.object.spec).tls;
      if (Array.isArray(tls) && tls.length > 0) return [];
      return [{ path: "spec.tls", message: "The Ingress has no TLS section." }];
    },
  },
];
