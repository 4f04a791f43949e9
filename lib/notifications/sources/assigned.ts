import "server-only";
import { ASSIGNED_EVENT_TYPE } from "@/lib/domain/notification-events";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import { afterCursor, groupRows, positionAfter, readParams, type TSource } from "./cursor";
import {
  EVENT_FINDING_COLUMNS,
  EVENT_FINDING_FROM,
  matchItemOf,
  orgsWithFindingEvents,
  resourceOf,
  type TEventFinding,
} from "./finding-events";
import { messageSeverity, plural, worstOf } from "./text";

// Findings assigned to someone, from the findings' event log (kind 'assigned'), to the assignee's
// own subscriptions with "finding.assigned": one email per assignee and run, listing what was
// assigned (a bulk assignment of 200 findings is one mail, not 200). Read here rather than in
// the triage transaction so that triage stays one short transaction whatever the batch, and so
// that every event source goes through the same cursor, routing and outbox. Assigning yourself is
// not news, nor is an assignment already moved on to someone else when the run reads it.

/** Findings listed in the mail (the rest is counted). */
const SAMPLE = 20;

type TAssignment = TEventFinding & {
  assignee_id: string;
  actor: string;
  still_assigned: boolean;
};

function eventOf(assigneeId: string, all: readonly TAssignment[]): TSourceEvent {
  // One finding assigned twice in the batch (assigned, unassigned, assigned again) is listed once.
  const findings = [...groupRows(all, (a) => a.finding_id).values()].map((list) => list[list.length - 1]!);
  const first = findings[0]!;
  const last = all[all.length - 1]!;
  const teams = new Set(findings.map((f) => f.owner_team_id));
  const actors = [...new Set(findings.map((f) => f.actor))];
  const worst = worstOf(findings.map((f) => f.severity));
  return {
    type: ASSIGNED_EVENT_TYPE,
    teamId: teams.size === 1 ? first.owner_team_id : null,
    userId: assigneeId,
    items: findings.map(matchItemOf),
    groupKey: `${ASSIGNED_EVENT_TYPE}:${assigneeId}:${first.id}`,
    count: findings.length,
    windowMs: 0,
    occurredAt: new Date(last.at),
    message: (_repeats, where) => ({
      title: findings.length === 1 ? `Assigned to you: ${first.title}` : `${findings.length} findings assigned to you`,
      summary: `${actors.join(", ")} assigned you ${plural(findings.length, "finding")} in ${where.team?.name ?? "your organization"}.`,
      severity: messageSeverity(worst),
      link:
        findings.length === 1 ? `${where.orgUrl}/findings/${first.finding_id}` : `${where.orgUrl}/findings?assignee=me`,
      linkText: findings.length === 1 ? "Open the finding" : "Open your findings",
      facts: [
        { label: "Assigned by", value: actors.join(", ") },
        { label: "Findings", value: String(findings.length) },
        ...(findings.length === 1
          ? [
              { label: "Check", value: `${first.source}/${first.check_id}` },
              { label: "Cluster", value: first.cluster_slug },
              {
                label: "Resource",
                value: resourceOf(first),
              },
            ]
          : []),
        { label: "Team", value: where.team?.name ?? "" },
      ],
      sample: findings.slice(0, SAMPLE).map((f) => `${f.title}: ${resourceOf(f)} (${f.cluster_slug})`),
      moreCount: Math.max(0, findings.length - SAMPLE),
    }),
  };
}

export const assignedSource: TSource = {
  name: "assigned",
  orgs: orgsWithFindingEvents("assigned", "assigned"),
  async read(client, orgId, from, clock) {
    const { rows } = await client.query<TAssignment & { actor_id: string | null }>(
      `SELECT ${EVENT_FINDING_COLUMNS}, fe.data->>'assigneeId' AS assignee_id, fe.actor_id,
              coalesce(nullif(u.name, ''), u.email, fe.data->>'actorLabel', 'Someone') AS actor,
              f.assignee_id IS NOT DISTINCT FROM (fe.data->>'assigneeId')::uuid AS still_assigned
         ${EVENT_FINDING_FROM}
         LEFT JOIN users u ON u.id = fe.actor_id
        WHERE fe.org_id = $1::uuid AND fe.kind = 'assigned' AND ${afterCursor("fe.created_at", "fe.id", "uuid")}
        ORDER BY fe.created_at, fe.id
        LIMIT $5`,
      readParams(orgId, from, clock),
    );
    const news = rows.filter((a) => a.assignee_id && a.still_assigned && a.actor_id !== a.assignee_id);
    const events = [...groupRows(news, (a) => a.assignee_id).entries()].map(([assignee, list]) =>
      eventOf(assignee, list),
    );
    return { events, ...positionAfter(rows, clock) };
  },
};
