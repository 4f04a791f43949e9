import { z } from "zod";
import { goString } from "./go-json";
import { formatCpu, formatMemory, parseQuantity } from "@/lib/domain/quantity";
import { parseReportShape } from "./report-shape";
import type { TParseResult, TParsedFinding, TResourceRef } from "./types";

// Goldilocks summary JSON (FairwindsOps/goldilocks pkg/summary: Summary{Namespaces map[string]
// namespaceSummary{namespace, workloads map[string]workloadSummary{controllerName, controllerType,
// containers map[string]ContainerSummary{containerName, lowerBound, upperBound, target,
// uncappedTarget, limits, requests}}}}). Goldilocks reads each workload's VPA recommendation (what
// the container actually used) next to what the container requests; we flag the gaps.
// Releases before workloads were generalised wrote `deployments`/`deploymentName`: read those too.

/** A request further than this fraction from the VPA target is worth changing (0.25 = ±25 %). */
export const DEFAULT_GOLDILOCKS_THRESHOLD = 0.25;

export type TGoldilocksOptions = { threshold?: number };

const ZQuantity = z
  .union([z.string(), z.number()])
  .refine((v) => parseQuantity(v) !== null, "not a Kubernetes quantity (e.g. 250m, 1, 128Mi)");

// corev1.ResourceList; Go writes a nil list as null.
const ZResourceList = z
  .record(z.string(), ZQuantity)
  .nullish()
  .transform((v) => v ?? {});

const ZContainer = z.object({
  containerName: goString,
  lowerBound: ZResourceList,
  upperBound: ZResourceList,
  target: ZResourceList,
  uncappedTarget: ZResourceList,
  limits: ZResourceList,
  requests: ZResourceList,
});

const ZContainers = z
  .record(z.string(), ZContainer)
  .nullish()
  .transform((v) => v ?? {});

const ZWorkload = z.object({ controllerName: goString, controllerType: goString, containers: ZContainers });
const ZLegacyDeployment = z.object({ deploymentName: goString, containers: ZContainers });

const ZNamespace = z.object({
  namespace: goString,
  workloads: z.record(z.string(), ZWorkload).nullish(),
  deployments: z.record(z.string(), ZLegacyDeployment).nullish(),
});

const ZSummary = z.object({ Namespaces: z.record(z.string(), ZNamespace).nullable() });

type TResourceList = Record<string, string | number>;
type TContainer = z.output<typeof ZContainer>;

// Recommendations round up to whole millicores / MiB, minus a hair: goldilocks already rounds memory
// up to whole kilobytes ("629146k" is 600Mi plus 400 bytes), which must not become 601Mi.
const RESOURCES = [
  {
    key: "cpu",
    label: "CPU",
    Label: "CPU",
    format: formatCpu,
    recommend: (v: number) => {
      const milli = Math.ceil(v * 1000 - 0.001);
      return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
    },
  },
  {
    key: "memory",
    label: "memory",
    Label: "Memory",
    format: formatMemory,
    recommend: (v: number) => `${Math.ceil(v / 2 ** 20 - 0.001)}Mi`,
  },
] as const;
type TResource = (typeof RESOURCES)[number];

/** Set means a positive value: Kubernetes prints an unset request as "0" in several tools. */
function amount(list: TResourceList, key: string): number {
  const value = key in list ? parseQuantity(list[key]) : null;
  return value !== null && value > 0 ? value : 0;
}

function describeWorkload(resource: TResourceRef): string {
  return `container "${resource.container}" of ${resource.kind} ${resource.namespace}/${resource.name}`;
}

function kubectlSetResources(resource: TResourceRef, flag: "requests" | "limits", values: string[]): string {
  return `kubectl -n ${resource.namespace} set resources ${resource.kind.toLowerCase()}/${resource.name} -c ${resource.container} --${flag}=${values.join(",")}`;
}

const MAKE_IT_STICK =
  "Make the same change where the workload is defined (its manifest, Helm values or Kustomize overlay); otherwise the next deploy puts the old value back.";

function evidenceOf(container: TContainer, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requests: container.requests,
    limits: container.limits,
    target: container.target,
    lowerBound: container.lowerBound,
    upperBound: container.upperBound,
    ...extra,
  };
}

const LIMIT_RISKS: Record<TResource["key"], string> = {
  cpu: "without a CPU limit it may use any idle CPU on the node, so its speed depends on what its neighbours happen to be doing",
  memory:
    "without a memory limit a leak or a traffic spike can use up the node's memory and get other pods on it evicted",
};

function missingFinding(
  kind: "requests" | "limits",
  resource: TResourceRef,
  container: TContainer,
  missing: TResource[],
): TParsedFinding {
  const source = kind === "requests" ? container.target : container.upperBound;
  const names = missing.map((r) => r.label).join(" and ");
  const suggested = missing.flatMap((r) => {
    const value = amount(source, r.key);
    return value ? [`${r.key}=${r.recommend(value)}`] : [];
  });
  const what = describeWorkload(resource);
  const noun = kind === "requests" ? "request" : "limit";
  const description =
    kind === "requests"
      ? `The ${what} does not request ${names}. The scheduler then places it as if it needed nothing, so it can land on an already busy node, be starved by its neighbours, and be among the first pods evicted when the node runs short.`
      : `The ${what} has no ${names} limit: ${missing.map((r) => LIMIT_RISKS[r.key]).join("; ")}.`;
  const basis =
    kind === "requests"
      ? "Goldilocks' target (what the VPA measured it needs)"
      : "Goldilocks' upper bound (the most the VPA expects it to use)";
  const remediation =
    suggested.length > 0
      ? `Set resources.${kind} for this container to ${basis}: ${suggested.join(", ")}. To try it now: \`${kubectlSetResources(resource, kind, suggested)}\`. ${MAKE_IT_STICK}`
      : `Set resources.${kind}.${missing.map((r) => r.key).join(" and ")} for this container. Goldilocks has no recommendation yet: check again once the VPA has watched the workload for a day. ${MAKE_IT_STICK}`;
  const title = `${names} ${noun}${missing.length > 1 ? "s" : ""} not set`;
  return {
    checkId: kind === "requests" ? "resourceRequestsMissing" : "resourceLimitsMissing",
    title: title[0].toUpperCase() + title.slice(1),
    description,
    remediation,
    category: "efficiency",
    severity: 0.25,
    resource,
    evidence: evidenceOf(container, { missing: missing.map((r) => r.key) }),
  };
}

