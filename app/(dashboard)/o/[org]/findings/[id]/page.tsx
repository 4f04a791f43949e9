import type { Metadata, Route } from "next";
import Link from "next/link";
import { loadFindingPage } from "@/lib/findings/finding-page";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { findingPeople } from "@/lib/findings/ui-filter-options";
import { eligibleAssignees, formatAge, packagesOf, wherePath } from "@/lib/findings/ui-format";
import { CATEGORY_LABELS, SOURCE_LABELS, STATE_LABELS, STATE_TONES } from "@/lib/findings/ui-labels";
import { DEFAULT_FILTERS } from "@/lib/findings/filters";
import { findingsListHref, safeBackHref } from "@/lib/findings/ui-list";
import {
  PackagesTable,
  RawEvidence,
  StatusList,
  WhereList,
  WorkloadsTable,
} from "@/components/findings/finding-sections";
import { FindingHistory } from "@/components/findings/finding-history";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { MenuCloser } from "@/components/findings/menu-closer";
import { NoteForm } from "@/components/findings/note-form";
import { RichText } from "@/components/findings/rich-text";
import { SeverityBadge, type TSeverity } from "@/components/findings/severity-badge";
import { TriagePanel } from "@/components/findings/triage-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ExternalLink, hostOf, preferredReferences } from "@/components/vulnerabilities/reference-links";

export async function generateMetadata({ params }: PageProps<"/o/[org]/findings/[id]">): Promise<Metadata> {
  const { org, id } = await params;
  const { finding } = await loadFindingPage(org, id);
  return { title: finding.title };
}

const MAX_REFERENCES = 6;

export default async function FindingPage({ params, searchParams }: PageProps<"/o/[org]/findings/[id]">) {
  const { org: orgSlug, id } = await params;
  const { access, finding } = await loadFindingPage(orgSlug, id);
  const org = access.org.slug;
  const back = (await searchParams).back;
  const backHref = safeBackHref(org, Array.isArray(back) ? back[0] : back);
  const scope = findingScopeOf(access, "team:read");
  const canTriage = scopeIncludesTeam(findingScopeOf(access, "team:triage"), finding.team?.id ?? null);
  const people = canTriage ? await findingPeople(access, scope) : null;
  const now = new Date();
  const isVulnerability = Boolean(finding.vulnerabilityId);
  const packages = packagesOf(finding.evidence);
  const references = isVulnerability ? preferredReferences(finding.references, MAX_REFERENCES) : finding.references;
  const teamHref =
    finding.team && scopeIncludesTeam(scope, finding.team.id) ? `/o/${org}/teams/${finding.team.slug}` : null;

  return (
    <>
      <MenuCloser />
      <FindingsTabs orgSlug={org} />
      <Link
        href={backHref as Route}
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900"
        data-testid="back-to-findings"
      >
        <span aria-hidden>←</span> Back to findings
      </Link>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={finding.severity as TSeverity} />
          <Badge tone={STATE_TONES[finding.state]}>{STATE_LABELS[finding.state]}</Badge>
          <span className="text-sm text-slate-500">
            {CATEGORY_LABELS[finding.category] ?? finding.category} · {SOURCE_LABELS[finding.source] ?? finding.source}{" "}
            · <code className="font-mono text-xs">{finding.checkId}</code>
          </span>
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words text-slate-900">{finding.title}</h1>
        <p className="mt-1.5 text-sm text-slate-600">
          <span className="font-medium text-slate-700">{finding.team?.name ?? "Unassigned"}</span>
          <span className="px-1.5 text-slate-300">·</span>
          {wherePath(finding).join(" › ")}
          <span className="px-1.5 text-slate-300">·</span>
          <span title={formatDateTime(finding.firstSeenAt)}>first seen {formatAge(finding.firstSeenAt, now)}</span>
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Why it matters" />
            <CardBody className="text-sm text-slate-700">
              {finding.description ? (
                <RichText text={finding.description} />
              ) : (
                <p className="text-slate-500">The report gave no description for this check.</p>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="How to fix it" />
            <CardBody className="space-y-4 text-sm text-slate-700">
              {finding.remediation ? (
                <RichText text={finding.remediation} />
              ) : (
                <p className="text-slate-500">No fix is known yet; the links below explain the problem.</p>
              )}
              {references.length ? (
                <div>
                  <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                    {isVulnerability ? "Advisories" : "Check documentation"}
                  </h3>
                  <ul className="mt-1.5 space-y-1">
                    {references.map((url) => (
                      <li key={url} className="min-w-0 truncate">
                        <ExternalLink href={url}>{isVulnerability ? hostOf(url) : url}</ExternalLink>
                        {isVulnerability ? <span className="ml-2 text-xs text-slate-400">{url}</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="flex flex-wrap gap-x-5 gap-y-1">
                <Link
                  href={findingsListHref(org, { ...DEFAULT_FILTERS, check: [finding.checkId] }) as Route}
                  className="font-medium text-brand-600 hover:text-brand-700"
                >
                  Same problem elsewhere →
                </Link>
                {isVulnerability ? (
                  <Link
                    href={`/o/${org}/findings/vulnerabilities/${encodeURIComponent(finding.vulnerabilityId)}`}
                    className="font-medium text-brand-600 hover:text-brand-700"
                  >
                    Every image with {finding.vulnerabilityId} →
                  </Link>
                ) : null}
              </p>
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title="Evidence"
              description={
                packages.length
                  ? "The packages in the image that carry this vulnerability."
                  : "What the report said about this resource."
              }
            />
            <CardBody className="space-y-4">
              {packages.length ? <PackagesTable packages={packages} /> : null}
              <RawEvidence evidence={finding.evidence} />
            </CardBody>
          </Card>

          {finding.image && finding.workloads.length ? (
            <Card>
              <CardHeader
                title="Workloads running this image"
                description={`In ${finding.cluster.name}. Upgrading the image fixes the finding for all of them.`}
              />
              <WorkloadsTable workloads={finding.workloads} />
            </Card>
          ) : null}

          <Card>
            <CardHeader title="History and notes" description="Reports, decisions and notes, newest first." />
            <CardBody className="space-y-5">
              {canTriage ? <NoteForm orgSlug={org} findingId={finding.id} /> : null}
              <FindingHistory events={finding.events} source={finding.source} now={now} />
            </CardBody>
          </Card>
        </div>

        <aside className="space-y-6" aria-label="Status and location">
          <Card>
            <CardHeader title="Status" />
            <CardBody className="space-y-4">
              <StatusList finding={finding} now={now} viewerId={access.user.id} />
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
          <Card>
            <CardHeader title="Where" />
            <CardBody>
              <WhereList finding={finding} teamHref={teamHref} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
