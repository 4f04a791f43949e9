import "server-only";
import type { TSeverityLevel } from "@/lib/domain/severity";
import { orgsWithRows, pending, type TClock } from "./cursor";

// What the sources that read the findings' event log (assigned, SLA breached) share: the finding
// each event is about, the orgs with new events of a kind, and how a finding is matched and named.

/** An event of the log (`id`, `at`) with the finding it is about. */
export type TEventFinding = {
  id: string;
  at: Date;
  finding_id: string;
  title: string;
  severity: TSeverityLevel;
  category: string;
  source: string;
  check_id: string;
  namespace: string;
  kind: string;
  name: string;
  owner_team_id: string | null;
  cluster_slug: string;
};

/** The TEventFinding columns; needs `EVENT_FINDING_FROM`. */
export const EVENT_FINDING_COLUMNS = `fe.id::text AS id, fe.created_at AS at,
              f.id AS finding_id, f.title, f.severity::text AS severity, f.category, f.source, f.check_id,
              f.namespace, f.kind, f.name, f.owner_team_id, c.slug AS cluster_slug`;
export const EVENT_FINDING_FROM = `FROM finding_events fe
         JOIN findings f ON f.id = fe.finding_id
         JOIN clusters c ON c.id = f.cluster_id`;

/** A source's `orgs`: those with events of `kind` (a finding_event_kind literal) not read yet. */
export const orgsWithFindingEvents = (source: string, kind: string) => (clock: TClock) =>
  orgsWithRows(
    source,
    `SELECT 1 FROM finding_events fe WHERE fe.org_id = o.id AND ${pending("fe.created_at")} AND fe.kind = '${kind}'`,
    clock,
  );

/** What subscriptions match on. */
export const matchItemOf = (f: TEventFinding) => ({
  severity: f.severity,
  category: f.category,
  source: f.source,
  checkId: f.check_id,
  cluster: f.cluster_slug,
  namespace: f.namespace,
});

/** "Deployment payments/api". */
export const resourceOf = (f: TEventFinding) => `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}`;
