import type { Metadata, Route } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canTeam } from "@/lib/auth/permissions";
import { listTeamTickets } from "@/lib/tickets/queries";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { TabNav } from "@/components/ui/tab-nav";
import { TeamTabs } from "@/components/teams/team-tabs";
import { parseTicketListParams, ticketListHref } from "@/components/tickets/ticket-list-params";
import { TeamTicketsTable } from "@/components/tickets/team-tickets-table";

export const metadata: Metadata = { title: "Team tickets" };

const PAGE_SIZE = 50;

export default async function TeamTicketsPage({ params, searchParams }: PageProps<"/o/[org]/teams/[team]/tickets">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // The layout has turned a team the caller is not on (or another org's) into a 404.
  const access = await requireTeamPage(orgSlug, teamSlug);
  const { state, cursor } = parseTicketListParams(await searchParams);
  const page = await listTeamTickets(access.org.id, access.team.id, {
    state,
    cursor: cursor ?? undefined,
    limit: PAGE_SIZE,
    // A stale link starts over rather than failing.
    lenient: true,
  });
  const base = `/o/${access.org.slug}/teams/${access.team.slug}/tickets`;
  const canManage = canTeam(access.teamRole, "team:routing:manage");

  return (
    <>
      <PageHeader
        title={access.team.name}
        description="The team's Jira tickets and GitHub issues made from findings: they close when the findings are fixed, and closing them resolves the findings."
        actions={
          canManage ? (
            <LinkButton href={`${base}/settings` as Route} variant="secondary">
              Settings
            </LinkButton>
          ) : null
        }
      />
      <TeamTabs orgSlug={access.org.slug} teamSlug={access.team.slug} />
      <TabNav
        label="Ticket state"
        variant="card"
        tabs={[
          { href: ticketListHref(base, undefined), label: "All", active: !state },
          { href: ticketListHref(base, "open"), label: "Open", active: state === "open" },
          { href: ticketListHref(base, "closed"), label: "Closed", active: state === "closed" },
        ]}
      />
      <div className="mt-4">
        {page.data.length ? (
          <Card>
            <TeamTicketsTable orgSlug={access.org.slug} rows={page.data} now={new Date()} />
            <Pager
              label="Ticket pages"
              firstHref={cursor ? ticketListHref(base, state) : null}
              prevHref={page.prev ? ticketListHref(base, state, page.prev) : null}
              nextHref={page.next ? ticketListHref(base, state, page.next) : null}
            />
          </Card>
        ) : (
          <EmptyState
            title={
              state
                ? `${access.team.name} has no ${state} tickets`
                : cursor
                  ? "No more tickets"
                  : `${access.team.name} has no tickets yet`
            }
            action={
              canManage ? (
                <LinkButton href={`${base}/settings` as Route} variant="secondary">
                  Choose the team&apos;s Jira project or GitHub repository
                </LinkButton>
              ) : null
            }
          >
            A ticket is made from a finding&apos;s page, from findings selected in the list, from an alert or from a
            CVE: “Open a ticket” creates one in the team&apos;s Jira project or GitHub repository, or links one that
            exists. One problem gets one ticket, however many people click.
          </EmptyState>
        )}
      </div>
    </>
  );
}
