import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TPreviewItem, TScopePreview } from "@/lib/teams/scope-preview";
import { ResourceTree } from "./resource-tree";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function ItemStatus({ item }: { item: TPreviewItem }) {
  if (item.status === "taken") {
    const owner = item.takenBy?.name ?? "another team";
    return (
      <span title={`Owned by ${owner}, a team with a higher priority`}>
        <Badge tone="amber">
          <span className="sr-only">taken by </span>
          {owner}
        </Badge>
      </span>
    );
  }
  return item.gained ? <Badge tone="green">new</Badge> : <Badge tone="brand">owned</Badge>;
}

/** What the draft rules would give the team; rendered by the scope editor as the user types. */
export function ScopePreviewPanel({
  preview,
  pending,
  invalid,
  failed,
  hasRules,
}: {
  preview: TScopePreview | null;
  pending: boolean;
  invalid: boolean;
  failed: string | null;
  hasRules: boolean;
}) {
  const matched = preview
    ? preview.owned.namespaces + preview.owned.workloads + preview.taken.namespaces + preview.taken.workloads
    : 0;
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50/60">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h3 className="text-sm font-semibold text-slate-900">Live preview</h3>
        <span className="flex items-center gap-1.5 text-xs text-slate-500" aria-hidden={!pending}>
          {pending ? (
            <>
              <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
              Updating…
            </>
          ) : (
            "Not saved yet"
          )}
        </span>
      </div>
      <div className="space-y-4 px-4 py-3" data-testid="scope-preview">
        {failed ? <Alert tone="error">{failed}</Alert> : null}
        {invalid ? <Alert tone="warning">Fix the highlighted fields to update the preview.</Alert> : null}
        {!preview ? (
          <p className="text-sm text-slate-500">Computing what this team would own…</p>
        ) : preview.knownResources === 0 ? (
          <p className="text-sm text-slate-500">
            No namespaces or workloads are known yet. They appear once a cluster&apos;s agent uploads its workloads
            report; until then every scope owns nothing.
          </p>
        ) : (
          <div className={cn("space-y-4 transition-opacity", (invalid || pending) && "opacity-60")}>
            <div>
              <p className="text-sm text-slate-500">With these rules this team would own</p>
              {/* Only the totals are announced as they change, not the whole list. */}
              <p className="mt-0.5 text-lg font-semibold text-slate-900" data-testid="preview-owned" aria-live="polite">
                {plural(preview.owned.namespaces, "namespace")} · {plural(preview.owned.workloads, "workload")}
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {preview.gained || preview.lost
                  ? `Compared with the saved scope: ${preview.gained.toLocaleString("en-US")} gained, ${preview.lost.toLocaleString("en-US")} given up.`
                  : "Same resources as the saved scope."}
              </p>
            </div>
            {preview.taken.namespaces + preview.taken.workloads > 0 ? (
              <p className="text-sm text-amber-800">
                {plural(preview.taken.namespaces + preview.taken.workloads, "matching resource")} already belong to a
                team with a higher priority (a lower number) and stay there.
              </p>
            ) : null}
            {preview.groups.length ? (
              <div>
                <p className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500" aria-hidden>
                  <span>
                    <Badge tone="brand">owned</Badge> already this team&apos;s
                  </span>
                  <span>
                    <Badge tone="green">new</Badge> gained
                  </span>
                  <span>
                    <Badge tone="amber">Team</Badge> kept by that team
                  </span>
                </p>
                <ResourceTree groups={preview.groups} aside={(item) => <ItemStatus item={item} />} />
                {preview.shown < matched ? (
                  <p className="mt-2 text-xs text-slate-500">
                    Showing the first {preview.shown.toLocaleString("en-US")} of {matched.toLocaleString("en-US")}{" "}
                    matching resources.
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-500">
                {hasRules
                  ? "No known namespace or workload matches these rules. Check the cluster and namespace patterns."
                  : "Add an include rule: what it matches shows up here as you type."}
              </p>
            )}
            {preview.lostItems.length ? (
              <div>
                <h4 className="text-sm font-medium text-slate-900">Would no longer own</h4>
                <ul className="mt-1 space-y-1 text-sm">
                  {preview.lostItems.map((item) => (
                    <li key={`${item.cluster}/${item.kind}/${item.namespace}/${item.name}`} className="flex gap-2">
                      <span className="min-w-0 flex-1 truncate font-mono text-slate-700">
                        {item.cluster}/{item.namespace}
                        {item.kind === "Namespace" ? "" : `/${item.name}`}
                      </span>
                      <span className="shrink-0 text-xs text-slate-500">
                        → {item.nextOwner ? item.nextOwner.name : "Unassigned"}
                      </span>
                    </li>
                  ))}
                </ul>
                {preview.lost > preview.lostItems.length ? (
                  <p className="mt-1 text-xs text-slate-500">
                    and {(preview.lost - preview.lostItems.length).toLocaleString("en-US")} more.
                  </p>
                ) : null}
              </div>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
