import { formatMoney } from "./numbers";
import type { TRightsizingRow } from "../queries/rightsizing";

// Display rows of the rightsizing page. Pure.

const GIB = 2 ** 30;
const MIB = 2 ** 20;

/** "250m" under one core, else "1.5 cores"; "—" when not set. */
export function formatCores(cores: number | null): string {
  if (cores === null) return "—";
  if (cores < 1) return `${Math.round(cores * 1000)}m`;
  const n = Number(cores.toFixed(2));
  return `${n} core${n === 1 ? "" : "s"}`;
}

/** "300 MiB" under one GiB, else "1.5 GiB"; "—" when not set. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < GIB) return `${Math.round(bytes / MIB)} MiB`;
  return `${Number((bytes / GIB).toFixed(2))} GiB`;
}

export type TPreparedRightsizing = {
  key: string;
  workload: string;
  container: string;
  /** Namespace, cluster and replicas. */
  where: string;
  kind: string;
  team: { slug: string; name: string } | null;
  replicas: number;
  cpu: { current: string; recommended: string; changed: boolean };
  memory: { current: string; recommended: string; changed: boolean };
  saving: string;
  /** more: the container needs more than it asks for (a negative saving, a reliability fix). */
  direction: "save" | "more" | "none";
  findings: { id: string; checkId: string; label: string }[];
};

const CHECK_LABELS: Record<string, string> = {
  cpuRequestTooHigh: "CPU",
  cpuRequestTooLow: "CPU",
  memoryRequestTooHigh: "Memory",
  memoryRequestTooLow: "Memory",
};

export function prepareRightsizing(rows: readonly TRightsizingRow[], currency: string): TPreparedRightsizing[] {
  return rows.map((r) => ({
    key: [r.cluster.slug, r.namespace, r.kind, r.workload, r.container].join("/"),
    workload: r.workload,
    container: r.container,
    where: `${r.namespace} · ${r.cluster.name} · ${r.replicas} replica${r.replicas === 1 ? "" : "s"}`,
    kind: r.kind,
    team: r.team ? { slug: r.team.slug, name: r.team.name } : null,
    replicas: r.replicas,
    cpu: {
      current: formatCores(r.current.cpuCores),
      recommended: formatCores(r.recommended.cpuCores),
      changed: r.recommended.cpuCores !== null,
    },
    memory: {
      current: formatBytes(r.current.memoryBytes),
      recommended: formatBytes(r.recommended.memoryBytes),
      changed: r.recommended.memoryBytes !== null,
    },
    saving:
      Math.abs(r.monthlySaving) < 0.005
        ? formatMoney(0, currency)
        : `${r.monthlySaving < 0 ? "−" : ""}${formatMoney(Math.abs(r.monthlySaving), currency)}`,
    direction: r.monthlySaving >= 0.005 ? "save" : r.monthlySaving <= -0.005 ? "more" : "none",
    findings: r.findings
      .map((f) => ({ ...f, label: CHECK_LABELS[f.checkId] ?? f.checkId }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  }));
}

/** The monthly saving if every recommendation that saves were applied (the ones that add cost are reliability fixes). */
export function totalSaving(rows: readonly TRightsizingRow[]): number {
  return rows.reduce((s, r) => s + Math.max(0, r.monthlySaving), 0);
}
