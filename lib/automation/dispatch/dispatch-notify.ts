import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { paceKeyOf } from "@/lib/alerting/engine/subscriptions";
import type { TNotifyTarget } from "@/lib/alerting/engine/types";
import { sqlOf } from "@/lib/alerting/engine/sql";
import { insertMessages, wakeDelivery } from "@/lib/alerting/engine/write";
import { MAX_SAMPLE, type TNotification, type TNotificationSeverity } from "@/lib/domain/notification-message";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import type { TActions } from "../schemas";
import { plural, type TDispatchFinding, type TDispatchOutcome, type TDispatchRule } from "./dispatch-context";

// A rule's "notify a channel": one message per dispatch (the findings the rule matched for the
// first time in one run) to the rule's connection and target, through the notifications outbox,
// so it is paced, retried, rendered per channel and logged like every other message.

export const RULE_MATCHED_EVENT = "automation.rule_matched" as const;

const MESSAGE_CHANNELS: ReadonlySet<string> = new Set(["slack", "slack_webhook", "teams", "email", "webhook"]);
/** Channels whose target says where in the connection the message goes (a Slack channel, addresses). */
const NEEDS_TARGET: ReadonlySet<string> = new Set(["slack", "email"]);
const SAMPLE_SIZE = 10;

type TConnection = { id: string; team_id: string | null; kind: string; name: string };

async function connectionOf(client: pg.ClientBase, orgId: string, id: string): Promise<TConnection | null> {
  const { rows } = await client.query<TConnection>(
    `SELECT id, team_id, kind::text AS kind, name FROM notification_connections WHERE id = $1::uuid AND org_id = $2::uuid`,
    [id, orgId],
  );
  return rows[0] ?? null;
}

function severityBreakdown(findings: readonly TDispatchFinding[]): string {
  return SEVERITY_LEVELS.map((level) => [level, findings.filter((f) => f.severity === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level === "none" ? "without severity" : level}`)
    .join(", ");
}

const highest = (findings: readonly TDispatchFinding[]): TNotificationSeverity => {
  const level = SEVERITY_LEVELS.find((l) => findings.some((f) => f.severity === l)) ?? "none";
  return level === "none" ? "info" : level;
};

const sampleLine = (f: TDispatchFinding) =>
  `${f.title}: ${f.kind} ${f.namespace}/${f.name}${f.container ? ` [${f.container}]` : ""} (${f.cluster_slug})`;

/** The message: what the rule is, how many findings, how bad, where, a sample and a link to them all. */
function messageOf(
  org: { slug: string; name: string },
  team: { slug: string; name: string } | null,
  rule: TDispatchRule,
  findings: readonly TDispatchFinding[],
  occurredAt: Date,
): TNotification {
  const clusters = [...new Set(findings.map((f) => f.cluster_slug))];
  const sample = findings.slice(0, Math.min(SAMPLE_SIZE, MAX_SAMPLE)).map((f) => sampleLine(f).slice(0, 500));
  const facts = [
    { label: "Rule", value: rule.name },
    { label: "Level", value: team ? `Team ${team.name}` : "Organization" },
    { label: "Findings", value: String(findings.length) },
    { label: "Severity", value: severityBreakdown(findings) },
    { label: "Clusters", value: clusters.slice(0, 10).join(", ") + (clusters.length > 10 ? ", …" : "") },
  ];
  return {
    id: randomUUID(),
    type: RULE_MATCHED_EVENT,
    org,
    team,
    title: `Rule "${rule.name}": ${plural(findings.length, "finding")}`.slice(0, 300),
    summary: `Matched ${plural(findings.length, "finding")} for the first time.`,
    severity: highest(findings),
    link: `${appBaseUrl()}/o/${org.slug}/findings?rule=${rule.id}`,
    linkText: "Open the findings",
    facts: facts.filter((f) => f.value !== ""),
    sample,
    ...(findings.length > sample.length ? { moreCount: findings.length - sample.length } : {}),
    occurredAt: occurredAt.toISOString(),
  };
}

/** Queues the message in the caller's transaction (it commits with the dispatch's done mark). */
export async function dispatchNotify(
  client: pg.ClientBase,
  rule: TDispatchRule,
  action: NonNullable<TActions["notify"]>,
  findings: readonly TDispatchFinding[],
  occurredAt: Date,
): Promise<TDispatchOutcome> {
  if (!findings.length) return { error: null };
  const connection = await connectionOf(client, rule.orgId, action.connectionId);
  if (!connection) return { error: "The rule's notification connection was deleted; choose another one." };
  if (!MESSAGE_CHANNELS.has(connection.kind)) {
    return {
      error: `The connection “${connection.name}” cannot carry messages; choose a Slack, Teams, email or webhook one.`,
    };
  }
  if (rule.teamId && connection.team_id && connection.team_id !== rule.teamId) {
    return { error: `The connection “${connection.name}” belongs to another team.` };
  }
  if (NEEDS_TARGET.has(connection.kind) && !action.target) {
    return { error: `Say where in “${connection.name}” to send (a channel or addresses).` };
  }
  const names = await client.query<{
    org_slug: string;
    org_name: string;
    team_slug: string | null;
    team_name: string | null;
  }>(
    `SELECT o.slug AS org_slug, o.name AS org_name, t.slug AS team_slug, t.name AS team_name
       FROM organizations o LEFT JOIN teams t ON t.id = $2::uuid AND t.org_id = o.id
      WHERE o.id = $1::uuid`,
    [rule.orgId, rule.teamId],
  );
  const n = names.rows[0]!;
  const team = n.team_slug && n.team_name ? { slug: n.team_slug, name: n.team_name } : null;
  const channel = connection.kind as TNotifyTarget["channel"];
  const paceKey = paceKeyOf(rule.orgId, channel, connection.id, action.target);
  const message = messageOf({ slug: n.org_slug, name: n.org_name }, team, rule, findings, occurredAt);
  await insertMessages(sqlOf(client), rule.orgId, [
    {
      groupKey: null,
      teamId: rule.teamId,
      target: {
        // The rule stands where a subscription would: the delivery log lists its messages under it.
        destinationId: rule.id,
        destinationName: `Rule "${rule.name}"`,
        routingKeyCiphertext: "",
        keyFingerprint: paceKey,
        notify: {
          channel,
          connectionId: connection.id,
          target: action.target,
          targetLabel: action.target || connection.name,
          paceKey,
          subscriptionId: rule.id,
          events: [RULE_MATCHED_EVENT],
        },
      },
      message,
    },
  ]);
  await wakeDelivery(sqlOf(client), rule.orgId);
  return { error: null };
}
