import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import {
  findVisibleImage,
  hasTrivyReport,
  listVulnerabilities,
  listVulnerableImages,
} from "@/lib/vulnerabilities/queries";
import { parseVulnView, vulnViewQuery } from "@/lib/vulnerabilities/search-params";
import { hasTeamChoice, resolveTeamFilter } from "@/lib/vulnerabilities/team-filter";
import { AreaFilterForm } from "@/components/findings/area-filter-form";
import { FindingsTabs } from "@/components/findings/findings-tabs";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CveTable } from "@/components/vulnerabilities/cve-table";
import { ImageFilterNote, VulnerabilitiesEmpty } from "@/components/vulnerabilities/vulnerabilities-empty";
import { ImageTable } from "@/components/vulnerabilities/image-table";
import { Pager } from "@/components/ui/pager";
import { ViewSwitch } from "@/components/vulnerabilities/view-switch";

export const metadata: Metadata = { title: "Vulnerabilities" };

const PAGE_SIZE = 25;

export default async function VulnerabilitiesPage({
  params,
  searchParams,
}: PageProps<"/o/[org]/findings/vulnerabilities">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const requested = parseVulnView(await searchParams);
  const teamFilter = await resolveTeamFilter(access, requested.team ?? undefined);
  const [sent, image] = await Promise.all([
    hasTrivyReport(access.org.id),
    requested.tab === "cves" && requested.image ? findVisibleImage(teamFilter.scope, requested.image) : null,
  ]);
  // Only what was understood stays in the links: an unknown team or image is dropped.
  const view = { ...requested, team: teamFilter.selected, image: image?.id ?? null };
  const base = `/o/${access.org.slug}/findings/vulnerabilities`;
  const href = (change: Parameters<typeof vulnViewQuery>[1] = {}) => `${base}${vulnViewQuery(view, change)}`;
  const options = {
    includeTriaged: view.all,
    fixAvailable: view.fix,
    q: view.q || undefined,
    cursor: view.cursor ?? undefined,
    limit: PAGE_SIZE,
  };
  const images = sent && view.tab === "images" ? await listVulnerableImages(teamFilter.scope, options) : null;
  const cves =
    sent && view.tab === "cves"
      ? await listVulnerabilities(teamFilter.scope, { ...options, imageId: image?.id })
      : null;
  const page = images ?? cves;
  const teamQuery = view.team ? `?team=${encodeURIComponent(view.team)}` : "";

  return (
    <>
      <PageHeader
        title="Vulnerabilities"
        description="Known vulnerabilities (CVEs) in the container images your teams run, from each cluster's Trivy scan, worst first."
      />
      <FindingsTabs orgSlug={access.org.slug} team={view.team} />
      {!sent ? (
        <VulnerabilitiesEmpty reason="no-report" orgSlug={access.org.slug} />
      ) : (
        <Card>
          <CardBody className="space-y-4 border-b border-slate-100">
            <ViewSwitch
              label="Group vulnerabilities"
              options={[
                { href: href({ tab: "images" }), label: "By image", current: view.tab === "images" },
                { href: href({ tab: "cves" }), label: "By CVE", current: view.tab === "cves" },
              ]}
            />
            <AreaFilterForm
              idPrefix="vulns"
              teams={hasTeamChoice(teamFilter) ? teamFilter : null}
              includeTriaged={view.all}
              hidden={{ ...(view.tab === "cves" ? { tab: "cves" } : {}), ...(image ? { image: image.id } : {}) }}
              clearHref={href({ q: "", fix: false, all: false, team: null, image: null })}
              active={Boolean(view.q || view.fix || view.all || view.team || image)}
            >
              <Field
                id="vulns-q"
                label={view.tab === "images" ? "Image name" : "CVE, title or package"}
                className="w-56"
              >
                <Input
                  id="vulns-q"
                  name="q"
                  type="search"
                  defaultValue={view.q}
                  placeholder={view.tab === "images" ? "nginx, quay.io/…" : "CVE-2023-…, openssl"}
                />
              </Field>
              <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="fix"
                  value="1"
                  defaultChecked={view.fix}
                  className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                />
                Fix available only
              </label>
            </AreaFilterForm>
            {image ? <ImageFilterNote image={image} clearHref={href({ image: null })} /> : null}
          </CardBody>
          {images?.data.length ? (
            <ImageTable
              orgSlug={access.org.slug}
              images={images.data}
              cveHref={(id) => href({ tab: "cves", image: id, q: "" })}
            />
          ) : null}
          {cves?.data.length ? (
            <CveTable rows={cves.data} detailHref={(id) => `${base}/${encodeURIComponent(id)}${teamQuery}`} />
          ) : null}
          {page && page.data.length === 0 ? (
            <div className="p-5">
              <VulnerabilitiesEmpty
                reason={view.cursor ? "end" : view.q || view.fix || image ? "filtered" : "none"}
                orgSlug={access.org.slug}
                resetHref={href({ q: "", fix: false, image: null })}
                firstPageHref={href()}
                teamSelected={Boolean(view.team)}
              />
            </div>
          ) : null}
          {page ? (
            <Pager
              label="Vulnerability pages"
              prevHref={page.prev ? href({ cursor: page.prev }) : null}
              nextHref={page.next ? href({ cursor: page.next }) : null}
            />
          ) : null}
        </Card>
      )}
    </>
  );
}
