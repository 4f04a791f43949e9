import { describe, expect, it } from "vitest";
import type { TKubeObject } from "../types";
import { deploymentWithContainer, goodContainer, goodDeployment, goodPodSpec } from "../test-manifests";
import { INSECURE_CAPABILITIES } from "./hardening";
import { failuresOf } from "./run-check";

const CONTAINER_PATH = "spec.template.spec.containers[0]";

/** A Deployment whose pod sets no seccomp profile, so only the container's own settings can harden it. */
function unconfinedPod(container: Record<string, unknown>, podSpec: Record<string, unknown> = {}): TKubeObject {
  return goodDeployment({
    podSpec: { securityContext: { runAsNonRoot: true }, containers: [goodContainer(container)], ...podSpec },
  });
}

describe("insecureCapabilities", () => {
  it("passes when ALL is dropped, in any case, or every capability of Polaris's list is", () => {
    expect(failuresOf(goodDeployment(), "insecureCapabilities")).toEqual([]);
    const lower = deploymentWithContainer({ securityContext: { capabilities: { drop: ["all"] } } });
    expect(failuresOf(lower, "insecureCapabilities")).toEqual([]);
    const each = deploymentWithContainer({ securityContext: { capabilities: { drop: [...INSECURE_CAPABILITIES] } } });
    expect(failuresOf(each, "insecureCapabilities")).toEqual([]);
  });

  it("fails a container that drops nothing, naming what it keeps", () => {
    const failures = failuresOf(deploymentWithContainer({ securityContext: {} }), "insecureCapabilities");
    expect(failures).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.securityContext.capabilities.drop`,
        message: expect.stringMatching(/^Container "web" does not drop any capability, so it keeps .*NET_RAW/),
      },
    ]);
  });

  it("fails a container that drops only some, listing the ones left", () => {
    const partial = deploymentWithContainer({
      securityContext: { capabilities: { drop: ["NET_RAW", "cap_chown"] } },
    });
    const [failure] = failuresOf(partial, "insecureCapabilities") ?? [];
    expect(failure?.message).toMatch(/^Container "web" does not drop ALL capabilities and still keeps NET_ADMIN, /);
    expect(failure?.message).not.toContain("NET_RAW");
    expect(failure?.message).not.toContain("CHOWN,");
  });

  it("checks init containers too", () => {
    const object = goodDeployment({
      podSpec: goodPodSpec({ initContainers: [{ name: "migrate", image: "ghcr.io/acme/migrate:1" }] }),
    });
    expect(failuresOf(object, "insecureCapabilities")?.map((f) => f.container)).toEqual(["migrate"]);
  });
});

describe("linuxHardening", () => {
  const fails = (object: TKubeObject) => (failuresOf(object, "linuxHardening") ?? []).length > 0;

  it("fails a container with no profile and no dropped capability", () => {
    expect(failuresOf(unconfinedPod({ securityContext: {} }), "linuxHardening")).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.securityContext.seccompProfile`,
        message: 'Container "web" has no seccomp, AppArmor or SELinux profile and drops no capabilities.',
      },
    ]);
  });

  it("passes with any one measure: dropped capabilities, seccomp, SELinux or AppArmor", () => {
    expect(fails(unconfinedPod({ securityContext: { capabilities: { drop: ["NET_RAW"] } } }))).toBe(false);
    expect(fails(unconfinedPod({ securityContext: { seccompProfile: { type: "RuntimeDefault" } } }))).toBe(false);
    expect(fails(unconfinedPod({ securityContext: { seLinuxOptions: { level: "s0:c123,c456" } } }))).toBe(false);
    expect(fails(unconfinedPod({ securityContext: { appArmorProfile: { type: "RuntimeDefault" } } }))).toBe(false);
    const podSeLinux = unconfinedPod(
      { securityContext: {} },
      { securityContext: { seLinuxOptions: { type: "container_t" } } },
    );
    expect(fails(podSeLinux)).toBe(false);
  });

  it("reads the AppArmor annotation of the Pod template for the container's name", () => {
    const annotated = (value: string): TKubeObject => {
      const object = unconfinedPod({ securityContext: {} });
      const template = (object.spec as { template: { metadata: Record<string, unknown> } }).template;
      template.metadata.annotations = { "container.apparmor.security.beta.kubernetes.io/web": value };
      return object;
    };
    expect(fails(annotated("runtime/default"))).toBe(false);
    expect(fails(annotated("unconfined"))).toBe(true);
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", annotations: { "container.apparmor.security.beta.kubernetes.io/web": "localhost/app" } },
      spec: { containers: [goodContainer({ securityContext: {} })] },
    };
    expect(fails(pod)).toBe(false);
  });

  it("does not count a pod's seccomp profile that the container sets back to Unconfined, nor an empty one", () => {
    expect(fails(goodDeployment({ podSpec: { containers: [goodContainer({ securityContext: {} })] } }))).toBe(false);
    const undone = goodDeployment({
      podSpec: { containers: [goodContainer({ securityContext: { seccompProfile: { type: "Unconfined" } } })] },
    });
    expect(fails(undone)).toBe(true);
    expect(fails(unconfinedPod({ securityContext: { seLinuxOptions: {} } }))).toBe(true);
  });

  it("does not count dropped capabilities when the container adds ALL back", () => {
    const object = unconfinedPod({ securityContext: { capabilities: { drop: ["NET_RAW"], add: ["ALL"] } } });
    expect(fails(object)).toBe(true);
  });
});

