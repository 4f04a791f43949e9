import type { Route } from "next";
import type { TCiBranch } from "@/lib/ci/queries";
import { branchesDescription, ciFindingsBody, ciFindingsHeading, cleanText } from "@/lib/ci/page-state";
import { pagerLinks, shownOnPage } from "@/lib/findings/page-state";
import type { TPageState } from "@/lib/findings/ui-list";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { CiBranchesTable } from "./ci-branches-table";
import { CiFindingsList, type TCiFindingItem } from "./ci-findings-list";
import { ciHref, shortCommit, type TCiView } from "./ci-href";
import { unseenBranchText } from "./ci-setup";

export function CiPageHeader() {
  return (
    <PageHeader
      title="CI"
      description={
        <>
          Policy checks that failed in your repositories&apos; Kubernetes manifests, as{" "}
          <code className="font-mono text-xs">bumpers check --server</code> reported them from CI. Each branch keeps its
          own results, apart from the clusters&apos; findings: a feature branch never adds to a team&apos;s open
          findings.
        </>
      }
    />
  );
}

/** The latest scan of each branch the viewer may see; the chosen branch is highlighted. */
export function CiBranchesCard({
  orgSlug,
  view,
  branches,
  limit,
  now,
}: {
  orgSlug: string;
  view: TCiView;
  branches: { rows: TCiBranch[]; truncated: boolean };
  /** How many branches are listed at most. */
  limit: number;
  now: Date;
}) {
  return (
    <Card>
      <CardHeader title="Branches" description={branchesDescription(branches.truncated, limit)} />
      <CiBranchesTable
        rows={branches.rows}
        selected={view}
        hrefOf={(row) => ciHref(orgSlug, { ...view, repository: row.repository, branch: row.branch })}
        now={now}
      />
    </Card>
  );
}

/** One branch's name and its latest scan: commit, when, owner and counts. */
function BranchHeader({
  orgSlug,
  view,
  scan,
  now,
}: {
  orgSlug: string;
  view: TCiView;
  scan: TCiBranch | null;
  now: Date;
}) {
  return (
    <CardHeader
      title={
        <span className="flex flex-wrap items-center gap-2">
          {view.repository}
          <Badge className="font-mono">{view.branch}</Badge>
        </span>
      }
      description={
        scan ? (
          <>
            Commit <code className="font-mono text-xs">{shortCommit(scan.commit)}</code>, scanned{" "}
            <span title={formatDateTime(scan.scannedAt)}>{formatLastUsed(scan.scannedAt, now)}</span> ·{" "}
            {scan.team ? `owned by ${scan.team.name}` : "no team owns this repository"} · {scan.open} open
            {scan.blocking ? `, ${scan.blocking} blocking` : ""}
          </>
        ) : undefined
      }
      actions={
        <LinkButton href={ciHref(orgSlug, { ...view, branch: null }) as Route} variant="secondary" size="sm">
          All branches
        </LinkButton>
      }
    />
  );
}

/** The open CI findings of the view (one branch, or every branch's latest scan), paged. */
export function CiFindingsCard({
  orgSlug,
  view,
  branches,
  scan,
  items,
  nextCursor,
  page,
  now,
}: {
  orgSlug: string;
  view: TCiView;
  branches: { rows: TCiBranch[]; truncated: boolean };
  scan: TCiBranch | null;
  /** The page's findings; null when the query refused the page's cursor. */
  items: TCiFindingItem[] | null;
  nextCursor: string | null;
  page: TPageState;
  now: Date;
}) {
  const { repository, branch } = view;
  const heading = ciFindingsHeading(repository, branches);
  const body = ciFindingsBody({ branch, scanFound: Boolean(scan), count: items ? items.length : null });
  return (
    <Card>
      {repository && branch ? (
        <BranchHeader orgSlug={orgSlug} view={view} scan={scan} now={now} />
      ) : (
        <CardHeader title={heading.title} description={heading.description} />
      )}
      {body === "list" && items ? (
        <CiFindingsList items={items} showBranch={!branch} now={now} />
      ) : (
        <CardBody>
          {body === "unseen-branch" && repository && branch ? (
            <Alert tone="warning">{unseenBranchText(repository, branch)}</Alert>
          ) : body === "bad-page" ? (
            <EmptyState
              title="This page of results is no longer valid"
              action={<LinkButton href={ciHref(orgSlug, view) as Route}>First page</LinkButton>}
            />
          ) : (
            <EmptyState title="Nothing to fix">{cleanText(branch)}</EmptyState>
          )}
        </CardBody>
      )}
      {items ? (
        <Pager
          shown={shownOnPage(items.length, "findings")}
          {...pagerLinks(page, nextCursor, (p) => ciHref(orgSlug, view, p))}
        />
      ) : null}
    </Card>
  );
}
