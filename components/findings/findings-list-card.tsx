import type { ReactNode } from "react";
import type { TEmptyReason } from "@/lib/findings/page-state";
import type { TAssignablePerson } from "@/lib/findings/ui-format";
import { Card } from "@/components/ui/card";
import { CheckGroupsTable, type TCheckGroupRow } from "./check-groups-table";
import { FindingsEmpty } from "./findings-empty";
import { FindingsTable } from "./findings-table";
import { ResourceGroupsTable, type TResourceGroupRow } from "./resource-groups-table";
import type { TListRow } from "./row-types";

/**
 * The list's card: the view toolbar, then why it is empty or the rows of the view's grouping (one
 * finding, one check or one resource a row), then the pager.
 */
export function FindingsListCard({
  toolbar,
  empty,
  orgSlug,
  viewerId,
  people,
  rows,
  checkRows,
  resourceRows,
  pager,
}: {
  toolbar: ReactNode;
  empty: TEmptyReason | null;
  orgSlug: string;
  viewerId: string;
  /** Whom findings may be assigned to; empty for viewers who triage nothing. */
  people: TAssignablePerson[];
  rows: TListRow[];
  checkRows: TCheckGroupRow[];
  resourceRows: TResourceGroupRow[];
  pager: ReactNode;
}) {
  return (
    <Card className="overflow-visible">
      <div className="border-b border-slate-100 px-4 py-3">{toolbar}</div>
      {empty ? (
        <div className="p-4">
          <FindingsEmpty reason={empty} />
        </div>
      ) : null}
      {rows.length ? <FindingsTable orgSlug={orgSlug} rows={rows} viewerId={viewerId} people={people} /> : null}
      {checkRows.length ? <CheckGroupsTable rows={checkRows} /> : null}
      {resourceRows.length ? <ResourceGroupsTable rows={resourceRows} /> : null}
      {pager}
    </Card>
  );
}
