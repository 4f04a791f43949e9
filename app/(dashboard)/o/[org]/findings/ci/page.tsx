import type { Metadata, Route } from "next";
import { z } from "zod";
import { canOrg } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { hasCiScans, latestCiScan, listCiBranches, listCiFindings, listCiRepositories } from "@/lib/ci/queries";
import { ZRepository } from "@/lib/ci/schemas";
import { FIRST_PAGE, nextPage, parsePageState, previousPage } from "@/lib/findings/ui-list";
import { checkById } from "@/lib/policies/checks";
import { appBaseUrl } from "@/lib/server/app-url";
import { AppError } from "@/lib/server/errors";
import { hasTeamChoice, resolveTeamFilter } from "@/lib/vulnerabilities/team-filter";
import { CiBranchesTable } from "@/components/ci/ci-branches-table";
import { CiFilterForm } from "@/components/ci/ci-filter-form";
import { CiFindingsList } from "@/components/ci/ci-findings-list";
import { ciHref, shortCommit, type TCiView } from "@/components/ci/ci-href";
import { CiNothingVisible, CiSetup, unseenBranchText } from "@/components/ci/ci-setup";
import { FindingsPager } from "@/components/findings/findings-pager";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "CI" };

const PAGE_SIZE = 50;
const BRANCH_ROWS = 50;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// A value the link cannot mean (a typo, a path) is dropped rather than answered with an error page.
const ZSelection = z.object({
  repository: ZRepository.optional().catch(undefined),
  branch: z.string().trim().min(1).max(255).optional().catch(undefined),
});

/** "17 open, 3 blocking, on 4 branches. " from the branches' latest scans, when all are listed. */
function branchTotals({ rows, truncated }: { rows: { open: number; blocking: number }[]; truncated: boolean }) {
  if (truncated || !rows.length) return "";
  const open = rows.reduce((n, r) => n + r.open, 0);
  const blocking = rows.reduce((n, r) => n + r.blocking, 0);
  const on = rows.length === 1 ? "on 1 branch" : `on ${rows.length} branches`;
  return `${open} open${blocking ? `, ${blocking} blocking,` : ""} ${on}. `;
}

export default async function CiFindingsPage({ params, searchParams }: PageProps<"/o/[org]/findings/ci">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const sp = await searchParams;
  const teamFilter = await resolveTeamFilter(access, first(sp.team));
  const parsed = ZSelection.parse({
    repository: first(sp.repository) || undefined,
    branch: first(sp.branch) || undefined,
  });
  const repository = parsed.repository ?? null;
  const branch = repository ? (parsed.branch ?? null) : null;
  const pageState = parsePageState(sp);
  const scope = teamFilter.scope;

  const [anyScan, repositories, branches, scan, findings] = await Promise.all([
    hasCiScans(access.org.id),
    listCiRepositories(scope),
    listCiBranches(scope, { repository, limit: BRANCH_ROWS }),
    repository && branch ? latestCiScan(scope, repository, branch) : null,
    listCiFindings(scope, { repository, branch }, { limit: PAGE_SIZE, cursor: pageState.cursor }).catch((err) => {
      // A cursor the query refuses (tampered, or stale) is an empty page with a way back.
      if (err instanceof AppError && err.code === "bad_request") return null;
      throw err;
    }),
  ]);

  const slug = access.org.slug;
  const now = new Date();
  const view: TCiView = { team: teamFilter.selected, repository, branch };
  const hrefOf = (change: Partial<TCiView>) => ciHref(slug, { ...view, ...change });
  const filtered = Boolean(teamFilter.selected || repository);
  const items = (findings?.data ?? []).map((f) => ({ ...f, remediation: checkById(f.checkId)?.remediation ?? null }));
  const previous = previousPage(pageState);

  return (
    <>
      <PageHeader
        title="CI"
        description={
          <>
            Policy checks that failed in your repositories&apos; Kubernetes manifests, as{" "}
            <code className="font-mono text-xs">bumpers check --server</code> reported them from CI. Each branch keeps
            its own results, apart from the clusters&apos; findings: a feature branch never adds to a team&apos;s open
            findings.
          </>
        }
      />
      <FindingsTabs orgSlug={slug} team={teamFilter.selected} />
      {!anyScan ? (
        <CiSetup
          orgSlug={slug}
          serverUrl={await appBaseUrl()}
          canManageOrg={canOrg(access.role, "org:tokens:manage")}
        />
      ) : (
        <div className="space-y-6">
          <Card>
            <CardBody>
              <CiFilterForm
                repositories={repositories}
                repository={repository}
                teams={hasTeamChoice(teamFilter) ? teamFilter : null}
                clearHref={ciHref(slug, { team: null, repository: null, branch: null })}
                active={filtered}
              />
            </CardBody>
          </Card>
          {branches.rows.length === 0 && !scan ? (
            <CiNothingVisible
              filtered={filtered}
              branch={repository && branch ? { repository, branch } : null}
              clearHref={ciHref(slug, { team: null, repository: null, branch: null })}
            />
          ) : (
            <>
              <Card>
                <CardHeader
                  title="Branches"
                  description={
                    branches.truncated
                      ? `The ${BRANCH_ROWS} most recently scanned branches; pick a repository to see all of its branches.`
                      : "The latest scan of each branch, newest first. Open a branch to see its findings."
                  }
                />
                <CiBranchesTable
                  rows={branches.rows}
                  selected={{ repository, branch }}
                  hrefOf={(row) => hrefOf({ repository: row.repository, branch: row.branch })}
                  now={now}
                />
              </Card>
              <Card>
                {repository && branch ? (
                  <CardHeader
                    title={
                      <span className="flex flex-wrap items-center gap-2">
                        {repository}
                        <Badge className="font-mono">{branch}</Badge>
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
                      <LinkButton href={hrefOf({ branch: null }) as Route} variant="secondary" size="sm">
                        All branches
                      </LinkButton>
                    }
                  />
                ) : (
                  <CardHeader
                    title={repository ? `Open findings in ${repository}` : "Open findings"}
                    description={`${branchTotals(branches)}On every branch, as its latest scan left them. Blocking checks first, then by severity.`}
                  />
                )}
                {repository && branch && !scan ? (
                  <CardBody>
                    <Alert tone="warning">{unseenBranchText(repository, branch)}</Alert>
                  </CardBody>
                ) : !findings ? (
                  <CardBody>
                    <EmptyState
                      title="This page of results is no longer valid"
                      action={<LinkButton href={hrefOf({}) as Route}>First page</LinkButton>}
                    />
                  </CardBody>
                ) : items.length === 0 ? (
                  <CardBody>
                    <EmptyState title="Nothing to fix">
                      {branch
                        ? `The latest scan of ${branch} found no failing checks.`
                        : "The latest scans of these branches found no failing checks."}
                    </EmptyState>
                  </CardBody>
                ) : (
                  <CiFindingsList items={items} showBranch={!branch} now={now} />
                )}
                {findings ? (
                  <FindingsPager
                    shown={`${items.length.toLocaleString("en-US")} findings on this page`}
                    firstHref={pageState.cursor ? ciHref(slug, view, FIRST_PAGE) : null}
                    prevHref={previous ? ciHref(slug, view, previous) : null}
                    nextHref={findings.nextCursor ? ciHref(slug, view, nextPage(pageState, findings.nextCursor)) : null}
                  />
                ) : null}
              </Card>
            </>
          )}
        </div>
      )}
    </>
  );
}
