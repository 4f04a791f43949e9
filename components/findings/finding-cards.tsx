import type { Route } from "next";
import Link from "next/link";
import type { TFindingDetail } from "@/lib/findings/get-finding";
import type { findingPageState } from "@/lib/findings/page-state";
import { formatAge, wherePath, type TPackage } from "@/lib/findings/ui-format";
import { CATEGORY_LABELS, SOURCE_LABELS, STATE_LABELS, STATE_TONES } from "@/lib/findings/ui-labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ExternalLink, hostOf, preferredReferences } from "@/components/vulnerabilities/reference-links";
import { PackagesTable, RawEvidence, WorkloadsTable } from "./finding-sections";
import { DueFact, SeverityNote } from "./finding-automation";
import { RichText } from "./rich-text";
import { SeverityBadge, type TSeverity } from "./severity-badge";
import { TagChips } from "./tag-chips";

// The cards of a finding's page: its header, why it matters, how to fix it, its evidence.

const MAX_REFERENCES = 6;

type TFindingLinks = ReturnType<typeof findingPageState>;

/**
 * Back to the list, then the finding's badges (and the rule behind its severity), title, where it
 * is, and its due date and tags.
 */
export function FindingHeader({
  orgSlug,
  finding,
  backHref,
  now,
}: {
  orgSlug: string;
  finding: TFindingDetail;
  backHref: string;
  now: Date;
}) {
  return (
    <>
      <Link
        href={backHref as Route}
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900"
        data-testid="back-to-findings"
      >
        <span aria-hidden>←</span> Back to findings
      </Link>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="finding-severity" className="inline-flex">
            <SeverityBadge severity={finding.severity as TSeverity} />
          </span>
          <SeverityNote orgSlug={orgSlug} finding={finding} />
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
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1.5">
          <DueFact orgSlug={orgSlug} finding={finding} now={now} />
          <TagChips tags={finding.tags} rules={finding.rules.tags} />
        </div>
      </header>
    </>
  );
}

/** The check's description, as the report gave it. */
export function WhyCard({ description }: { description: string }) {
  return (
    <Card>
      <CardHeader title="Why it matters" />
      <CardBody className="text-sm text-slate-700">
        {description ? (
          <RichText text={description} />
        ) : (
          <p className="text-slate-500">The report gave no description for this check.</p>
        )}
      </CardBody>
    </Card>
  );
}

/** The remediation, the advisories (or the check's documentation), and the same problem elsewhere. */
export function FixCard({ finding, links }: { finding: TFindingDetail; links: TFindingLinks }) {
  const vulnerability = links.isVulnerability;
  const references = vulnerability ? preferredReferences(finding.references, MAX_REFERENCES) : finding.references;
  return (
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
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{links.referencesTitle}</h3>
            <ul className="mt-1.5 space-y-1">
              {references.map((url) => (
                <li key={url} className="min-w-0 truncate">
                  <ExternalLink href={url}>{vulnerability ? hostOf(url) : url}</ExternalLink>
                  {vulnerability ? <span className="ml-2 text-xs text-slate-400">{url}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="flex flex-wrap gap-x-5 gap-y-1">
          <Link href={links.sameProblemHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
            Same problem elsewhere →
          </Link>
          {links.cveHref ? (
            <Link href={links.cveHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
              Every image with {finding.vulnerabilityId} →
            </Link>
          ) : null}
        </p>
      </CardBody>
    </Card>
  );
}

/** The packages that carry a vulnerability, and the raw evidence; then the workloads running the image. */
export function EvidenceCards({
  finding,
  packages,
  description,
}: {
  finding: TFindingDetail;
  packages: TPackage[];
  description: string;
}) {
  return (
    <>
      <Card>
        <CardHeader title="Evidence" description={description} />
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
    </>
  );
}
