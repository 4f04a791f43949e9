import type { TContainerRef, TKubeObject } from "./types";

/** Kinds whose Pod template sits at `spec.template.spec`. */
const TEMPLATE_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);

/** Every kind the engine extracts a Pod template from. */
export const WORKLOAD_KINDS = ["Pod", ...TEMPLATE_KINDS, "CronJob"] as const;

export type TPodTemplate = {
  spec: Record<string, unknown>;
  /** JSON path of the Pod spec inside the object. */
  path: string;
  containers: TContainerRef[];
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function dig(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function podSpecKeys(kind: string): string[] | null {
  if (kind === "Pod") return ["spec"];
  if (TEMPLATE_KINDS.has(kind)) return ["spec", "template", "spec"];
  if (kind === "CronJob") return ["spec", "jobTemplate", "spec", "template", "spec"];
  return null;
}

function listContainers(spec: Record<string, unknown>, specPath: string): TContainerRef[] {
  const refs: TContainerRef[] = [];
  for (const [field, kind] of [
    ["initContainers", "initContainer"],
    ["containers", "container"],
  ] as const) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (!isRecord(item)) return;
      const name = typeof item.name === "string" ? item.name : `${field}[${index}]`;
      refs.push({ name, kind, path: `${specPath}.${field}[${index}]`, spec: item });
    });
  }
  return refs;
}

/** The Pod template of a workload object, or null for kinds without one (or a malformed object). */
export function extractPodTemplate(object: TKubeObject): TPodTemplate | null {
  const kind = typeof object.kind === "string" ? object.kind : "";
  const keys = podSpecKeys(kind);
  if (!keys) return null;
  const spec = dig(object, keys);
  if (!isRecord(spec)) return null;
  const path = keys.join(".");
  return { spec, path, containers: listContainers(spec, path) };
}
