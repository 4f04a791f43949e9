import type { TCheckGroup, TFindingRow, TResourceGroup } from "@/lib/findings/queries";
import type { TTicketChip } from "@/lib/tickets/views";
import { dueView } from "@/lib/findings/due-format";
import { formatAge, wherePath } from "@/lib/findings/ui-format";
import { CATEGORY_LABELS, RESOLUTION_TEXT } from "@/lib/findings/ui-labels";
import { formatDate, formatDateTime } from "@/components/ui/format";
import type { TCheckGroupRow } from "./check-groups-table";
import type { TResourceGroupRow } from "./resource-groups-table";
import type { TListRow } from "./row-types";
import type { TSeverity } from "./severity-badge";

// Query rows → what the tables render. Done on the server so ages use one clock and the client
// components receive plain strings.

const seen = (at: Date, now: Date) => ({ age: formatAge(at, now), exact: formatDateTime(at) });

export function toListRows(
  findings: TFindingRow[],
  ctx: {
    now: Date;
    hrefOf: (id: string) => string;
    canTriage: (teamSlug: string | null) => boolean;
    /** The page's tickets by finding id (one query per page). */
    tickets?: ReadonlyMap<string, TTicketChip[]>;
  },
): TListRow[] {
  return findings.map((f) => {
    const due = dueView(f, ctx.now, true);
    return {
      id: f.id,
      href: ctx.hrefOf(f.id),
      title: f.title,
      severity: f.severity as TSeverity,
      category: CATEGORY_LABELS[f.category] ?? f.category,
      // The advisory id, unless the title already says it ("CVE-2021-30139 in apk-tools").
      vulnerabilityId: f.vulnerabilityId && !f.title.includes(f.vulnerabilityId) ? f.vulnerabilityId : "",
      where: wherePath(f),
      team: f.team,
      assignee: f.assignee?.name || null,
      state: f.state,
      stateDetail:
        f.state === "snoozed" && f.snoozedUntil
          ? `until ${formatDate(f.snoozedUntil)}`
          : f.state === "resolved" && f.resolution
            ? (RESOLUTION_TEXT[f.resolution] ?? null)
            : null,
      firstSeen: seen(f.firstSeenAt, ctx.now),
      due: { ...due, exact: due.at ? formatDate(due.at) : null },
      tags: f.tags,
      canTriage: ctx.canTriage(f.team?.slug ?? null),
      tickets: ctx.tickets?.get(f.id) ?? [],
    };
  });
}

export function toCheckRows(groups: TCheckGroup[], now: Date, hrefOf: (g: TCheckGroup) => string): TCheckGroupRow[] {
  return groups.map((c) => ({
    key: `${c.source}/${c.checkId}`,
    href: hrefOf(c),
    title: c.title,
    checkId: c.checkId,
    source: c.source,
    category: c.category,
    severity: c.severity as TSeverity,
    findings: c.findings,
    resources: c.resources,
    clusters: c.clusters,
    firstSeen: seen(c.firstSeenAt, now),
  }));
}

export function toResourceRows(groups: TResourceGroup[], hrefOf: (g: TResourceGroup) => string): TResourceGroupRow[] {
  return groups.map((r) => ({
    key: `${r.cluster.slug}/${r.namespace}/${r.kind}/${r.name}`,
    href: hrefOf(r),
    kind: r.kind,
    name: r.name,
    where: [r.cluster.name, r.namespace].filter(Boolean).join(" › "),
    team: r.team?.name ?? null,
    severity: r.severity as TSeverity,
    findings: r.findings,
    bySeverity: r.bySeverity,
  }));
}
