import type { TTicketSubject } from "@/lib/tickets/schemas";

// The subject each placement offers to the ticket dialog: what a ticket made there is about.
// Client-safe and pure, so each placement's choice is tested without rendering it.

/** A choice in the dialog: a subject, how it is put, and whether it is the one we recommend. */
export type TSubjectChoice = { key: string; label: string; subject: TTicketSubject };

export const checkSubject = (source: string, checkId: string, clusterId: string | null = null): TTicketSubject => ({
  kind: "check",
  source,
  checkId,
  clusterId,
});

export const cveSubject = (vulnerabilityId: string): TTicketSubject => ({ kind: "cve", vulnerabilityId });

/**
 * A finding's page: the check's findings in the team first (300 pods with one problem are one
 * ticket, and the ticket follows new ones as reports bring them), or this finding alone.
 */
export function findingSubjectChoices(finding: {
  id: string;
  source: string;
  checkId: string;
  teamName: string;
}): TSubjectChoice[] {
  return [
    {
      key: "check",
      label: `All findings of this check in ${finding.teamName} (recommended)`,
      subject: checkSubject(finding.source, finding.checkId),
    },
    { key: "finding", label: "Only this finding", subject: { kind: "findings", findingIds: [finding.id] } },
  ];
}

/** The part of an alert group a subject is made from (lib/alerting/queries TAlertFeedItem). */
export type TAlertGroupRef = {
  kind: string;
  teamId: string | null;
  /** "source/checkId" for findings groups. */
  subject: string;
  grouping: string;
  /** Cluster slug (and namespace, …) of a group narrower than the team. */
  scope: Record<string, string>;
};

/**
 * An alert group of findings as a check subject: the group's check, in its cluster when it is
 * grouped by check and cluster. Null for groups a ticket cannot be about (a silent cluster, a
 * budget) and for findings no team owns (tickets belong to a team's project).
 */
export function alertGroupSubject(
  group: TAlertGroupRef,
  clusterIdBySlug: ReadonlyMap<string, string>,
): TTicketSubject | null {
  if (group.kind !== "findings" || !group.teamId) return null;
  // A source never has a slash; a check id may ("kube-bench/1.2.3" style ids keep theirs).
  const slash = group.subject.indexOf("/");
  if (slash <= 0 || slash === group.subject.length - 1) return null;
  const source = group.subject.slice(0, slash);
  const checkId = group.subject.slice(slash + 1);
  if (group.grouping !== "check_cluster") return checkSubject(source, checkId);
  const clusterId = group.scope.cluster ? clusterIdBySlug.get(group.scope.cluster) : undefined;
  // A cluster deleted since: the team-wide check is the nearest honest subject.
  return checkSubject(source, checkId, clusterId ?? null);
}

export type TSelectedRow = { id: string; team: { slug: string; name: string } | null; canTriage: boolean };

/** The bulk bar's selection as one `findings` subject, or why it cannot be one ticket. */
export function selectionSubject(
  rows: readonly TSelectedRow[],
): { ok: true; team: { slug: string; name: string }; subject: TTicketSubject } | { ok: false; message: string } {
  if (!rows.length) return { ok: false, message: "Select the findings the ticket is about." };
  if (rows.some((r) => !r.team)) {
    return { ok: false, message: "Some selected findings belong to no team: a ticket goes to a team's project." };
  }
  const teams = new Map(rows.map((r) => [r.team!.slug, r.team!]));
  if (teams.size > 1) {
    return {
      ok: false,
      message: `The selection spans ${teams.size} teams (${[...teams.values()].map((t) => t.name).join(", ")}): select one team's findings for one ticket.`,
    };
  }
  if (rows.some((r) => !r.canTriage)) {
    return { ok: false, message: "You may not triage some of the selected findings." };
  }
  if (rows.length > 500) return { ok: false, message: "A ticket covers at most 500 chosen findings." };
  return { ok: true, team: [...teams.values()][0], subject: { kind: "findings", findingIds: rows.map((r) => r.id) } };
}

/** A ticket's subject in words: "Check polaris/runAsRoot in team Payments". */
export function describeSubject(subject: TTicketSubject, teamName: string | null, clusterName?: string | null): string {
  const team = teamName ? ` in team ${teamName}` : "";
  if (subject.kind === "check") {
    const cluster = subject.clusterId ? ` on cluster ${clusterName ?? "(deleted)"}` : "";
    return `Check ${subject.source}/${subject.checkId}${cluster}${team}`;
  }
  if (subject.kind === "cve") return `${subject.vulnerabilityId}${team}`;
  const n = subject.findingIds.length;
  return `${n === 1 ? "1 chosen finding" : `${n} chosen findings`}${team}`;
}
