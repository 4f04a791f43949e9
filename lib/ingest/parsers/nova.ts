import { z } from "zod";
import { parseReportShape } from "./report-shape";
import { ReportShapeError, type TParsedFinding, type TParseResult } from "./types";

// Follows nova pkg/output/output.go: CombinedOutputFormat {helm, include_all, container{container_images,
// err_images, latest_string_found}} from `nova find --helm --containers`, Output {helm, include_all}
// from a helm-only run, ContainersOutput from `--containers` alone, and the bare []ReleaseOutput that
// a helm-only run prints to stdout.
const ZVersionInfo = z.object({ version: z.string().nullish(), appVersion: z.string().nullish() }).nullish();

const ZRelease = z.object({
  release: z.string(),
  chartName: z.string().nullish(),
  namespace: z.string().nullish(),
  description: z.string().nullish(),
  home: z.string().nullish(),
  Installed: ZVersionInfo,
  Latest: ZVersionInfo,
  outdated: z.boolean().nullish(),
  deprecated: z.boolean().nullish(),
  helmVersion: z.string().nullish(),
  overridden: z.boolean().nullish(),
});
type TRelease = z.output<typeof ZRelease>;

const ZContainerImage = z.object({
  name: z.string(),
  current_version: z.string().nullish(),
  latest_version: z.string().nullish(),
  latest_minor_version: z.string().nullish(),
  latest_patch_version: z.string().nullish(),
  outdated: z.boolean().nullish(),
  affectedWorkloads: z
    .array(
      z.object({
        name: z.string(),
        namespace: z.string().nullish(),
        kind: z.string().nullish(),
        container: z.string().nullish(),
      }),
    )
    .nullish(),
});
type TContainerImage = z.output<typeof ZContainerImage>;

const ZContainers = z.object({
  container_images: z.array(ZContainerImage).nullish(),
  err_images: z.array(z.object({ Image: z.string().nullish(), Err: z.string().nullish() })).nullish(),
  latest_string_found: z.boolean().nullish(),
});

const ZNovaReport = z.object({
  helm: z.array(ZRelease).nullish(),
  include_all: z.boolean().nullish(),
  container: ZContainers.nullish(),
  // A containers-only run puts these at the top level.
  container_images: ZContainers.shape.container_images,
  err_images: ZContainers.shape.err_images,
  latest_string_found: ZContainers.shape.latest_string_found,
});

/**
 * Orders two version strings ("v1.9.1", "1.9.1", "4.0.1-rc.1"); null when either is missing. Numeric
 * parts compare as numbers, a pre-release sorts before its release, like semver.
 */
export function compareVersions(a: string, b: string): number | null {
  if (a.trim() === "" || b.trim() === "") return null;
  const split = (v: string) => {
    const [core, ...pre] = v.trim().replace(/^v/i, "").split("-");
    return { parts: core.split("."), pre: pre.join("-") };
  };
  const left = split(a);
  const right = split(b);
  for (let i = 0; i < Math.max(left.parts.length, right.parts.length); i++) {
    const l = left.parts[i] ?? "0";
    const r = right.parts[i] ?? "0";
    const bothNumeric = /^\d+$/.test(l) && /^\d+$/.test(r);
    const order = bothNumeric ? Math.sign(Number(l) - Number(r)) : l.localeCompare(r);
    if (order !== 0) return order;
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === "") return 1;
  if (right.pre === "") return -1;
  return left.pre.localeCompare(right.pre, undefined, { numeric: true });
}

