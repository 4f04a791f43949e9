import type { TGroupMappingRow, TSsoSettings } from "@/lib/sso/config/queries";
import { ORG_ROLE_LABELS, TEAM_ROLE_LABELS } from "@/lib/auth/permissions";
import { DataTable } from "@/components/ui/data-table";
import { Missing } from "@/components/ui/data-table-cells";
import { EmptyState } from "@/components/ui/empty-state";
import { AddMappingButton, EditMappingButton, MoveMappingButtons, RemoveMappingButton } from "./mapping-controls";

/** The ordered table of IdP group → org role and team role, with what every sign-in does with it. */
export function GroupMappings({
  orgSlug,
  mappings,
  teams,
}: {
  orgSlug: string;
  mappings: TGroupMappingRow[];
  teams: TSsoSettings["teams"];
}) {
  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm text-slate-600">
        <p>
          At every sign-in the person&apos;s groups are matched against these mappings, in this order, and their org
          role and team memberships are set again: a group they left takes its memberships with it. Patterns may use{" "}
          <code className="font-mono text-xs">*</code> wildcards.
        </p>
        <p>
          Group values shaped <code className="font-mono text-xs">&lt;team-slug&gt;/&lt;role&gt;</code> (for example{" "}
          <code className="font-mono text-xs">payments/editor</code>) are understood without a mapping.
        </p>
      </div>
      {mappings.length ? (
        <DataTable
          rows={mappings}
          rowKey={(m) => m.id}
          caption="Group mappings, in the order they apply"
          wrapperClassName="rounded-md border border-slate-200"
          columns={[
            {
              key: "order",
              header: "Order",
              width: "w-28",
              cell: (m, i) => (
                <MoveMappingButtons orgSlug={orgSlug} mapping={m} first={i === 0} last={i === mappings.length - 1} />
              ),
            },
            {
              key: "group",
              header: "IdP group",
              cell: (m) => <code className="break-all font-mono text-xs text-slate-800">{m.groupName}</code>,
            },
            {
              key: "org-role",
              header: "Org role",
              width: "w-32",
              cell: (m) => (m.orgRole ? ORG_ROLE_LABELS[m.orgRole] : <Missing />),
            },
            {
              key: "team",
              header: "Team",
              cell: (m) =>
                m.team && m.teamRole ? (
                  <>
                    {m.team.name} <span className="text-slate-500">· {TEAM_ROLE_LABELS[m.teamRole]}</span>
                  </>
                ) : (
                  <Missing />
                ),
            },
            {
              key: "actions",
              header: <span className="sr-only">Actions</span>,
              width: "w-40",
              className: "text-right whitespace-nowrap",
              cell: (m) => (
                <>
                  <EditMappingButton orgSlug={orgSlug} mapping={m} teams={teams} />
                  <RemoveMappingButton orgSlug={orgSlug} mapping={m} />
                </>
              ),
            },
          ]}
        />
      ) : (
        <EmptyState title="No group mappings yet" action={<AddMappingButton orgSlug={orgSlug} teams={teams} />}>
          New members get the default role, and{" "}
          <code className="font-mono text-xs">&lt;team-slug&gt;/&lt;role&gt;</code> groups still work. Map your
          IdP&apos;s groups to org roles and teams here.
        </EmptyState>
      )}
      {mappings.length ? <AddMappingButton orgSlug={orgSlug} teams={teams} /> : null}
    </div>
  );
}
