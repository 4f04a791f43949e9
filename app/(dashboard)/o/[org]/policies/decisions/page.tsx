import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import {
  DECISION_OUTCOMES,
  DECISION_RANGE_LABELS,
  DECISION_RANGES,
  decisionHref,
  listDecisionClusters,
  parseDecisionSearch,
} from "@/lib/admission/decision-log";
import { resolveTeamFilter } from "@/lib/alerting/ui-scope";
import { AlertingTeamSelect, FilterForm, FilterSelect } from "@/components/alerting/filter-form";
import { PoliciesSkeleton } from "@/components/policies/policies-skeleton";
import { RangeLinks } from "@/components/ui/range-links";
import { DecisionResults } from "./decision-results";

export const metadata: Metadata = { title: "Admission log" };

const OUTCOME_CHOICES: Record<(typeof DECISION_OUTCOMES)[number], string> = {
  allowed: "Allowed",
  warned: "Warned",
  would_deny: "Would deny (passive)",
  denied: "Denied",
};

export default async function AdmissionLogPage({ params, searchParams }: PageProps<"/o/[org]/policies/decisions">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const search = parseDecisionSearch(await searchParams);
  // A team the caller cannot see, or decisions of no team for a member, is a 404 like the team's page.
  const team = await resolveTeamFilter(access, search.team);
  if (!team) notFound();
  const clusters = await listDecisionClusters(access.org.id);
  const cluster = search.cluster ? clusters.find((c) => c.slug === search.cluster) : undefined;
  if (search.cluster && !cluster) notFound();

  const base = `/o/${access.org.slug}/policies/decisions`;
  const { cursor: _cursor, ...view } = search;
  const active = Boolean(view.team || view.cluster || view.outcome);
  return (
    <div className="space-y-6">
      <div>
        <div className="mb-4">
          <RangeLinks
            links={DECISION_RANGES.map((range) => ({
              href: decisionHref(base, { ...view, range }),
              label: DECISION_RANGE_LABELS[range],
              active: range === view.range,
            }))}
          />
        </div>
        <FilterForm label="Filter decisions" clearHref={decisionHref(base, { range: view.range })} active={active}>
          <input type="hidden" name="range" value={view.range} />
          <AlertingTeamSelect id="decisions-team" filter={team} unassignedLabel="No team" value={view.team} />
          <FilterSelect
            id="decisions-cluster"
            name="cluster"
            label="Cluster"
            anyLabel="Every cluster"
            choices={clusters.map((c) => ({ value: c.slug, label: c.slug }))}
            value={view.cluster}
          />
          <FilterSelect
            id="decisions-outcome"
            name="outcome"
            label="Outcome"
            anyLabel="Any outcome"
            choices={DECISION_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_CHOICES[o] }))}
            value={view.outcome}
            className="w-48"
          />
        </FilterForm>
      </div>
      {/* Keyed by the filters, so a new view shows the skeleton instead of the previous one. */}
      <Suspense key={JSON.stringify(search)} fallback={<PoliciesSkeleton variant="table" />}>
        <DecisionResults
          orgSlug={access.org.slug}
          base={base}
          scope={team.scope}
          teamId={team.teamId}
          clusterId={cluster?.id}
          search={search}
          exampleCluster={clusters[0]?.slug ?? null}
          canSeeClusters={canOrg(access.role, "org:clusters:read")}
        />
      </Suspense>
    </div>
  );
}
