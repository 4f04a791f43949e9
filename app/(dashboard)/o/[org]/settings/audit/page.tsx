import type { Metadata, Route } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listAuditActions, listAuditLog } from "@/lib/audit/queries";
import { auditPageQuery, parseAuditSearchParams } from "@/lib/audit/search-params";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NewerOlderPager } from "@/components/ui/pager";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

export default async function AuditPage({ params, searchParams }: PageProps<"/o/[org]/settings/audit">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:audit:read");
  const { filters, cursor, problems } = parseAuditSearchParams(await searchParams);
  const [page, actions] = await Promise.all([
    listAuditLog(access.org.id, filters, { limit: PAGE_SIZE, cursor }),
    listAuditActions(access.org.id),
  ]);
  const base = `/o/${access.org.slug}/settings/audit`;
  const href = (c?: string) => `${base}${auditPageQuery(filters, c)}`;
  const filtered = Boolean(filters.action || filters.actor || filters.from || filters.to);

  return (
    <Card>
      <CardBody className="border-b border-slate-100">
        <AuditFilters actions={actions} filters={filters} clearHref={base} />
        {problems.length ? (
          <Alert tone="warning" className="mt-3">
            Ignored: {problems.join(" ")}
          </Alert>
        ) : null}
      </CardBody>
      {page.data.length ? (
        <AuditTable rows={page.data} />
      ) : (
        <div className="p-5">
          {filtered ? (
            <EmptyState
              title="No entries match these filters"
              action={
                <Link href={base as Route} className={buttonClass("secondary")}>
                  Clear filters
                </Link>
              }
            >
              Try another action, a wider date range or part of an email address.
            </EmptyState>
          ) : cursor ? (
            <EmptyState
              title="No more entries"
              action={
                <Link href={base as Route} className={buttonClass("secondary")}>
                  Back to the latest
                </Link>
              }
            />
          ) : (
            <EmptyState title="No audit entries yet">
              Every change an admin makes to members, teams, clusters and tokens is recorded here, with who made it and
              what it changed.
            </EmptyState>
          )}
        </div>
      )}
      <NewerOlderPager
        label="Audit log pages"
        newerHref={page.newer ? href(page.newer) : null}
        olderHref={page.older ? href(page.older) : null}
      />
    </Card>
  );
}
