import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { canOrg } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listDestinations } from "@/lib/alerting/destinations/queries";
import { getAlertGroup, OUTBOX_CHANNELS, type TAlertFeedItem } from "@/lib/alerting/queries";
import { firstValues, ZLogFilters } from "@/lib/alerting/ui-filters";
import { resolveTeamFilter } from "@/lib/alerting/ui-scope";
import { AppError } from "@/lib/server/errors";
import { Alert } from "@/components/ui/alert";
import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";
import { CHANNEL_LABELS } from "@/components/alerting/channel-labels";
import { AlertingTeamSelect, FilterForm, FilterSelect } from "@/components/alerting/filter-form";
import { capitalized, choicesOf } from "@/components/ui/filter-form";
import { LogResults } from "./log-results";

export const metadata: Metadata = { title: "Delivery log" };

/** The group named in the URL, or null when it is not one the caller may see (a 404). */
async function groupOf(scope: Parameters<typeof getAlertGroup>[0], groupId: string): Promise<TAlertFeedItem | null> {
  try {
    return await getAlertGroup(scope, groupId);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

export default async function DeliveryLogPage({ params, searchParams }: PageProps<"/o/[org]/alerting/log">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const filters = ZLogFilters.parse(firstValues(await searchParams));
  const team = await resolveTeamFilter(access, filters.team);
  if (!team) notFound();
  const destinations = await listDestinations(access.org.id);
  if (filters.destination && !destinations.some((d) => d.id === filters.destination)) notFound();
  const group = filters.group ? await groupOf(team.scope, filters.group) : null;
  if (filters.group && !group) notFound();

  const base = `/o/${access.org.slug}/alerting/log`;
  const { cursor: _cursor, ...view } = filters;
  const active = Object.values(view).some(Boolean);

  return (
    <div className="space-y-6">
      <div>
        <FilterForm label="Filter deliveries" clearHref={base} active={active}>
          {group ? <input type="hidden" name="group" value={group.id} /> : null}
          <AlertingTeamSelect id="log-team" filter={team} unassignedLabel="Org-wide and tests" value={filters.team} />
          <FilterSelect
            id="log-destination"
            name="destination"
            label="Destination"
            anyLabel="Every destination"
            choices={destinations.map((d) => ({ value: d.id, label: d.name }))}
            value={filters.destination}
            className="w-48"
          />
          <FilterSelect
            id="log-status"
            name="status"
            label="Status"
            anyLabel="Any status"
            choices={choicesOf(["pending", "delivered", "failed"], capitalized)}
            value={filters.status}
            className="w-36"
          />
          <FilterSelect
            id="log-action"
            name="action"
            label="Action"
            anyLabel="Any action"
            choices={choicesOf(["trigger", "resolve", "acknowledge", "notify"], capitalized)}
            value={filters.action}
            className="w-36"
          />
          <FilterSelect
            id="log-channel"
            name="channel"
            label="Channel"
            anyLabel="Every channel"
            choices={OUTBOX_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={filters.channel}
            className="w-40"
          />
        </FilterForm>
        {group ? (
          <Alert tone="info" className="mb-4">
            Showing the events of one alert group: <strong>{group.title}</strong> ({group.status}, {group.affectedCount}{" "}
            affected). Its dedup key is <code className="font-mono">{group.dedupKey}</code>.
          </Alert>
        ) : null}
      </div>
      {/* Keyed by the filters, so a new view shows the skeleton instead of the previous list. */}
      <Suspense key={JSON.stringify(filters)} fallback={<AlertingSkeleton />}>
        <LogResults
          orgSlug={access.org.slug}
          scope={team.scope}
          teamId={team.teamId}
          filters={filters}
          group={group ? { id: group.id } : null}
          linkDestinations={canOrg(access.role, "org:integrations:manage")}
        />
      </Suspense>
    </div>
  );
}
