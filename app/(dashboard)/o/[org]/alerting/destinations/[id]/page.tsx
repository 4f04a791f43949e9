import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { findingScopeOf } from "@/lib/auth/visibility-scope";
import { getDestination, type TDestinationView } from "@/lib/alerting/destinations/queries";
import { listDeliveryLog, listOpenIncidents } from "@/lib/alerting/queries";
import { AppError } from "@/lib/server/errors";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { DeleteDestinationButton } from "@/components/alerting/delete-destination-button";
import { DeliveryLogTable } from "@/components/alerting/delivery-log-table";
import { DestinationForm } from "@/components/alerting/destination-form";
import { LastError } from "@/components/alerting/last-error";
import { OpenIncidentsCard } from "@/components/alerting/open-incidents";
import { TestEventButton } from "@/components/alerting/test-event-button";

export const metadata: Metadata = { title: "Alert destination" };

async function destinationOrNull(orgId: string, id: string): Promise<TDestinationView | null> {
  try {
    return await getDestination(orgId, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

export default async function DestinationPage({ params }: PageProps<"/o/[org]/alerting/destinations/[id]">) {
  const { org: orgSlug, id } = await params;
  const access = await requireOrgPage(orgSlug, "org:integrations:manage");
  // Another org's destination is simply not there.
  const destination = await destinationOrNull(access.org.id, id);
  if (!destination) notFound();
  const scope = findingScopeOf(access);
  const [teams, incidents, log] = await Promise.all([
    visibleTeams(access),
    listOpenIncidents(scope, { destinationId: destination.id }),
    listDeliveryLog(scope, { destinationId: destination.id, limit: 10 }),
  ]);
  const now = new Date();
  const logHref = `/o/${access.org.slug}/alerting/log?destination=${destination.id}`;

  return (
    <div className="space-y-6">
      <Link
        href={`/o/${access.org.slug}/alerting/destinations`}
        className="text-sm text-brand-600 hover:text-brand-700"
      >
        ← All destinations
      </Link>
      <Card>
        <CardHeader
          title={destination.name}
          description={
            <>
              {destination.teamName ? `Owned by ${destination.teamName}` : "Org-wide"} · key{" "}
              <code className="font-mono text-xs">{destination.maskedKey}</code> · added{" "}
              {formatDateTime(destination.createdAt)}
            </>
          }
          actions={
            <>
              <TestEventButton orgSlug={access.org.slug} destination={destination} size="md" />
              <DeleteDestinationButton orgSlug={access.org.slug} destination={destination} />
            </>
          }
        />
        <CardBody className="grid gap-4 text-sm sm:grid-cols-4">
          <div>
            <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Last delivery</div>
            <div className="mt-1">
              {destination.lastDeliveredAt ? formatDateTime(destination.lastDeliveredAt) : "never"}
            </div>
          </div>
          <div className="sm:col-span-2">
            <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Last error from PagerDuty</div>
            <div className="mt-1">
              <LastError destination={destination} now={now} />
            </div>
          </div>
          <div>
            <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Rules naming it</div>
            <div className="mt-1">{destination.ruleCount}</div>
          </div>
        </CardBody>
        <CardBody className="border-t border-slate-100">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Edit</h3>
          <DestinationForm orgSlug={access.org.slug} teams={teams} destination={destination} />
        </CardBody>
      </Card>
      <OpenIncidentsCard
        incidents={incidents}
        orgSlug={access.org.slug}
        now={now}
        limit={10}
        description="Open on this service; resolves always go to the key that got the trigger."
      />
      <Card>
        <CardHeader
          title="Recent deliveries"
          actions={
            <Link href={logHref as Route} className="text-sm font-medium text-brand-600 hover:text-brand-700">
              Full delivery log →
            </Link>
          }
        />
        {log.data.length ? (
          <DeliveryLogTable items={log.data} now={now} orgSlug={access.org.slug} showDestination={false} />
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">Nothing sent here yet: send a test event to check the key.</p>
        )}
      </Card>
    </div>
  );
}
