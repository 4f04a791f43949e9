import Link from "next/link";
import type { Route } from "next";
import type { TTicketSyncLogRow } from "@/lib/tickets/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { SyncLogTable } from "@/components/tickets/sync-log-table";

type TConnection = { id: string; name: string };

/**
 * A ticket connection's sync log: every call Bumpers made through it (tickets, test tickets) and
 * every webhook it received, refused ones included, newest first. One connection at a time.
 */
export function ConnectionSyncLog({
  base,
  connections,
  selected,
  page,
  cursor,
}: {
  /** The settings page's path; the connection and cursor go in its query string. */
  base: string;
  connections: TConnection[];
  selected: TConnection;
  page: { data: TTicketSyncLogRow[]; next: string | null; prev: string | null };
  cursor: string | null;
}) {
  const href = (connection: string, at?: string | null) =>
    `${base}?${new URLSearchParams({ connection, ...(at ? { cursor: at } : {}) }).toString()}` as Route;
  return (
    <Card>
      <CardHeader
        title="Sync log"
        description="Every call to Jira or GitHub through a connection and every webhook it received, refused ones included."
      />
      {connections.length > 1 ? (
        <CardBody>
          <nav aria-label="Connection" className="flex flex-wrap gap-2">
            {connections.map((c) => (
              <Link
                key={c.id}
                href={href(c.id)}
                aria-current={c.id === selected.id ? "page" : undefined}
                className={`rounded-full border px-3 py-1 text-sm ${
                  c.id === selected.id
                    ? "border-brand-600 bg-brand-50 text-brand-700"
                    : "border-slate-200 text-slate-600 hover:border-slate-300"
                }`}
              >
                {c.name}
              </Link>
            ))}
          </nav>
        </CardBody>
      ) : null}
      {page.data.length ? (
        <>
          <SyncLogTable rows={page.data} />
          <Pager
            label="Sync log pages"
            firstHref={cursor ? href(selected.id) : null}
            prevHref={page.prev ? href(selected.id, page.prev) : null}
            nextHref={page.next ? href(selected.id, page.next) : null}
          />
        </>
      ) : (
        <CardBody>
          <p className="text-sm text-slate-500">
            Nothing went through {selected.name} yet: test tickets, tickets and webhooks will show here.
          </p>
        </CardBody>
      )}
    </Card>
  );
}
