import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { teamsWithVulnerability } from "@/lib/findings/ticket-findings";
import { ticketOfSubject } from "@/lib/tickets/queries";
import type { TTicketChip } from "@/lib/tickets/views";
import { getVulnerability } from "@/lib/vulnerabilities/queries";
import { resolveTeamFilter } from "@/lib/vulnerabilities/team-filter";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CveTicketsCard, type TCveTeamTicket } from "@/components/tickets/cve-tickets-card";
import { cveSubject } from "@/components/tickets/ticket-subjects";
import { AffectedImages } from "@/components/vulnerabilities/affected-images";
import { preferredReferences, ReferenceList } from "@/components/vulnerabilities/reference-links";

const SHOWN_REFERENCES = 6;

export async function generateMetadata({
  params,
}: PageProps<"/o/[org]/findings/vulnerabilities/[cve]">): Promise<Metadata> {
  const { cve } = await params;
  return { title: decodeURIComponent(cve).slice(0, 100) };
}

export default async function VulnerabilityPage({
  params,
  searchParams,
}: PageProps<"/o/[org]/findings/vulnerabilities/[cve]">) {
  const { org: orgSlug, cve } = await params;
  const access = await requireOrgPage(orgSlug);
  const team = (await searchParams).team;
  const teamFilter = await resolveTeamFilter(access, typeof team === "string" ? team : undefined);
  const id = decodeURIComponent(cve);
  // Not one of the caller's findings (another team's image, another org, no such id): a 404 that
  // does not reveal whether the CVE exists elsewhere.
  const vulnerability = id.length <= 200 ? await getVulnerability(teamFilter.scope, id) : null;
  if (!vulnerability) notFound();

  const triageScope = findingScopeOf(access, "team:triage");
  const ticketTeams: TCveTeamTicket[] = await Promise.all(
    (await teamsWithVulnerability(teamFilter.scope, vulnerability.id)).map(async (t) => {
      const chip: TTicketChip | null = await ticketOfSubject(access.org.id, t.id, cveSubject(vulnerability.id));
      return { team: t, findings: t.findings, chip, canTriage: scopeIncludesTeam(triageScope, t.id) };
    }),
  );

  const orgBase = `/o/${access.org.slug}`;
  const teamQuery = teamFilter.selected ? `team=${encodeURIComponent(teamFilter.selected)}` : "";
  const listHref = `${orgBase}/findings/vulnerabilities?tab=cves${teamQuery ? `&${teamQuery}` : ""}`;
  const triageHref = `${orgBase}/findings?source=trivy&q=${encodeURIComponent(vulnerability.id)}${teamQuery ? `&${teamQuery}` : ""}`;
  const references = preferredReferences(vulnerability.references, vulnerability.references.length);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={listHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
          ← Vulnerabilities
        </Link>
      </p>
      <PageHeader
        title={vulnerability.id}
        description={vulnerability.title !== vulnerability.id ? vulnerability.title : undefined}
        actions={
          <>
            <SeverityBadge severity={vulnerability.severity} />
            <span className="text-sm tabular-nums text-slate-500">score {vulnerability.score.toFixed(2)}</span>
          </>
        }
      />
      <FindingsTabs orgSlug={access.org.slug} team={teamFilter.selected} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Description" />
            <CardBody>
              <p className="whitespace-pre-line break-words text-sm text-slate-700">
                {vulnerability.description || "Trivy sent no description for this vulnerability."}
              </p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Affected images"
              description={
                vulnerability.gone
                  ? `Plus ${vulnerability.gone} ${vulnerability.gone === 1 ? "finding" : "findings"} already fixed or no longer running.`
                  : "Upgrade the package in the image (often a newer base image does it), then redeploy the workloads."
              }
              actions={
                <Link href={triageHref as Route} className="text-sm font-medium text-brand-600 hover:text-brand-700">
                  Triage in Findings
                </Link>
              }
            />
            {vulnerability.affected.length ? (
              <AffectedImages orgSlug={access.org.slug} images={vulnerability.affected} />
            ) : (
              <div className="p-5">
                <EmptyState title="No image is affected any more">
                  Every image you can see that had this vulnerability was fixed or no longer runs.
                </EmptyState>
              </div>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <CveTicketsCard orgSlug={access.org.slug} vulnerabilityId={vulnerability.id} teams={ticketTeams} />
          <Card>
            <CardHeader title="Advisories" />
            <CardBody>
              {references.length ? (
                <>
                  <ReferenceList urls={references.slice(0, SHOWN_REFERENCES)} />
                  {references.length > SHOWN_REFERENCES ? (
                    <details className="mt-3">
                      <summary className="cursor-pointer text-sm font-medium text-brand-600 hover:text-brand-700">
                        {references.length - SHOWN_REFERENCES} more links
                      </summary>
                      <div className="mt-2">
                        <ReferenceList urls={references.slice(SHOWN_REFERENCES)} />
                      </div>
                    </details>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-slate-500">No links were reported.</p>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
