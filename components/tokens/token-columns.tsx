import type { ReactNode } from "react";
import { DateOf, LastUsed } from "@/components/ui/data-table-cells";
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