function releaseFinding(release: TRelease): TParsedFinding | null {
  const installed = release.Installed?.version ?? "";
  const latest = release.Latest?.version ?? "";
  const order = compareVersions(installed, latest);
  const outdated = release.outdated === true || (order !== null && order < 0);
  const deprecated = release.deprecated === true;
  if (!outdated && !deprecated) return null;

  const chart = release.chartName || release.release;
  const namespace = release.namespace ?? "";
  const nsFlag = namespace ? ` --namespace ${namespace}` : "";
  const upgrade =
    `Read the chart's release notes for every version between ${installed || "the installed one"} and ${latest}` +
    ` (a new major version often renames values), then run \`helm repo update\` and` +
    ` \`helm upgrade ${release.release} <repo>/${chart} --version ${latest}${nsFlag} --reuse-values\`` +
    " (or bump the version where the release is declared: Helmfile, Argo CD, Flux).";
  const title = deprecated
    ? `Helm chart ${chart} is deprecated`
    : `Helm chart ${chart} ${installed} is outdated (latest ${latest})`;
  const description = deprecated
    ? `The release ${release.release} is installed from the chart ${chart} ${installed}, which its maintainers have marked as deprecated: it no longer receives fixes, including security fixes.`
    : `The release ${release.release} runs the chart ${chart} ${installed} (app ${release.Installed?.appVersion || "unknown"}), while ${latest} (app ${release.Latest?.appVersion || "unknown"}) is available. Older charts miss bug and security fixes, and the further behind a release falls the harder the upgrade gets.`;
  const remediation = deprecated
    ? `Find the chart that replaces ${chart} (its home page${release.home ? `, ${release.home},` : ""} or Artifact Hub usually names it) and migrate the release to it.` +
      (outdated ? ` Until then, staying on the newest version (${latest}) keeps the last fixes: ${upgrade}` : "")
    : upgrade;

  return {
    checkId: deprecated ? "helm-chart-deprecated" : "helm-chart-outdated",
    title,
    description,
    remediation,
    category: "upgrade",
    severity: deprecated ? 0.5 : 0.25,
    resource: { namespace, kind: "HelmRelease", name: release.release, container: "" },
    evidence: {
      chartName: chart,
      installed: { version: installed, appVersion: release.Installed?.appVersion ?? "" },
      latest: { version: latest, appVersion: release.Latest?.appVersion ?? "" },
      outdated,
      deprecated,
      ...(release.helmVersion ? { helmVersion: release.helmVersion } : {}),
    },
  };
}

function imageFindings(image: TContainerImage): TParsedFinding[] {
  const current = image.current_version ?? "";
  const latest = image.latest_version ?? "";
  const order = compareVersions(current, latest);
  if (!(image.outdated === true || (order !== null && order < 0))) return [];

  const patch = image.latest_patch_version ?? "";
  const minor = image.latest_minor_version ?? "";
  const steps = [
    patch && patch !== current ? `${patch} (newest patch release: fixes only, the safest step)` : "",
    minor && minor !== current && minor !== latest ? `${minor} (newest minor release)` : "",
    `${latest} (newest release: read its release notes first)`,
  ].filter(Boolean);
  const remediation =
    `Change the image tag of ${image.name} in the workload's manifest or Helm values to one of: ${steps.join("; ")}.` +
    " If the image comes from a Helm chart or is managed by the cluster provider (for example control-plane components), upgrade the chart or the cluster instead of editing it by hand.";
  const base = {
    checkId: "container-image-outdated",
    title: `Container image ${image.name} ${current} is outdated (latest ${latest})`,
    description: `The container runs ${image.name}:${current}, but newer versions are published. Outdated images miss bug and security fixes.`,
    remediation,
    category: "upgrade" as const,
    severity: 0.25,
    evidence: {
      image: image.name,
      currentVersion: current,
      latestVersion: latest,
      latestMinorVersion: minor,
      latestPatchVersion: patch,
    },
  };
  const workloads = image.affectedWorkloads ?? [];
  // Without the workloads (older Nova) the image itself is the resource, so the finding is still shown.
  if (workloads.length === 0) {
    return [{ ...base, resource: { namespace: "", kind: "ContainerImage", name: image.name, container: "" } }];
  }
  return workloads.map((w) => ({
    ...base,
    resource: { namespace: w.namespace ?? "", kind: w.kind || "Pod", name: w.name, container: w.container ?? "" },
  }));
}

type TNovaReport = { releases: TRelease[]; containers: z.output<typeof ZContainers> };

function readNovaReport(report: unknown): TNovaReport {
  if (Array.isArray(report)) return { releases: parseReportShape(z.array(ZRelease), report), containers: {} };
  const parsed = parseReportShape(ZNovaReport, report);
  // null counts as present (Go's nil slice); a body with none of the keys is some other tool's report.
  if (parsed.helm === undefined && parsed.container === undefined && parsed.container_images === undefined) {
    throw new ReportShapeError("(root)", "expected Nova output with `helm` and/or `container`");
  }
  return {
    releases: parsed.helm ?? [],
    containers: parsed.container ?? {
      container_images: parsed.container_images,
      err_images: parsed.err_images,
      latest_string_found: parsed.latest_string_found,
    },
  };
}

/** Nova output → upgrade findings for outdated or deprecated Helm releases and outdated container images. */
export function parseNova(report: unknown): TParseResult {
  const { releases, containers } = readNovaReport(report);
  const images = containers.container_images ?? [];
  return {
    findings: [...releases.flatMap((r) => releaseFinding(r) ?? []), ...images.flatMap(imageFindings)],
    meta: {
      helmReleases: releases.length,
      containerImages: images.length,
      erroredImages: (containers.err_images ?? []).map((e) => ({ image: e.Image ?? "", error: e.Err ?? "" })),
      latestTagFound: containers.latest_string_found === true,
    },
  };
}
