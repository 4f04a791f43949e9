import type { Route } from "next";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { listDeliveryLog, listOpenIncidents } from "@/lib/alerting/queries";
import type { TLogFilters } from "@/lib/alerting/ui-filters";
import { LinkButton } from "@/components/ui/button";
import { DeliveryLogTable } from "@/components/alerting/delivery-log-table";
import { PagedList } from "@/components/alerting/paged-list";
import { OpenIncidentsCard } from "@/components/alerting/open-incidents";

/** The delivery log and the open incidents, streamed once the page has checked the filters. */
export async function LogResults({
  orgSlug,
  scope,
  teamId,
  filters,
  group,
  linkDestinations,
}: {
  orgSlug: string;
  scope: TFindingScope;
  teamId: string | null | undefined;
  filters: TLogFilters;
  /** The alert group the log is narrowed to (already checked to be in scope). */
  group: { id: string } | null;
  /** The viewer may open destination pages. */
  linkDestinations: boolean;
}) {
  const teamFilter = teamId !== undefined ? { teamId } : {};
  const destinationFilter = filters.destination ? { destinationId: filters.destination } : {};
  const [page, incidents] = await Promise.all([
    listDeliveryLog(scope, {
      ...teamFilter,
      ...destinationFilter,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.channel ? { channel: filters.channel } : {}),
      ...(group ? { groupId: group.id } : {}),
      limit: 50,
      cursor: filters.cursor ?? null,
    }),
    listOpenIncidents(scope, { ...teamFilter, ...destinationFilter }),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <PagedList
        base={`/o/${orgSlug}/alerting/log`}
        filters={filters}
        count={page.data.length}
        noun="event"
        nextCursor={page.nextCursor}
        empty={{
          filteredTitle: "No event matches these filters",
          filteredText: "Each trigger and resolve sent to PagerDuty is listed here with its answer.",
          title: "Nothing sent to PagerDuty yet",
          text: "Every trigger and resolve is listed here with PagerDuty's answer once a rule pages. Org admins can send a test event from a destination.",
          next: <LinkButton href={`/o/${orgSlug}/alerting/destinations` as Route}>See the destinations</LinkButton>,
        }}
      >
        <DeliveryLogTable items={page.data} now={now} orgSlug={orgSlug} linkDestinations={linkDestinations} />
      </PagedList>
      <OpenIncidentsCard
        incidents={group ? incidents.filter((i) => i.groupId === group.id) : incidents}
        orgSlug={orgSlug}
        now={now}
      />
    </div>
  );
}
