import { SEVERITY_NAMES, SEVERITY_RANK, type TSeverityLevel } from "@/lib/domain/severity";
import { bold, code, link, paragraph, text, type TTicketBlock, type TTicketDoc } from "../document";
import type { TTicketSubject } from "../schemas";
import type { TProblemFinding } from "./findings-of-subject";

// A ticket's title and body from its findings: what (the check or CVE), where (resources, capped),
// why (severity, category), how to fix, and the way back to Bumpers. Pure, so the preview, the
// create verb and the outbox sender compose the same text.

/** Resources listed in the body; the rest is "and N more". */
export const MAX_LISTED_RESOURCES = 25;

export type TProblemContext = {
  baseUrl: string;
  orgSlug: string;
  team: { id: string; slug: string; name: string };
  subject: TTicketSubject;
  findings: readonly TProblemFinding[];
};

export type TComposedTicket = {
  title: string;
  body: TTicketDoc;
  severity: TSeverityLevel;
  /** Distinct resources (cluster, namespace, kind, name) the findings are on. */
  resourceCount: number;
  url: string;
  templateValues: Record<string, string>;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function worstSeverity(findings: readonly { severity: TSeverityLevel }[]): TSeverityLevel {
  return findings.reduce<TSeverityLevel>(
    (worst, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst] ? f.severity : worst),
    "none",
  );
}

function resourcesOf(findings: readonly TProblemFinding[]) {
  const seen = new Map<string, TProblemFinding>();
  for (const f of findings) {
    const key = [f.cluster_id, f.namespace, f.kind, f.name].join("\u0000");
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

/** The findings list filtered to the problem for the team, or the finding's own page for one finding. */
export function bumpersUrlOf(ctx: TProblemContext): string {
  const org = `${ctx.baseUrl}/o/${ctx.orgSlug}`;
  const { subject } = ctx;
  if (subject.kind === "findings" && ctx.findings.length === 1) return `${org}/findings/${ctx.findings[0]!.id}`;
  const query = new URLSearchParams();
  if (subject.kind === "check") {
    query.set("check", subject.checkId);
    query.set("source", subject.source);
    const cluster = ctx.findings.find((f) => f.cluster_id === subject.clusterId);
    if (cluster) query.set("cluster", cluster.cluster_slug);
  } else if (subject.kind === "cve") {
    query.set("q", subject.vulnerabilityId);
  } else {
    // A selection has no filter of its own: its check(s) in the team.
    for (const check of new Set(ctx.findings.map((f) => f.check_id))) query.append("check", check);
  }
  query.set("team", ctx.team.slug);
  return `${org}/findings?${query.toString()}`;
}

function titleOf(ctx: TProblemContext, resources: number): string {
  const first = ctx.findings[0];
  const where = `${plural(resources, "workload")} in team ${ctx.team.name}`;
  if (ctx.subject.kind === "cve") {
    const packages = [...new Set(ctx.findings.flatMap((f) => f.packages))].slice(0, 3);
    const id = ctx.subject.vulnerabilityId;
    return `${packages.length ? `${id} in ${packages.join(", ")}` : id}: ${where}`;
  }
  const checks = new Set(ctx.findings.map((f) => f.title));
  const what = checks.size > 1 ? `${plural(checks.size, "problem")}` : (first?.title ?? "Findings");
  return `${what}: ${where}`;
}

function whereBlocks(resources: readonly TProblemFinding[]): TTicketBlock[] {
  const listed = resources
    .slice(0, MAX_LISTED_RESOURCES)
    .map((r) => [text(`${r.cluster_name}: `), code(`${r.namespace ? `${r.namespace}/` : ""}${r.kind}/${r.name}`)]);
  const blocks: TTicketBlock[] = [
    { type: "heading", text: "Where" },
    { type: "bullets", items: listed },
  ];
  const rest = resources.length - listed.length;
  if (rest > 0) blocks.push(paragraph(text(`and ${rest} more`)));
  return blocks;
}

export function composeTicket(ctx: TProblemContext, options: { title?: string } = {}): TComposedTicket {
  const resources = resourcesOf(ctx.findings);
  const severity = worstSeverity(ctx.findings);
  const url = bumpersUrlOf(ctx);
  const first = ctx.findings[0];
  const checks = [...new Map(ctx.findings.map((f) => [`${f.source}/${f.check_id}`, f])).values()];
  const what: TTicketBlock[] = [{ type: "heading", text: "What" }];
  for (const f of checks.slice(0, 5)) {
    what.push(paragraph(bold(f.title), text(` (${f.source} ${f.check_id})`)));
    if (f.description) what.push(paragraph(text(f.description)));
  }
  const categories = [...new Set(ctx.findings.map((f) => f.category))].join(", ");
  const remediations = [...new Set(checks.map((f) => f.remediation.trim()).filter(Boolean))].slice(0, 5);
  const body: TTicketDoc = {
    blocks: [
      ...what,
      ...whereBlocks(resources),
      { type: "heading", text: "Why" },
      paragraph(bold("Severity: "), text(SEVERITY_NAMES[severity]), text(" · "), bold("Category: "), text(categories)),
      { type: "heading", text: "How to fix" },
      ...(remediations.length
        ? remediations.map((r) => paragraph(text(r)))
        : [paragraph(text("See the check's description in Bumpers."))]),
      paragraph(link("Open in Bumpers", url)),
    ],
  };
  const clusters = new Set(ctx.findings.map((f) => f.cluster_id));
  const title = options.title?.trim() || titleOf(ctx, resources.length);
  return {
    title,
    body,
    severity,
    resourceCount: resources.length,
    url,
    templateValues: {
      severity: SEVERITY_NAMES[severity],
      check:
        ctx.subject.kind === "cve" ? ctx.subject.vulnerabilityId : checks.length === 1 ? (first?.title ?? "") : title,
      cluster: clusters.size === 1 ? (first?.cluster_name ?? "") : plural(clusters.size, "cluster"),
      team: ctx.team.name,
      url,
    },
  };
}
