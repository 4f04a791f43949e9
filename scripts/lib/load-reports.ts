import { readFileSync } from "node:fs";
import path from "node:path";

// Reports for the load and fault scripts: the real fixtures of every type the agent sends, varied
// per cluster and round so findings open, get fixed and reopen between rounds (a fixed report would
// be a no-op after the first round). Every variant keeps the fixture's shape, so all of them must
// be processed, none refused.

export type TReportType =
  "polaris" | "trivy" | "workloads" | "kube-bench" | "goldilocks" | "nova" | "pluto" | "opencost" | "cloudcosts";

type TJson = Record<string, unknown>;

const FIXTURES: Record<TReportType, string> = {
  polaris: "../shared/fixtures/polaris/audit-dashboard-sample.json",
  trivy: "../shared/fixtures/trivy-insights/v0.26-latest.json",
  workloads: "lib/ingest/parsers/fixtures/workloads-report.json",
  "kube-bench": "../shared/fixtures/kube-bench/result.json",
  goldilocks: "lib/ingest/parsers/fixtures/goldilocks-summary-mixed.json",
  nova: "../shared/fixtures/nova/usage-output-example.json",
  pluto: "../shared/fixtures/pluto/docs-output-example.json",
  opencost: "../shared/fixtures/opencost/allocation-example-output.json",
  cloudcosts: "../shared/fixtures/cloud-costs/aws_standard.json",
};

export const REPORT_TYPES = Object.keys(FIXTURES) as TReportType[];

/** A small deterministic generator (runs are comparable; a variant can be rebuilt from its seed). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Keeps each element with probability `p`, at least one. */
function sample<T>(items: readonly T[], p: number, random: () => number): T[] {
  const kept = items.filter(() => random() < p);
  return kept.length ? kept : items.slice(0, 1);
}

function polaris(doc: TJson, random: () => number): TJson {
  // Every check result flips with probability 0.3: findings open, get fixed, reopen.
  const flip = (results: unknown) => {
    for (const r of Object.values((results ?? {}) as Record<string, { Success?: boolean }>)) {
      if (random() < 0.3) r.Success = !r.Success;
    }
  };
  for (const result of doc.Results as TJson[]) {
    flip(result.Results);
    const pod = result.PodResult as TJson | null;
    if (!pod) continue;
    flip(pod.Results);
    for (const c of (pod.ContainerResults ?? []) as TJson[]) flip(c.Results);
  }
  return doc;
}

function trivy(doc: TJson, random: () => number, share: number): TJson {
  // A share of the images (workloads come and go), with only the vulnerabilities they reference.
  const images = sample(doc.Images as TJson[], share, random);
  const referenced = new Set<string>();
  for (const image of images) {
    for (const target of (image.Report ?? []) as TJson[]) {
      for (const v of (target.Vulnerabilities ?? []) as TJson[]) referenced.add(String(v.VulnerabilityID));
    }
  }
  const all = doc.Vulnerabilities as Record<string, unknown>;
  return { ...doc, Images: images, Vulnerabilities: Object.fromEntries([...referenced].map((id) => [id, all[id]])) };
}

function kubeBench(doc: TJson, random: () => number): TJson {
  for (const control of doc.Controls as TJson[]) {
    for (const group of (control.tests ?? []) as TJson[]) {
      for (const result of (group.results ?? []) as TJson[]) {
        if (random() < 0.3) result.status = result.status === "FAIL" ? "PASS" : "FAIL";
      }
    }
  }
  return doc;
}

function opencost(doc: TJson, random: () => number): TJson {
  // Costs move a little every round.
  for (const window of doc.data as Record<string, TJson>[]) {
    for (const allocation of Object.values(window)) {
      for (const key of Object.keys(allocation)) {
        if (key.endsWith("Cost") && typeof allocation[key] === "number") {
          allocation[key] = Math.round((allocation[key] as number) * (0.8 + random() * 0.4) * 1e6) / 1e6;
        }
      }
    }
  }
  return doc;
}

function cloudcosts(doc: TJson, random: () => number, share: number): TJson {
  const set = doc.ResultSet as TJson;
  const [header, ...rows] = set.Rows as unknown[];
  return { ...doc, ResultSet: { ...set, Rows: [header, ...sample(rows, share, random)] } };
}

function workloads(doc: TJson, random: () => number): TJson {
  // Now and then a workload is gone: its findings become "removed", and come back with it.
  return { ...doc, Controllers: sample(doc.Controllers as unknown[], 0.85, random) };
}

function goldilocks(doc: TJson, random: () => number): TJson {
  const namespaces = doc.Namespaces as Record<string, unknown>;
  const kept = sample(Object.keys(namespaces), 0.7, random);
  return { ...doc, Namespaces: Object.fromEntries(kept.map((n) => [n, namespaces[n]])) };
}

export type TReportSet = {
  /** The report of `type` for a cluster in a round, as bytes an agent would send. */
  body: (type: TReportType, cluster: number, round: number) => Buffer;
};

/**
 * Loads the fixtures once (`root` is the project directory). `heavyShare` is the share of trivy
 * images and cloud cost rows kept per round (1 = the whole ~1 MB fixtures).
 */
export function loadReportSet(root: string, options: { heavyShare?: number } = {}): TReportSet {
  const share = options.heavyShare ?? 0.5;
  const raw = Object.fromEntries(
    REPORT_TYPES.map((t) => [t, readFileSync(path.resolve(root, FIXTURES[t]), "utf8")]),
  ) as Record<TReportType, string>;
  return {
    body(type, cluster, round) {
      const random = rng(cluster * 100_003 + round * 7919 + REPORT_TYPES.indexOf(type) * 31);
      const doc = JSON.parse(raw[type]) as TJson;
      const varied =
        type === "polaris"
          ? polaris(doc, random)
          : type === "trivy"
            ? trivy(doc, random, share)
            : type === "kube-bench"
              ? kubeBench(doc, random)
              : type === "opencost"
                ? opencost(doc, random)
                : type === "cloudcosts"
                  ? cloudcosts(doc, random, share)
                  : type === "workloads"
                    ? workloads(doc, random)
                    : type === "goldilocks"
                      ? goldilocks(doc, random)
                      : doc;
      // Trailing spaces make every round's bytes unique per cluster and type, also for reports the
      // variation leaves unchanged (nova, pluto): the same bytes twice would be a deduplicated retry.
      return Buffer.from(JSON.stringify(varied) + " ".repeat(round + 1));
    },
  };
}
