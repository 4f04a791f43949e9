import type { Route } from "next";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { listDeliveryLog, listOpenIncidents } from "@/lib/alerting/queries";
import { filterHref, type TLogFilters } from "@/lib/alerting/ui-filters";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { DeliveryLogTable } from "@/components/alerting/delivery-log-table";
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
      ...(group ? { groupId: group.id } : {}),
      limit: 50,
      cursor: filters.cursor ?? null,
    }),
    listOpenIncidents(scope, { ...teamFilter, ...destinationFilter }),
  ]);
  const base = `/o/${orgSlug}/alerting/log`;
  const { cursor, ...view } = filters;
  const filtered = Object.values(view).some(Boolean) || Boolean(cursor);
  const now = new Date();
  return (
    <div className="space-y-6">
      {page.data.length ? (
        <Card>
          <DeliveryLogTable items={page.data} now={now} orgSlug={orgSlug} linkDestinations={linkDestinations} />
          <Pager
            firstHref={cursor ? filterHref(base, view) : null}
            prevHref={null}
            nextHref={page.nextCursor ? filterHref(base, view, { cursor: page.nextCursor }) : null}
            shown={`${page.data.length} event${page.data.length === 1 ? "" : "s"} on this page`}
          />
        </Card>
      ) : (
        <EmptyState
          icon={<EmptyIcon name="bell" />}
          title={filtered ? "No event matches these filters" : "Nothing sent to PagerDuty yet"}
          action={
            filtered ? (
              <LinkButton href={base as Route} variant="secondary">
                Clear the filters
              </LinkButton>
            ) : (
              <LinkButton href={`/o/${orgSlug}/alerting/destinations` as Route}>See the destinations</LinkButton>
            )
          }
        >
          {filtered
            ? "Each trigger and resolve sent to PagerDuty is listed here with its answer."
            : "Every trigger and resolve is listed here with PagerDuty's answer once a rule pages. Org admins can send a test event from a destination."}
        </EmptyState>
      )}
      <OpenIncidentsCard
        incidents={group ? incidents.filter((i) => i.groupId === group.id) : incidents}
        orgSlug={orgSlug}
        now={now}
      />
    </div>
  );
}
