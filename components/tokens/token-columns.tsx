import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DateOf, LastUsed } from "@/components/ui/data-table-cells";
import { formatDate, formatDateTime, formatLastUsed } from "@/components/ui/format";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";

type TTokenRow = { id: string; hint: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** The columns every token table has: the hint, when it was created and when it was last used. */
export function tokenColumns<T extends TTokenRow>(now: Date): Record<"hint" | "created" | "lastUsed", TColumn<T>> {
  return {
    hint: { key: "hint", header: "Token", cell: (t) => <code className="font-mono text-xs">{t.hint}</code> },
    created: {
      key: "created",
      header: "Created",
      className: "whitespace-nowrap",
      cell: (t) => <DateOf at={t.createdAt} />,
    },
    lastUsed: {
      key: "last-used",
      header: "Last used",
      className: "whitespace-nowrap",
      cell: (t) => <LastUsed at={t.lastUsedAt} now={now} />,
    },
  };
}

/** What a revoke control is told about its token (for its confirmation). */
export type TRevokableToken = { id: string; name: string; hint: string; lastUsed: string };

/** The last column: when a token was revoked, or the control that revokes an active one. */
export function statusColumn<T extends TTokenRow & { name: string }>(
  now: Date,
  revoke: (token: TRevokableToken) => ReactNode,
): TColumn<T> {
  return {
    key: "actions",
    header: <span className="sr-only">Status and actions</span>,
    className: "text-right",
    cell: (t) =>
      t.revokedAt ? (
        <Badge tone="neutral">
          <span title={formatDateTime(t.revokedAt)}>Revoked {formatDate(t.revokedAt)}</span>
        </Badge>
      ) : (
        revoke({ id: t.id, name: t.name, hint: t.hint, lastUsed: formatLastUsed(t.lastUsedAt, now) })
      ),
  };
}

/** Tokens, one a row; a revoked token's row is greyed out. */
export function TokenTable<T extends TTokenRow>({ tokens, columns }: { tokens: T[]; columns: TColumn<T>[] }) {
  return (
    <DataTable
      rows={tokens}
      rowKey={(t) => t.id}
      rowProps={(t) => ({ className: t.revokedAt ? "text-slate-400" : undefined })}
      columns={columns}
    />
  );
}

/** What a token table shows when there is no token, inside its card. */
export function NoTokens({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="px-5 pb-5">
      <EmptyState title={title}>{children}</EmptyState>
    </div>
  );
}
