import type { Metadata, Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { visibleTeams } from "@/lib/auth/access";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { listClusters } from "@/lib/clusters/queries";
import { findingsOfTicket } from "@/lib/findings/ticket-findings";
import { listTicketSyncLog } from "@/lib/tickets/queries";
import type { TTicketSubject } from "@/lib/tickets/schemas";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { SyncLogTable } from "@/components/tickets/sync-log-table";
import { TicketChip } from "@/components/tickets/ticket-chip";
import { TicketFindingsList } from "@/components/tickets/ticket-findings-list";
import { parseTicketListParams } from "@/components/tickets/ticket-list-params";
import { describeSubject } from "@/components/tickets/ticket-subjects";
import { UnlinkTicketButton } from "@/components/tickets/unlink-ticket-button";
import { ticketForPage } from "./ticket-for-page";

const FINDINGS_SHOWN = 50;
const LOG_PAGE = 50;

export async function generateMetadata({ params }: PageProps<"/o/[org]/tickets/[id]">): Promise<Metadata> {
  const { org, id } = await params;
  const { ticket } = await ticketForPage(await requireOrgPage(org), id);
  return { title: ticket.key ? `${ticket.key} · ${ticket.title}` : ticket.title };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function TicketPage({ params, searchParams }: PageProps<"/o/[org]/tickets/[id]">) {
  const { org: orgSlug, id } = await params;
  const access = await requireOrgPage(orgSlug);
  const { ticket, scope } = await ticketForPage(access, id);
  const { cursor } = parseTicketListParams(await searchParams);
  const subject: TTicketSubject = ticket.subject;
  const clusterId = subject.kind === "check" ? subject.clusterId : null;
  const [teams, findings, log, clusters] = await Promise.all([
    visibleTeams(access),
    findingsOfTicket(scope, ticket.id, FINDINGS_SHOWN),
    listTicketSyncLog(
      access.org.id,
      { ticketId: ticket.id },
      { cursor: cursor ?? undefined, limit: LOG_PAGE, lenient: true },
    ),
    clusterId ? listClusters(access.org.id) : null,
  ]);
  const org = access.org.slug;
  const team = teams.find((t: { id: string }) => t.id === ticket.team?.id) ?? null;
  const clusterName = clusters?.clusters.find((c: { id: string }) => c.id === clusterId)?.name ?? null;
  const canTriage = team !== null && scopeIncludesTeam(findingScopeOf(access, "team:triage"), team.id);
  const base = `/o/${org}/tickets/${ticket.id}`;

  return (
    <>
      <PageHeader
        title={ticket.title}
        description={describeSubject(subject, ticket.team?.name ?? null, clusterName)}
        actions={
          <>
            <TicketChip ticket={ticket} />
            {canTriage && team ? (
              <UnlinkTicketButton
                orgSlug={org}
                teamSlug={team.slug}
                ticketId={ticket.id}
                ticketName={ticket.key ?? "the ticket"}
              />
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        {ticket.lastError ? <Alert tone="error">Last error from the provider: {ticket.lastError}</Alert> : null}
        <Card>
          <CardBody>
            <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
              <Fact label="Team">
                {team ? (
                  <Link
                    href={`/o/${org}/teams/${team.slug}/tickets` as Route}
                    className="text-brand-700 hover:underline"
                  >
                    {team.name}
                  </Link>
                ) : (
                  (ticket.team?.name ?? "Deleted team")
                )}
              </Fact>
              <Fact label="Open findings">{ticket.openCount.toLocaleString("en-US")}</Fact>
              <Fact label="Covered">{ticket.affectedCount.toLocaleString("en-US")}</Fact>
              <Fact label="Made">{ticket.linked ? "Linked by hand" : "Created by Bumpers"}</Fact>
              <Fact label="Created">{formatDateTime(ticket.createdAt)}</Fact>
              <Fact label={ticket.closedAt ? "Closed" : "Updated"}>
                {formatDateTime(ticket.closedAt ?? ticket.updatedAt)}
              </Fact>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Findings"
            description={
              ticket.affectedCount > findings.length
                ? `The first ${findings.length} of the findings you can see, open ones first.`
                : "The findings this ticket covers, open ones first."
            }
          />
          {findings.length ? (
            <TicketFindingsList orgSlug={org} findings={findings} />
          ) : (
            <CardBody>
              <p className="text-sm text-slate-500">No finding you can see is linked to this ticket.</p>
            </CardBody>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Sync log"
            description="Every call to Jira or GitHub for this ticket and every webhook back, newest first."
          />
          {log.data.length ? (
            <>
              <SyncLogTable rows={log.data} />
              <Pager
                label="Sync log pages"
                firstHref={cursor ? base : null}
                prevHref={log.prev ? `${base}?cursor=${encodeURIComponent(log.prev)}` : null}
                nextHref={log.next ? `${base}?cursor=${encodeURIComponent(log.next)}` : null}
              />
            </>
          ) : (
            <CardBody>
              <EmptyState title="Nothing synced yet">
                Calls to the provider and its webhooks appear here as they happen.
              </EmptyState>
            </CardBody>
          )}
        </Card>
      </div>
    </>
  );
}
