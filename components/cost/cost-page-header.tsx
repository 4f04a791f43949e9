import type { Route } from "next";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Breadcrumbs } from "./breadcrumbs";
import { CostTabs } from "./cost-tabs";

/**
 * The top of a cost page: on a team's or service's page the breadcrumbs with the "Set a budget"
 * link, then the title with its actions (the range picker), the cost tabs carrying the range, and
 * the reason when the link's range could not be used.
 */
export function CostPageHeader({
  orgSlug,
  query,
  problem,
  title,
  description,
  actions,
  crumbs,
  budget,
}: {
  orgSlug: string;
  /** The range's query string, carried by the tabs. */
  query: string;
  /** Why the link's range was not usable (the last 30 days are shown instead). */
  problem?: string | null;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  crumbs?: { label: string; href?: string }[];
  /** A "Set a budget for <name>" link, for those who may set one. */
  budget?: { href: string | null; name: string };
}) {
  return (
    <>
      {crumbs ? (
        <div className="flex items-start justify-between gap-4">
          <Breadcrumbs items={crumbs} />
          {budget?.href ? (
            <LinkButton variant="secondary" size="sm" href={budget.href as Route}>
              Set a budget for {budget.name}
            </LinkButton>
          ) : null}
        </div>
      ) : null}
      <PageHeader title={title} description={description} actions={actions} />
      <CostTabs orgSlug={orgSlug} query={query} />
      {problem ? (
        <Alert tone="warning" className="mb-4">
          {problem} Showing the last 30 days.
        </Alert>
      ) : null}
    </>
  );
}
