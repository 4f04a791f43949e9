import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TResourceListing } from "@/lib/teams/resource-queries";
import { ResourceTree } from "./resource-tree";

/** What a team owns today, per cluster and namespace. */
export function OwnedResourcesCard({
  listing,
  hasRules,
  emptyAction,
}: {
  listing: TResourceListing;
  hasRules: boolean;
  /** The next step when the team owns nothing (a link for those who can edit scopes). */
  emptyAction?: ReactNode;
}) {
  const num = (n: number) => n.toLocaleString("en-US");
  const empty = listing.namespaces + listing.workloads === 0;
  return (
    <Card>
      <CardHeader
        title="Owned namespaces and workloads"
        description={
          empty
            ? "Resources this team owns through its scope."
            : `${num(listing.namespaces)} namespace${listing.namespaces === 1 ? "" : "s"} · ${num(listing.workloads)} workload${listing.workloads === 1 ? "" : "s"}, per cluster.`
        }
      />
      <CardBody>
        {empty ? (
          <div className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center">
            <p className="text-sm font-semibold text-slate-900">
              {hasRules
                ? "No known resource matches this team's scope"
                : "This team owns nothing yet: add a scope rule"}
            </p>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">
              {hasRules
                ? "Either no cluster has reported a matching namespace or workload yet, or a team with a higher priority owns them."
                : "A scope rule such as “include namespace payments-*” gives this team the matching namespaces and workloads on every cluster."}
            </p>
            {emptyAction ? <div className="mt-4">{emptyAction}</div> : null}
          </div>
        ) : (
          <>
            <ResourceTree groups={listing.groups} />
            {listing.shownWorkloads < listing.workloads ? (
              <p className="mt-3 text-xs text-slate-500">
                Showing the first {num(listing.shownWorkloads)} of {num(listing.workloads)} workloads.
              </p>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}
