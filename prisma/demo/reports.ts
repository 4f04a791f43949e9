import { goldilocksReport } from "./goldilocks-report";
import type { TDemoCluster } from "./inventory";
import { kubeBenchReport } from "./kube-bench-report";
import { PHASE_REPORTS, type TPhase } from "./phases";
import { polarisReport } from "./polaris-report";
import { trivyReport } from "./trivy-report";
import { novaReport, plutoReport } from "./upgrade-reports";
import { workloadsReport } from "./workloads-report";

// Every report a demo cluster's agent uploaded in one phase, in the formats the insights-agent
// sends, built from the one description of the cluster in inventory.ts. Deterministic: the same
// phase and `now` give the same bytes.

export type TDemoReport = {
  type: string;
  body: Buffer;
  /** What the agent sends as X-Fairwinds-Report-Version: the version of the plugin that wrote it. */
  reportVersion: string | null;
};

const PLUGIN_VERSIONS: Readonly<Record<string, string>> = {
  workloads: "2.7.0",
  polaris: "9.3.0",
  trivy: "0.31.2",
  pluto: "5.19.4",
  nova: "3.10.1",
  goldilocks: "4.13.0",
  "kube-bench": "0.8.0",
};

/** What the chart's install-reporter posts after an install or upgrade: its values minus "insights". */
function installationReport(cluster: TDemoCluster) {
  return {
    values: {
      polaris: { enabled: true },
      trivy: { enabled: true, maxScansPerRun: 20, privateImages: { dockerConfigSecret: "" } },
      pluto: { enabled: true },
      nova: { enabled: true },
      goldilocks: { enabled: true, controller: { flags: { "on-by-default": false } } },
      "kube-bench": { enabled: true, mode: "daemonset" },
      workloads: { enabled: true },
      "right-sizer": { enabled: false },
      uploader: { sendFailures: true },
      global: { proxy: { http: "", https: "", no_proxy: "" } },
      fleetInstall: false,
    },
    version: cluster.chartVersion,
  };
}

function bodyOf(type: string, cluster: TDemoCluster, phase: TPhase, now: Date): unknown {
  switch (type) {
    case "installation":
      return installationReport(cluster);
    case "workloads":
      return workloadsReport(cluster, phase, now);
    case "polaris":
      return polarisReport(cluster, phase, now);
    case "trivy":
      return trivyReport(cluster, phase, now);
    case "pluto":
      return plutoReport(cluster, phase);
    case "nova":
      return novaReport(cluster, phase);
    case "goldilocks":
      return goldilocksReport(cluster, phase);
    case "kube-bench":
      return kubeBenchReport(cluster, phase);
    default:
      throw new Error(`The demo has no ${type} report`);
  }
}

export function demoReports(cluster: TDemoCluster, phase: TPhase, now: Date): TDemoReport[] {
  return PHASE_REPORTS[phase].map((type) => ({
    type,
    body: Buffer.from(JSON.stringify(bodyOf(type, cluster, phase, now))),
    reportVersion: PLUGIN_VERSIONS[type] ?? null,
  }));
}
