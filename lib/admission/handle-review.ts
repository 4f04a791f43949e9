import "server-only";
import type { TClusterPrincipal } from "@/lib/ingest/authenticate-cluster";
import { parseKubernetesVersion } from "@/lib/policies/deprecations";
import { isRecord } from "@/lib/policies/pod-spec";
import {
  POLICY_SNAPSHOT_COLUMNS,
  policySnapshotOf,
  scopeExemption,
  settingFor,
  type TPolicySnapshotRow,
} from "@/lib/policies/settings-snapshot";
import { pool } from "@/lib/server/db";
import { recordAdmissionDecision, type TReviewedObject } from "./record-decision";
import {
  decideAdmission,
  isEvaluable,
  type TAdmissionDecision,
  type TAdmissionRequest,
  type TAdmissionReviewResponse,
} from "./review";
import { inTransaction } from "@/lib/server/sql";

type TContextRow = TPolicySnapshotRow & {
  clusterSlug: string;
  kubernetesVersion: string | null;
  resourceTeamId: string | null;
  resourceExists: boolean;
  namespaceLabels: Record<string, string> | null;
  resolutions: { checkId: string; resolution: string }[];
};

const RESOLUTION_LABELS: Record<string, string> = {
  will_not_fix: "will not fix",
  working_as_intended: "working as intended",
};

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** Who the object is: its kind, namespace, name, labels, and whether a controller made it. */
function identify(request: TAdmissionRequest) {
  const object = request.object ?? {};
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const owners = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  return {
    kind: str(object.kind) || request.kind.kind,
    namespace: request.namespace ?? str(metadata.namespace),
    // A create with generateName has no name yet; its objects are one family.
    name: str(metadata.name) || request.name || str(metadata.generateName),
    labels: stringRecord(metadata.labels),
    controlled: owners.some((o) => isRecord(o) && o.controller === true),
  };
}

async function loadContext(principal: TClusterPrincipal, id: ReturnType<typeof identify>): Promise<TContextRow> {
  const { rows } = await pool.query<TContextRow>(
    `SELECT ${POLICY_SNAPSHOT_COLUMNS},
            c.slug AS "clusterSlug", c.kubernetes_version AS "kubernetesVersion",
            r.id IS NOT NULL AS "resourceExists", r.owner_team_id AS "resourceTeamId",
            (SELECT labels FROM resources n
              WHERE n.org_id = $1::uuid AND n.cluster_id = c.id AND n.kind = 'Namespace' AND n.namespace = ''
                AND n.name = $4 AND n.removed_at IS NULL) AS "namespaceLabels",
            (SELECT coalesce(json_agg(DISTINCT jsonb_build_object('checkId', f.check_id, 'resolution', f.resolution)), '[]')
               FROM findings f WHERE f.resource_id = r.id AND f.resolution IS NOT NULL) AS resolutions
       FROM clusters c
       LEFT JOIN resources r
         ON r.org_id = $1::uuid AND r.cluster_id = c.id AND r.kind = $3 AND r.namespace = $4 AND r.name = $5
      WHERE c.id = $2::uuid AND c.org_id = $1::uuid`,
    [principal.orgId, principal.clusterId, id.kind, id.namespace, id.name],
  );
  return rows[0];
}

/**
 * Review one admission request for an authenticated cluster: the org's settings for the object's
 * team decide what blocks; annotations, exemption rules and resolutions made in the app exempt;
 * the decision is recorded unless the request is a dry run.
 */
export async function handleAdmissionReview(
  principal: TClusterPrincipal,
  request: TAdmissionRequest,
): Promise<TAdmissionReviewResponse> {
  return (await reviewAndRecord(principal, request)).review;
}

/** The decision on one admission request, recorded unless it is a dry run (see handleAdmissionReview). */
export async function reviewAndRecord(
  principal: TClusterPrincipal,
  request: TAdmissionRequest,
): Promise<TAdmissionDecision> {
  // Nothing to evaluate: answered without reading the settings.
  if (!isEvaluable(request)) return decideAdmission(request);

  const id = identify(request);
  const context = await loadContext(principal, id);
  const snapshot = policySnapshotOf(context);
  const teamId = context.resourceExists
    ? context.resourceTeamId
    : snapshot.ownerOf({
        cluster: context.clusterSlug,
        namespace: id.namespace,
        kind: id.kind,
        name: id.name,
        labels: { ...(context.namespaceLabels ?? {}), ...id.labels },
      });
  const resolved = new Map(context.resolutions.map((r) => [r.checkId, r.resolution]));
  const decision = decideAdmission(request, {
    passive: snapshot.passive,
    targetVersion: context.kubernetesVersion ? parseKubernetesVersion(context.kubernetesVersion) : null,
    setting: settingFor(snapshot, teamId),
    exemption: (checkId) => {
      const rule = scopeExemption(
        snapshot,
        { cluster: context.clusterSlug, namespace: id.namespace, kind: id.kind, name: id.name, teamId },
        checkId,
      );
      if (rule) return rule;
      const resolution = resolved.get(checkId);
      return resolution ? `Resolved in Bumpers: ${RESOLUTION_LABELS[resolution] ?? resolution}` : null;
    },
  });
  if (request.dryRun) return decision;

  const object: TReviewedObject = {
    orgId: principal.orgId,
    clusterId: principal.clusterId,
    teamId,
    uid: request.uid,
    operation: request.operation,
    kind: id.kind,
    namespace: id.namespace,
    name: id.name,
    username: request.userInfo?.username ?? "",
    labels: id.labels,
    controlled: id.controlled,
  };
  await inTransaction(pool, (client) => recordAdmissionDecision(client, object, decision));
  return decision;
}
