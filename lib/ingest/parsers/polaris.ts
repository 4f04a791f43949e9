import { z } from "zod";
import { POLARIS_CHECKS, polarisCategory, polarisDocsUrl } from "./polaris-checks";
import { parseReportShape } from "./report-shape";
import type { TParsedFinding, TParseResult, TResourceRef } from "./types";

// Follows polaris pkg/validator/output.go (AuditData, Result, PodResult, ContainerResult, ResultMessage).
// Go marshals nil maps and slices as null, hence the nullish() on every collection.
const ZResultMessage = z.object({
  ID: z.string(),
  Message: z.string().default(""),
  Details: z.array(z.string()).nullish(),
  Success: z.boolean(),
  Severity: z.string(),
  Category: z.string().nullish(),
});
type TResultMessage = z.output<typeof ZResultMessage>;

const ZResultSet = z.record(z.string(), ZResultMessage).nullish();

const ZPolarisAudit = z.object({
  PolarisOutputVersion: z.string().nullish(),
  AuditTime: z.string().nullish(),
  SourceType: z.string().nullish(),
  SourceName: z.string().nullish(),
  DisplayName: z.string().nullish(),
  ClusterInfo: z
    .object({
      Version: z.string().nullish(),
      Nodes: z.number().nullish(),
      Pods: z.number().nullish(),
      Namespaces: z.number().nullish(),
      Controllers: z.number().nullish(),
    })
    .nullish(),
  Results: z
    .array(
      z.object({
        Name: z.string(),
        Namespace: z.string().nullish(),
        Kind: z.string(),
        Results: ZResultSet,
        PodResult: z
          .object({
            Name: z.string().nullish(),
            Results: ZResultSet,
            ContainerResults: z.array(z.object({ Name: z.string(), Results: ZResultSet })).nullish(),
          })
          .nullish(),
      }),
    )
    .nullable(),
  Score: z.number().nullish(),
});

/** Polaris severities as Fairwinds scores them; "ignore" means the check is switched off. */
const SEVERITY_SCORES: Record<string, number> = { danger: 0.75, warning: 0.25 };

type TLevel = "controller" | "pod" | "container";

function toFinding(result: TResultMessage, resource: TResourceRef, level: TLevel): TParsedFinding {
  const category = polarisCategory(result.ID, result.Category ?? undefined);
  const docs = polarisDocsUrl(category);
  const known = POLARIS_CHECKS[result.ID];
  const details = (result.Details ?? []).filter((d) => d.trim() !== "");
  const why =
    known?.why ?? `Polaris reports that this ${resource.kind} does not pass its \`${result.ID}\` ${category} check.`;
  const description = [
    why,
    details.length > 0 ? `Details: ${details.join("; ")}` : "",
    `Polaris documentation: ${docs}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const remediation =
    known?.fix ??
    `Read what the \`${result.ID}\` check expects at ${docs} and change the workload's manifest or Helm values accordingly. If the setting is intentional, resolve the finding as working as intended.`;
  return {
    checkId: result.ID,
    title: result.Message.trim() || result.ID,
    description,
    remediation,
    category,
    // Unknown severities come from newer Polaris versions; treat them like warnings rather than drop them.
    severity: SEVERITY_SCORES[result.Severity.toLowerCase()] ?? SEVERITY_SCORES.warning,
    resource,
    evidence: {
      level,
      polarisSeverity: result.Severity,
      polarisCategory: result.Category ?? null,
      message: result.Message,
      ...(details.length > 0 ? { details } : {}),
      docs,
    },
  };
}

function failures(results: Record<string, TResultMessage> | null | undefined): TResultMessage[] {
  return Object.values(results ?? {}).filter((r) => !r.Success && r.Severity.toLowerCase() !== "ignore");
}

/** Polaris audit JSON → one finding per failing check at controller, pod and container level. */
export function parsePolaris(report: unknown): TParseResult {
  const audit = parseReportShape(ZPolarisAudit, report);
  const findings: TParsedFinding[] = [];
  for (const item of audit.Results ?? []) {
    const workload = { namespace: item.Namespace ?? "", kind: item.Kind, name: item.Name, container: "" };
    for (const r of failures(item.Results)) findings.push(toFinding(r, workload, "controller"));
    for (const r of failures(item.PodResult?.Results)) findings.push(toFinding(r, workload, "pod"));
    for (const container of item.PodResult?.ContainerResults ?? []) {
      for (const r of failures(container.Results)) {
        findings.push(toFinding(r, { ...workload, container: container.Name }, "container"));
      }
    }
  }
  return {
    findings,
    meta: {
      polarisOutputVersion: audit.PolarisOutputVersion ?? null,
      auditTime: audit.AuditTime ?? null,
      sourceType: audit.SourceType ?? null,
      sourceName: audit.SourceName ?? null,
      kubernetesVersion: audit.ClusterInfo?.Version ?? null,
      clusterInfo: {
        nodes: audit.ClusterInfo?.Nodes ?? null,
        pods: audit.ClusterInfo?.Pods ?? null,
        namespaces: audit.ClusterInfo?.Namespaces ?? null,
        controllers: audit.ClusterInfo?.Controllers ?? null,
      },
      score: audit.Score ?? null,
    },
  };
}
