import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TResourceListing } from "@/lib/teams/resource-queries";
import { ResourceTree } from "./resource-tree";

/** Resources no team's scope includes: shown openly so admins can write the missing rules. */
export function UnassignedCard({ listing, hasTeams }: { listing: TResourceListing; hasTeams: boolean }) {
  const { namespaces, workloads } = listing;
  const num = (n: number) => n.toLocaleString("en-US");
  return (
    <Card>
      <CardHeader
        title="Unassigned"
        description="Namespaces and workloads that no team's scope includes. Their findings and costs show under Unassigned, visible to org admins only."
      />
      <CardBody className="space-y-3">
        <p className="text-sm text-slate-700" data-testid="unassigned-count">
          <span className="text-2xl font-semibold tabular-nums text-slate-900">{num(workloads)}</span> unassigned
          workload{workloads === 1 ? "" : "s"} in {num(namespaces)} unassigned namespace{namespaces === 1 ? "" : "s"}
        </p>
        {workloads + namespaces === 0 ? (
          <p className="text-sm text-slate-500">
            Every known namespace and workload has an owning team. New ones are assigned as soon as a cluster reports
            them.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-500">
              {hasTeams
                ? "To assign them, open a team and add a scope rule that includes them; the preview shows what it would take before you save."
                : "Create a team, then add scope rules that include them."}
            </p>
            <details className="group rounded-md border border-slate-200">
              <summary className="cursor-pointer select-none px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50">
                Show the unassigned resources
              </summary>
              <div className="border-t border-slate-200 p-3">
                <ResourceTree groups={listing.groups} />
                {listing.shownWorkloads < workloads ? (
                  <p className="mt-2 text-xs text-slate-500">
                    Showing the first {num(listing.shownWorkloads)} of {num(workloads)} workloads.
                  </p>
                ) : null}
              </div>
            </details>
          </>
        )}
      </CardBody>
    </Card>
  );
}