describe("procMount", () => {
  it("fails any procMount but Default, on init containers too", () => {
    expect(failuresOf(goodDeployment(), "procMount")).toEqual([]);
    expect(failuresOf(deploymentWithContainer({ securityContext: { procMount: "Default" } }), "procMount")).toEqual([]);
    const unmasked = goodDeployment({
      podSpec: goodPodSpec({
        initContainers: [goodContainer({ name: "setup", securityContext: { procMount: "Unmasked" } })],
      }),
    });
    expect(failuresOf(unmasked, "procMount")).toEqual([
      {
        container: "setup",
        path: "spec.template.spec.initContainers[0].securityContext.procMount",
        message: 'Container "setup" sets procMount: Unmasked.',
      },
    ]);
  });
});

describe("hostProcess", () => {
  it("fails a Windows host process set on the pod or on a container", () => {
    expect(failuresOf(goodDeployment(), "hostProcess")).toEqual([]);
    const off = deploymentWithContainer({ securityContext: { windowsOptions: { hostProcess: false } } });
    expect(failuresOf(off, "hostProcess")).toEqual([]);
    const container = deploymentWithContainer({ securityContext: { windowsOptions: { hostProcess: true } } });
    expect(failuresOf(container, "hostProcess")).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.securityContext.windowsOptions.hostProcess`,
        message: 'Container "web" runs as a Windows host process.',
      },
    ]);
    const pod = goodDeployment({ podSpec: { securityContext: { windowsOptions: { hostProcess: true } } } });
    expect(failuresOf(pod, "hostProcess")).toEqual([
      {
        path: "spec.template.spec.securityContext.windowsOptions.hostProcess",
        message: "Every container of the pod runs as a Windows host process.",
      },
    ]);
  });
});

describe("automountServiceAccountToken", () => {
  it("passes only when the pod turns the mount off", () => {
    expect(failuresOf(goodDeployment(), "automountServiceAccountToken")).toEqual([]);
    const unset = goodDeployment({ podSpec: { automountServiceAccountToken: undefined, serviceAccountName: "shop" } });
    expect(failuresOf(unset, "automountServiceAccountToken")).toEqual([
      {
        path: "spec.template.spec.automountServiceAccountToken",
        message:
          'The pod does not set automountServiceAccountToken: false, so the API token of the "shop" ServiceAccount is mounted into it unless that ServiceAccount turns automounting off.',
      },
    ]);
    const on = goodDeployment({ podSpec: { automountServiceAccountToken: true } });
    expect(failuresOf(on, "automountServiceAccountToken")?.[0]?.message).toBe(
      "The pod sets automountServiceAccountToken: true, so the API token of the namespace's default ServiceAccount is mounted into it.",
    );
  });
});
