import type { TCheck, TCheckContext, TContainerRef } from "../types";
import {
  ALL_WORKLOADS,
  containerSecurityContext,
  eachContainer,
  normalizeCapability,
  podSecurityContext,
  podTemplateMetadata,
  record,
  stringItems,
} from "./helpers";

/** Default runtime capabilities Polaris expects dropped when `ALL` is not (its insecureCapabilities list). */
export const INSECURE_CAPABILITIES = [
  "NET_ADMIN",
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "MKNOD",
  "NET_RAW",
  "SETGID",
  "SETUID",
  "SETFCAP",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "SYS_CHROOT",
  "KILL",
  "AUDIT_WRITE",
];

const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

/** Whether the profile that applies (the container's type when it names one, else the pod's) confines it. */
function confined(containerProfile: unknown, podProfile: unknown): boolean {
  const own = record(containerProfile).type;
  const type = typeof own === "string" && own !== "" ? own : record(podProfile).type;
  return typeof type === "string" && type !== "" && type !== "Unconfined";
}

/** Polaris's linuxHardening: any one of seccomp, SELinux, AppArmor or dropped capabilities is enough. */
function isHardened(ctx: TCheckContext, container: TContainerRef): boolean {
  const pod = podSecurityContext(ctx);
  const sc = containerSecurityContext(container);
  // A container's own profile overrides the pod's, so an Unconfined container undoes a confined pod.
  if (confined(sc.seccompProfile, pod.seccompProfile)) return true;
  if (Object.keys(record(pod.seLinuxOptions)).length > 0) return true;
  if (Object.keys(record(sc.seLinuxOptions)).length > 0) return true;
  // appArmorProfile is the field that replaced the annotation in Kubernetes 1.30.
  if (confined(sc.appArmorProfile, pod.appArmorProfile)) return true;
  const annotation = record(podTemplateMetadata(ctx).annotations)[APPARMOR_ANNOTATION_PREFIX + container.name];
  if (typeof annotation === "string" && annotation !== "" && annotation !== "unconfined") return true;
  const capabilities = record(sc.capabilities);
  const dropsSome = stringItems(capabilities.drop).length > 0;
  const addsAll = stringItems(capabilities.add).some((cap) => normalizeCapability(cap) === "ALL");
  return dropsSome && !addsAll;
}