function sizingFinding(
  direction: "high" | "low",
  r: TResource,
  resource: TResourceRef,
  container: TContainer,
  request: number,
  target: number,
  threshold: number,
): TParsedFinding {
  const what = describeWorkload(resource);
  const recommended = r.recommend(target);
  // Relative to the smaller side, as people say it: "733% more than needed", "uses 134% more than requested".
  const percent = Math.round((Math.abs(request - target) / Math.min(request, target)) * 100);
  const limit = amount(container.limits, r.key);
  const description =
    direction === "high"
      ? `The ${what} requests ${r.format(request)} ${r.label}, ${percent}% more than the ${r.format(target)} it needs according to Goldilocks (VPA target). A request is reserved on the node whether it is used or not, so the difference is capacity you pay for and no other workload can use.`
      : r.key === "memory"
        ? `The ${what} requests ${r.format(request)} memory but uses about ${r.format(target)} (Goldilocks' VPA target), ${percent}% more. The scheduler packs pods by their requests, so the node may not have that memory: when it runs short, pods using more than they requested are evicted first.${limit > 0 && limit < target ? ` Its memory limit (${r.format(limit)}) is below that too, so the container is OOM-killed whenever it reaches it.` : ""}`
        : `The ${what} requests ${r.format(request)} CPU but uses about ${r.format(target)} (Goldilocks' VPA target), ${percent}% more. When the node is busy the container only gets what it requested, so it slows down exactly at peak load.`;
  return {
    checkId: `${r.key}Request${direction === "high" ? "TooHigh" : "TooLow"}`,
    title: `${r.Label} request too ${direction}`,
    description,
    remediation: `Set resources.requests.${r.key} to ${recommended} for this container. To try it now: \`${kubectlSetResources(resource, "requests", [`${r.key}=${recommended}`])}\`. ${MAKE_IT_STICK}`,
    category: "efficiency",
    // Too low on memory risks evictions and OOM kills (an outage); every other gap only costs money
    // or speed, so it stays low.
    severity: direction === "low" && r.key === "memory" ? 0.4 : 0.25,
    resource,
    evidence: evidenceOf(container, { threshold }),
  };
}

function containerFindings(resource: TResourceRef, container: TContainer, threshold: number): TParsedFinding[] {
  const findings: TParsedFinding[] = [];
  const noRequest = RESOURCES.filter((r) => amount(container.requests, r.key) === 0);
  if (noRequest.length > 0) findings.push(missingFinding("requests", resource, container, noRequest));
  const noLimit = RESOURCES.filter((r) => amount(container.limits, r.key) === 0);
  if (noLimit.length > 0) findings.push(missingFinding("limits", resource, container, noLimit));

  for (const r of RESOURCES) {
    const request = amount(container.requests, r.key);
    const target = amount(container.target, r.key);
    if (request === 0 || target === 0) continue;
    if (request > target * (1 + threshold)) {
      findings.push(sizingFinding("high", r, resource, container, request, target, threshold));
    } else if (request < target * (1 - threshold)) {
      findings.push(sizingFinding("low", r, resource, container, request, target, threshold));
    }
  }
  return findings;
}

/** Parses a Goldilocks summary into efficiency findings, one per (check, container). */
export function parseGoldilocks(report: unknown, options: TGoldilocksOptions = {}): TParseResult {
  const threshold = options.threshold ?? DEFAULT_GOLDILOCKS_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new RangeError(`Goldilocks threshold must be a non-negative number, got ${threshold}`);
  }
  const summary = parseReportShape(ZSummary, report);
  const findings: TParsedFinding[] = [];
  let containers = 0;

  for (const [namespaceKey, ns] of Object.entries(summary.Namespaces ?? {})) {
    const namespace = ns.namespace || namespaceKey;
    const workloads = [
      ...Object.entries(ns.workloads ?? {}).map(([key, w]) => ({
        kind: w.controllerType || "Deployment",
        name: w.controllerName || key,
        containers: w.containers,
      })),
      ...Object.entries(ns.deployments ?? {}).map(([key, d]) => ({
        kind: "Deployment",
        name: d.deploymentName || key,
        containers: d.containers,
      })),
    ];
    for (const workload of workloads) {
      for (const [containerKey, container] of Object.entries(workload.containers)) {
        containers++;
        const resource: TResourceRef = {
          namespace,
          kind: workload.kind,
          name: workload.name,
          container: container.containerName || containerKey,
        };
        findings.push(...containerFindings(resource, container, threshold));
      }
    }
  }

  return { findings, meta: { threshold, containers } };
}
