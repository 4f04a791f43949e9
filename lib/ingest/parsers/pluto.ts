import { z } from "zod";
import { DEPRECATION_CHECK_IDS } from "@/lib/policies/checks/deprecation";
import { parseReportShape } from "./report-shape";
import type { TParsedFinding, TParseResult } from "./types";

// Follows pluto pkg/api (Output with `api` = Version{version, kind, deprecated-in, removed-in,
// replacement-api, replacement-available-in, component}) as printed by `pluto detect-* -o json`.
// `items` is omitted when nothing was detected.
const ZPlutoReport = z.object({
  items: z
    .array(
      z.object({
        name: z.string(),
        filePath: z.string().nullish(),
        namespace: z.string().nullish(),
        api: z.object({
          version: z.string(),
          kind: z.string(),
          "deprecated-in": z.string().nullish(),
          "removed-in": z.string().nullish(),
          "replacement-api": z.string().nullish(),
          "replacement-available-in": z.string().nullish(),
          component: z.string().nullish(),
        }),
        deprecated: z.boolean().nullish(),
        removed: z.boolean().nullish(),
        replacementAvailable: z.boolean().nullish(),
      }),
    )
    .nullish(),
  "target-versions": z.record(z.string(), z.string()).nullish(),
});
type TPlutoItem = NonNullable<z.output<typeof ZPlutoReport>["items"]>[number];

const DEPRECATION_GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";

function componentName(component: string): string {
  return component === "" || component === "k8s" ? "Kubernetes" : component;
}

function toFinding(item: TPlutoItem, targetVersions: Record<string, string>): TParsedFinding {
  const { api } = item;
  const deprecatedIn = api["deprecated-in"] ?? "";
  const removedIn = api["removed-in"] ?? "";
  const replacement = api["replacement-api"] ?? "";
  const component = api.component ?? "";
  const product = componentName(component);
  const removed = item.removed === true;
  const target = targetVersions[component || "k8s"];

  const title = removed
    ? `${api.kind} uses ${api.version}, removed in ${product} ${removedIn}`
    : `${api.kind} uses ${api.version}, deprecated in ${product} ${deprecatedIn}`;

  const lifecycle = [
    deprecatedIn ? `deprecated since ${product} ${deprecatedIn}` : "",
    removedIn ? `removed as of ${removedIn}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const description = [
    `This ${api.kind} is written with the API version \`${api.version}\`, which is ${lifecycle || "deprecated"}.`,
    removed
      ? `Clusters running ${product} ${removedIn} or later no longer accept it: applying the manifest or upgrading the Helm release fails, and the cluster upgrade to ${removedIn} is blocked until it is changed.`
      : `It still works, but it stops working when the cluster reaches ${product} ${removedIn || "the version that removes it"}, so change it before that upgrade.`,
    target ? `Pluto checked against ${product} ${target}.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  const where = item.filePath
    ? `in ${item.filePath}`
    : `in the manifest, Helm chart or operator that creates ${api.kind} ${item.name}`;
  const remediation = [
    replacement
      ? `Change \`apiVersion: ${api.version}\` to \`apiVersion: ${replacement}\` ${where}.` +
        (api["replacement-available-in"]
          ? ` ${replacement} is available since ${product} ${api["replacement-available-in"]}.`
          : "") +
        " Some fields can differ between the two versions; check the migration notes at " +
        `${DEPRECATION_GUIDE}.`
      : `\`${api.version}\` ${api.kind} has no direct replacement: remove it ${where} or migrate to the alternative described at ${DEPRECATION_GUIDE}.`,
    "If a Helm chart creates it, upgrade to a chart version that uses the new API and redeploy the release; if the API is already removed from the cluster, the helm-mapkubeapis plugin rewrites the release's stored manifest so Helm can upgrade it.",
  ].join(" ");

  return {
    // The policy engine's ids, so this finding and an admission or CI result on the object are one identity;
    // which API it is stays in the title and the evidence. Pluto judges `removed` against its target version,
    // as apiVersionRemoved does against the cluster's.
    checkId: removed ? DEPRECATION_CHECK_IDS.removed : DEPRECATION_CHECK_IDS.deprecated,
    title,
    description,
    remediation,
    category: "deprecation",
    severity: removed ? 0.5 : 0.25,
    resource: { namespace: item.namespace ?? "", kind: api.kind, name: item.name, container: "" },
    evidence: {
      apiVersion: api.version,
      kind: api.kind,
      deprecatedIn,
      removedIn,
      replacementApi: replacement,
      component,
      deprecated: item.deprecated === true,
      removed,
      ...(item.filePath ? { filePath: item.filePath } : {}),
      ...(target ? { targetVersion: target } : {}),
    },
  };
}

/** Pluto JSON → one finding per object still using a deprecated or removed API version. */
export function parsePluto(report: unknown): TParseResult {
  const parsed = parseReportShape(ZPlutoReport, report);
  const targetVersions = parsed["target-versions"] ?? {};
  const findings = (parsed.items ?? [])
    .filter((item) => item.deprecated === true || item.removed === true)
    .map((item) => toFinding(item, targetVersions));
  return { findings, meta: { targetVersions } };
}
