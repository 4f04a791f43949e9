import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import {
  listDeprecatedApis,
  listOutdatedHelmReleases,
  listOutdatedImages,
  UPGRADE_ROWS_MAX,
  upgradeReportsSent,
} from "@/lib/upgrades/queries";
import { hasTeamChoice, resolveAreaQuery } from "@/lib/vulnerabilities/team-filter";
import { AreaCard } from "@/components/findings/area-empty";
import { AreaPage } from "@/components/findings/area-filter-form";
import { Alert } from "@/components/ui/alert";
import { DeprecatedApis } from "@/components/upgrades/deprecated-apis";
import { HelmReleases } from "@/components/upgrades/helm-releases";
import { OutdatedImages } from "@/components/upgrades/outdated-images";

export const metadata: Metadata = { title: "Upgrades" };

export default async function UpgradesPage({ params, searchParams }: PageProps<"/o/[org]/findings/upgrades">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const { teamFilter, includeTriaged } = await resolveAreaQuery(access, await searchParams);
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
    <AreaPage
      area="upgrades"
      title="Upgrades"
      description="What stands between your workloads and the next upgrade: Kubernetes API versions that are deprecated or removed (Pluto), and Helm charts and images with newer releases (Nova)."
      orgSlug={slug}
      teams={hasTeamChoice(teamFilter) ? teamFilter : null}
      team={teamFilter.selected}
      includeTriaged={includeTriaged}
    >
      {apis.truncated || charts.truncated || images.truncated ? (
        <Alert tone="warning">
          Showing the first {UPGRADE_ROWS_MAX} results of a list; pick a team to see the rest.
        </Alert>
      ) : null}
      <AreaCard
        title="Deprecated Kubernetes APIs"
        description="Objects still written with an API version Kubernetes deprecates or removes, compared with each cluster's version. Change them before upgrading the cluster."
        orgSlug={slug}
        empty={
          apis.clusters.length
            ? null
            : {
                sent: sent.pluto,
                report: "pluto",
                what: "Objects on deprecated API versions",
                cleanTitle: "No deprecated APIs",
                cleanText: `None of ${whose} objects uses a deprecated Kubernetes API version.`,
              }
        }
      >
        <DeprecatedApis orgSlug={slug} clusters={apis.clusters} />
      </AreaCard>
      <AreaCard
        title="Helm charts"
        description="Releases installed from an outdated chart version, or from a chart its maintainers deprecated."
        orgSlug={slug}
        empty={
          charts.clusters.length
            ? null
            : {
                sent: sent.nova,
                report: "nova",
                what: "Outdated Helm charts",
                cleanTitle: "Helm charts are up to date",
                cleanText: `None of ${whose} Helm releases is outdated or deprecated.`,
              }
        }
      >
        <HelmReleases orgSlug={slug} clusters={charts.clusters} />
      </AreaCard>
      <AreaCard
        title="Container images"
        description="Images with newer releases. The newest patch release is the safest step; a new major version needs its release notes read first."
        orgSlug={slug}
        empty={
          images.clusters.length
            ? null
            : {
                sent: sent.nova,
                report: "nova",
                what: "Outdated container images",
                cleanTitle: "Images are up to date",
                cleanText: `None of ${whose} workloads runs an image with a newer release.`,
              }
        }
      >
        <OutdatedImages orgSlug={slug} clusters={images.clusters} />
      </AreaCard>
    </AreaPage>
  );
}
