import type { Metadata } from "next";
import { loadFindingPage } from "@/lib/findings/finding-page";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { findingPageState } from "@/lib/findings/page-state";
import { findingPeople } from "@/lib/findings/ui-filter-options";
import { eligibleAssignees, packagesOf } from "@/lib/findings/ui-format";
import { safeBackHref } from "@/lib/findings/ui-list";
import { EvidenceCards, FindingHeader, FixCard, WhyCard } from "@/components/findings/finding-cards";
import { StatusList, WhereList } from "@/components/findings/finding-sections";
import { FindingHistory } from "@/components/findings/finding-history";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { MenuCloser } from "@/components/findings/menu-closer";
import { NoteForm } from "@/components/findings/note-form";
import { TriagePanel } from "@/components/findings/triage-panel";
import { ticketChipsOfFindings } from "@/lib/tickets/queries";
import type { TTicketChip } from "@/lib/tickets/views";
import { FindingTicketsCard } from "@/components/tickets/finding-tickets-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export async function generateMetadata({ params }: PageProps<"/o/[org]/findings/[id]">): Promise<Metadata> {
  const { org, id } = await params;
  const { finding } = await loadFindingPage(org, id);
  return { title: finding.title };
}

export default async function FindingPage({ params, searchParams }: PageProps<"/o/[org]/findings/[id]">) {
  const { org: orgSlug, id } = await params;
  const { access, finding } = await loadFindingPage(orgSlug, id);
  const org = access.org.slug;
  const back = (await searchParams).back;
  const scope = findingScopeOf(access, "team:read");
  const canTriage = scopeIncludesTeam(findingScopeOf(access, "team:triage"), finding.team?.id ?? null);
  const [people, ticketsById] = await Promise.all([
    canTriage ? findingPeople(access, scope) : null,
    ticketChipsOfFindings(access.org.id, [finding.id]),
  ]);
  const tickets: TTicketChip[] = ticketsById.get(finding.id) ?? [];
  const now = new Date();
  const packages = packagesOf(finding.evidence);
  const links = findingPageState(org, finding, {
    teamVisible: finding.team !== null && scopeIncludesTeam(scope, finding.team.id),
    hasPackages: packages.length > 0,
  });

  return (
    <>
      <MenuCloser />
      <FindingsTabs orgSlug={org} />
      <FindingHeader
        orgSlug={org}
        finding={finding}
        backHref={safeBackHref(org, Array.isArray(back) ? back[0] : back)}
        now={now}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <WhyCard description={finding.description} />
          <FixCard finding={finding} links={links} />
          <EvidenceCards finding={finding} packages={packages} description={links.evidenceDescription} />
          <Card>
            <CardHeader title="History and notes" description="Reports, decisions and notes, newest first." />
            <CardBody className="space-y-5">
              {canTriage ? <NoteForm orgSlug={org} findingId={finding.id} /> : null}
              <FindingHistory orgSlug={org} events={finding.events} source={finding.source} now={now} />
            </CardBody>
          </Card>
        </div>

        <aside className="space-y-6" aria-label="Status and location">
          <Card>
            <CardHeader title="Status" />
            <CardBody className="space-y-4">
              <StatusList orgSlug={org} finding={finding} now={now} viewerId={access.user.id} />
              {canTriage && people ? (
                <div className="border-t border-slate-100 pt-4">
                  <TriagePanel
                    orgSlug={org}
                    findingId={finding.id}
                    resolved={finding.state === "resolved"}
                    snoozed={finding.state === "snoozed"}
                    assigneeId={finding.assignee?.id ?? null}
                    people={eligibleAssignees(people, [finding.team?.slug ?? null])}
                    viewerId={access.user.id}
                  />
                </div>
              ) : null}
            </CardBody>
          </Card>
          <FindingTicketsCard orgSlug={org} finding={finding} tickets={tickets} canTriage={canTriage} />
          <Card>
            <CardHeader title="Where" />
            <CardBody>
              <WhereList orgSlug={org} finding={finding} teamHref={links.teamHref} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
