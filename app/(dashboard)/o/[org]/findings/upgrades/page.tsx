import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import {
  listDeprecatedApis,
  listOutdatedHelmReleases,
  listOutdatedImages,
  UPGRADE_ROWS_MAX,
  upgradeReportsSent,
} from "@/lib/upgrades/queries";
import { hasTeamChoice, resolveTeamFilter } from "@/lib/vulnerabilities/team-filter";
import { AreaEmpty } from "@/components/findings/area-empty";
import { AreaFilterForm } from "@/components/findings/area-filter-form";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DeprecatedApis } from "@/components/upgrades/deprecated-apis";
import { HelmReleases } from "@/components/upgrades/helm-releases";
import { OutdatedImages } from "@/components/upgrades/outdated-images";

export const metadata: Metadata = { title: "Upgrades" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UpgradesPage({ params, searchParams }: PageProps<"/o/[org]/findings/upgrades">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const sp = await searchParams;
  const teamFilter = await resolveTeamFilter(access, first(sp.team));
  const includeTriaged = first(sp.all) === "1";
  const options = { includeTriaged };
  const [sent, apis, charts, images] = await Promise.all([
    upgradeReportsSent(access.org.id),
    listDeprecatedApis(teamFilter.scope, options),
    listOutdatedHelmReleases(teamFilter.scope, options),
    listOutdatedImages(teamFilter.scope, options),
  ]);
  const slug = access.org.slug;
  const whose = teamFilter.selected
    ? "this team's"
    : teamFilter.scope.teamIds !== null
      ? "your teams'"
      : "the organization's";

  return (
    <>
      <PageHeader
        title="Upgrades"
        description="What stands between your workloads and the next upgrade: Kubernetes API versions that are deprecated or removed (Pluto), and Helm charts and images with newer releases (Nova)."
      />
      <FindingsTabs orgSlug={slug} team={teamFilter.selected} />
      <div className="space-y-6">
        <Card>
          <CardBody>
            <AreaFilterForm
              idPrefix="upgrades"
              teams={hasTeamChoice(teamFilter) ? teamFilter : null}
              includeTriaged={includeTriaged}
              clearHref={`/o/${slug}/findings/upgrades`}
              active={Boolean(teamFilter.selected || includeTriaged)}
            />
          </CardBody>
        </Card>
        {apis.truncated || charts.truncated || images.truncated ? (
          <Alert tone="warning">
            Showing the first {UPGRADE_ROWS_MAX} results of a list; pick a team to see the rest.
          </Alert>
        ) : null}
        <Card>
          <CardHeader
            title="Deprecated Kubernetes APIs"
            description="Objects still written with an API version Kubernetes deprecates or removes, compared with each cluster's version. Change them before upgrading the cluster."
          />
          {apis.clusters.length ? (
            <DeprecatedApis orgSlug={slug} clusters={apis.clusters} />
          ) : (
            <CardBody>
              <AreaEmpty
                sent={sent.pluto}
                tool="Pluto"
                chartValue="pluto.enabled=true"
                orgSlug={slug}
                what="Objects on deprecated API versions"
                cleanTitle="No deprecated APIs"
                cleanText={`None of ${whose} objects uses a deprecated Kubernetes API version.`}
              />
            </CardBody>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Helm charts"
            description="Releases installed from an outdated chart version, or from a chart its maintainers deprecated."
          />
          {charts.clusters.length ? (
            <HelmReleases orgSlug={slug} clusters={charts.clusters} />
          ) : (
            <CardBody>
              <AreaEmpty
                sent={sent.nova}
                tool="Nova"
                chartValue="nova.enabled=true"
                orgSlug={slug}
                what="Outdated Helm charts"
                cleanTitle="Helm charts are up to date"
                cleanText={`None of ${whose} Helm releases is outdated or deprecated.`}
              />
            </CardBody>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Container images"
            description="Images with newer releases. The newest patch release is the safest step; a new major version needs its release notes read first."
          />
          {images.clusters.length ? (
            <OutdatedImages orgSlug={slug} clusters={images.clusters} />
          ) : (
            <CardBody>
              <AreaEmpty
                sent={sent.nova}
                tool="Nova"
                chartValue="nova.enabled=true"
                orgSlug={slug}
                what="Outdated container images"
                cleanTitle="Images are up to date"
                cleanText={`None of ${whose} workloads runs an image with a newer release.`}
              />
            </CardBody>
          )}
        </Card>
      </div>
    </>
  );
}
