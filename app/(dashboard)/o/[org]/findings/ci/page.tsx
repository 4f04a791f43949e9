import type { Metadata } from "next";
import { canOrg } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { ciPageKind, parseCiSelection } from "@/lib/ci/page-state";
import { hasCiScans, latestCiScan, listCiBranches, listCiFindings, listCiRepositories } from "@/lib/ci/queries";
import { orRefusedPage } from "@/lib/findings/page-state";
import { parsePageState } from "@/lib/findings/ui-list";
import { checkById } from "@/lib/policies/checks";
import { appBaseUrl } from "@/lib/server/app-url";
import { hasTeamChoice, resolveTeamFilter } from "@/lib/vulnerabilities/team-filter";
import { CiFilterForm } from "@/components/ci/ci-filter-form";
import { ciHref, type TCiView } from "@/components/ci/ci-href";
import { CiBranchesCard, CiFindingsCard, CiPageHeader } from "@/components/ci/ci-results";
import { CiNothingVisible, CiSetup } from "@/components/ci/ci-setup";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { Card, CardBody } from "@/components/ui/card";

export const metadata: Metadata = { title: "CI" };

const PAGE_SIZE = 50;
const BRANCH_ROWS = 50;

export default async function CiFindingsPage({ params, searchParams }: PageProps<"/o/[org]/findings/ci">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const sp = await searchParams;
  const { team, repository, branch } = parseCiSelection(sp);
  const teamFilter = await resolveTeamFilter(access, team);
  const pageState = parsePageState(sp);
  const scope = teamFilter.scope;

  const [anyScan, repositories, branches, scan, findings] = await Promise.all([
    hasCiScans(access.org.id),
    listCiRepositories(scope),
    listCiBranches(scope, { repository, limit: BRANCH_ROWS }),
    repository && branch ? latestCiScan(scope, repository, branch) : null,
    orRefusedPage(listCiFindings(scope, { repository, branch }, { limit: PAGE_SIZE, cursor: pageState.cursor })),
  ]);

  const slug = access.org.slug;
  const now = new Date();
  const view: TCiView = { team: teamFilter.selected, repository, branch };
  const clearHref = ciHref(slug, { team: null, repository: null, branch: null });
  const filtered = Boolean(teamFilter.selected || repository);
  const kind = ciPageKind({ anyScan, branchRows: branches.rows.length, scanFound: Boolean(scan) });
  const items = findings?.data.map((f) => ({ ...f, remediation: checkById(f.checkId)?.remediation ?? null })) ?? null;

  return (
    <>
      <CiPageHeader />
      <FindingsTabs orgSlug={slug} team={teamFilter.selected} />
      {kind === "setup" ? (
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
                clearHref={clearHref}
                active={filtered}
              />
            </CardBody>
          </Card>
          {kind === "nothing-visible" ? (
            <CiNothingVisible
              filtered={filtered}
              branch={repository && branch ? { repository, branch } : null}
              clearHref={clearHref}
            />
          ) : (
            <>
              <CiBranchesCard orgSlug={slug} view={view} branches={branches} limit={BRANCH_ROWS} now={now} />
              <CiFindingsCard
                orgSlug={slug}
                view={view}
                branches={branches}
                scan={scan}
                items={items}
                nextCursor={findings?.nextCursor ?? null}
                page={pageState}
                now={now}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}