export const HARDENING_CHECKS: TCheck[] = [
  {
    id: "insecureCapabilities",
    title: "Default capabilities not dropped",
    category: "security",
    defaultSeverity: "medium",
    description:
      "The container keeps Linux capabilities that container runtimes grant by default, such as NET_RAW, SETUID or CHOWN. Most applications never use them, and an attacker can: NET_RAW, for example, lets a process spoof traffic on the pod network.",
    remediation:
      'Drop every capability, then add back only one the app is proven to need (usually none):\n\n```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n```',
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const dropped = new Set(
          stringItems(record(containerSecurityContext(container).capabilities).drop).map(normalizeCapability),
        );
        if (dropped.has("ALL")) return null;
        const kept = INSECURE_CAPABILITIES.filter((cap) => !dropped.has(cap));
        if (kept.length === 0) return null;
        return {
          container: container.name,
          path: `${container.path}.securityContext.capabilities.drop`,
          message:
            dropped.size === 0
              ? `Container "${container.name}" does not drop any capability, so it keeps the runtime's defaults (${kept.join(", ")}).`
              : `Container "${container.name}" does not drop ALL capabilities and still keeps ${kept.join(", ")}.`,
        };
      }),
  },
  {
    id: "linuxHardening",
    title: "No Linux hardening",
    category: "security",
    defaultSeverity: "medium",
    description:
      "The container uses neither a seccomp, AppArmor or SELinux profile nor dropped capabilities, so a compromised process can call any kernel feature the runtime allows.",
    remediation:
      'Use the runtime\'s default seccomp profile for the whole pod, and drop capabilities in each container:\n\n```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      securityContext:\n        capabilities:\n          drop: ["ALL"]\n```',
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) =>
        isHardened(ctx, container)
          ? null
          : {
              container: container.name,
              path: `${container.path}.securityContext.seccompProfile`,
              message: `Container "${container.name}" has no seccomp, AppArmor or SELinux profile and drops no capabilities.`,
            },
      ),
  },
  {
    id: "procMount",
    title: "Unmasked /proc",
    category: "security",
    defaultSeverity: "medium",
    description:
      "The container asks for an unmasked `/proc` (`procMount` other than `Default`), which exposes kernel information and settings the runtime normally hides from containers.",
    remediation:
      "Remove `procMount` from the container's `securityContext`, or set it to `Default`:\n\n```yaml\nsecurityContext:\n  procMount: Default\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) =>
      eachContainer(ctx, (container) => {
        const procMount = containerSecurityContext(container).procMount;
        if (procMount === undefined || procMount === null || procMount === "Default") return null;
        return {
          container: container.name,
          path: `${container.path}.securityContext.procMount`,
          message: `Container "${container.name}" sets procMount: ${String(procMount)}.`,
        };
      }),
  },
  {
    id: "hostProcess",
    title: "Windows host process",
    category: "security",
    // Polaris rates it a warning, but a HostProcess container is the Windows equivalent of a privileged
    // container (it runs directly on the node as an administrator), which this engine rates critical.
    defaultSeverity: "critical",
    description:
      "A Windows HostProcess container runs directly on the node, outside any container isolation, with access to the node's network, processes and files.",
    remediation:
      "Remove `hostProcess: true` from `securityContext.windowsOptions` (on the pod and on each container). Only node agents installed by the platform team need it:\n\n```yaml\nsecurityContext:\n  windowsOptions:\n    hostProcess: false\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => {
      const failures = eachContainer(ctx, (container) =>
        record(containerSecurityContext(container).windowsOptions).hostProcess === true
          ? {
              container: container.name,
              path: `${container.path}.securityContext.windowsOptions.hostProcess`,
              message: `Container "${container.name}" runs as a Windows host process.`,
            }
          : null,
      );
      if (record(podSecurityContext(ctx).windowsOptions).hostProcess === true) {
        failures.unshift({
          path: `${ctx.podSpecPath}.securityContext.windowsOptions.hostProcess`,
          message: "Every container of the pod runs as a Windows host process.",
        });
      }
      return failures;
    },
  },
  {
    id: "automountServiceAccountToken",
    title: "Service account token mounted",
    category: "security",
    defaultSeverity: "medium",
    description:
      "Kubernetes mounts an API token of the pod's ServiceAccount into every container unless told not to. If the app never calls the Kubernetes API, the token only helps an attacker who gets into the pod.",
    remediation:
      "Turn the mount off in the pod spec (or on the ServiceAccount) unless the app talks to the Kubernetes API:\n\n```yaml\nspec:\n  automountServiceAccountToken: false\n```",
    appliesTo: ALL_WORKLOADS,
    evaluate: (ctx) => {
      const setting = ctx.podSpec?.automountServiceAccountToken;
      // Only the pod spec is visible here; a ServiceAccount that disables automounting is another object.
      if (setting === false || !ctx.podSpec) return [];
      const account = typeof ctx.podSpec.serviceAccountName === "string" ? ctx.podSpec.serviceAccountName : "";
      const owner = account ? `the "${account}" ServiceAccount` : "the namespace's default ServiceAccount";
      return [
        {
          path: `${ctx.podSpecPath}.automountServiceAccountToken`,
          message:
            setting === true
              ? `The pod sets automountServiceAccountToken: true, so the API token of ${owner} is mounted into it.`
              : `The pod does not set automountServiceAccountToken: false, so the API token of ${owner} is mounted into it unless that ServiceAccount turns automounting off.`,
        },
      ];
    },
  },
];
