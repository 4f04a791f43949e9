import "server-only";
import { decisionHref } from "@/lib/domain/decision-filters";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { checkById } from "@/lib/policies/checks";
import { loadPolicySnapshot, settingFor } from "@/lib/policies/settings-snapshot";
import { afterCursor, groupRows, orgsWithRows, pending, positionAfter, readParams, type TSource } from "./cursor";
import { countFact, messageSeverity, REPEAT_WINDOW_MS, timesText, worstOf } from "./text";

// Admission denials, and what passive mode would have denied, from the decision log. A
// controller retries a denied object every few seconds: its decisions share a group (team,
// blocking checks, cluster, namespace, object), so the channel hears of it once an hour, with
// the count.

type TDecision = {
  id: string;
  at: Date;
  team_id: string | null;
  cluster_id: string;
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  username: string;
  passive: boolean;
  blocking: string[];
};

const groupKeyOf = (d: TDecision) =>
  [
    d.passive ? "admission.would_deny" : "admission.denied",
    d.team_id ?? "none",
    [...d.blocking].sort().join(","),
    d.cluster_id,
    d.namespace,
    `${d.kind}/${d.name}`,
  ].join(":");

function eventOf(decisions: readonly TDecision[], severityOf: (checkId: string) => TSeverityLevel): TSourceEvent {
  const last = decisions[decisions.length - 1]!;
  const checks = [...last.blocking].sort();
  const items = checks.map((checkId) => ({
    severity: severityOf(checkId),
    category: checkById(checkId)?.category ?? "",
    source: "admission",
    checkId,
    cluster: last.cluster_slug,
    namespace: last.namespace,
  }));
  const worst = worstOf(items.map((i) => i.severity));
  const object = `${last.kind} ${last.namespace ? `${last.namespace}/` : ""}${last.name || "(no name)"}`;
  const titles = checks.map((id) => checkById(id)?.title ?? id).join(", ");
  return {
    type: last.passive ? "admission.would_deny" : "admission.denied",
    teamId: last.team_id,
    items,
    groupKey: groupKeyOf(last),
    count: decisions.length,
    windowMs: REPEAT_WINDOW_MS,
    occurredAt: new Date(last.at),
    message: (repeats, where) => ({
      title: last.passive
        ? `Would deny ${object} in ${last.cluster_name} (passive mode)`
        : `Denied ${object} in ${last.cluster_name}`,
      summary: last.passive
        ? `Passive mode let ${object} through ${timesText(repeats)}; its blocking checks would have denied it: ${titles}.`
        : `Admission refused ${object} ${timesText(repeats)}: it fails ${titles}.`,
      severity: messageSeverity(worst),
      link: decisionHref(`${where.orgUrl}/policies/decisions`, {
        range: "24h",
        cluster: last.cluster_slug,
        outcome: last.passive ? "would_deny" : "denied",
        ...(where.team ? { team: where.team.slug } : {}),
      }),
      linkText: "Open the admission decisions",
      facts: [
        { label: "Cluster", value: last.cluster_name },
        { label: "Namespace", value: last.namespace },
        { label: "Workload", value: `${last.kind} ${last.name}` },
        { label: "Failed checks", value: titles },
        { label: "Requests", value: countFact(repeats) },
        { label: "Last requested by", value: last.username },
        { label: "Team", value: where.team?.name ?? "" },
      ],
    }),
  };
}

export const admissionSource: TSource = {
  name: "admission",
  orgs: (clock) =>
    orgsWithRows(
      "admission",
      `SELECT 1 FROM admission_decisions d
        WHERE d.org_id = o.id AND ${pending("d.created_at")} AND (d.outcome = 'denied' OR d.passive)`,
      clock,
    ),
  async read(client, orgId, from, clock) {
    const { rows } = await client.query<TDecision>(
      `SELECT d.id::text AS id, d.created_at AS at, d.team_id, d.cluster_id, c.slug AS cluster_slug,
              c.name AS cluster_name, d.namespace, d.kind, d.name, d.username, d.passive, d.blocking
         FROM admission_decisions d JOIN clusters c ON c.id = d.cluster_id
        WHERE d.org_id = $1::uuid AND ${afterCursor("d.created_at", "d.id", "bigint")}
          AND (d.outcome = 'denied' OR d.passive)
        ORDER BY d.created_at, d.id
        LIMIT $5`,
      readParams(orgId, from, clock),
    );
    const position = positionAfter(rows, clock);
    if (!rows.length) return { events: [], ...position };
    // Severities as the org (and the object's team) set them, like the review that denied it.
    const snapshot = await loadPolicySnapshot(client, orgId);
    const events = [...groupRows(rows, groupKeyOf).values()].map((decisions) => {
      const setting = settingFor(snapshot, decisions[0]!.team_id);
      return eventOf(decisions, (checkId) => {
        const check = checkById(checkId);
        return check ? setting(check).severity : "high";
      });
    });
    return { events, ...position };
  },
};
