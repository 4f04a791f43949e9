import type { Route } from "next";
import type { ReactNode } from "react";
import { filterHref } from "@/lib/alerting/ui-filters";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { Pager } from "@/components/ui/pager";

/**
 * One page of an alerting list (the feed, the delivery log) in its card with the pager; when it
 * is empty, why: filters that match nothing, with a way to clear them, or nothing yet, with the
 * next step.
 */
export function PagedList({
  base,
  filters,
  count,
  noun,
  nextCursor,
  empty,
  children,
}: {
  /** The list's path, which clears every filter. */
  base: string;
  /** The URL's filters, the cursor included. */
  filters: Record<string, string | undefined> & { cursor?: string };
  count: number;
  /** What a row is, in the singular: "alert", "event". */
  noun: string;
  nextCursor: string | null;
  empty: { filteredTitle: string; filteredText: string; title: string; text: string; next: ReactNode };
  children: ReactNode;
}) {
  const { cursor, ...view } = filters;
  if (!count) {
    const filtered = Object.values(view).some(Boolean) || Boolean(cursor);
    return (
      <EmptyState
        icon={<EmptyIcon name="bell" />}
        title={filtered ? empty.filteredTitle : empty.title}
        action={
          filtered ? (
            <LinkButton href={base as Route} variant="secondary">
              Clear the filters
            </LinkButton>
          ) : (
            empty.next
          )
        }
      >
        {filtered ? empty.filteredText : empty.text}
      </EmptyState>
    );
  }
  return (
    <Card>
      {children}
      <Pager
        firstHref={cursor ? filterHref(base, view) : null}
        prevHref={null}
        nextHref={nextCursor ? filterHref(base, view, { cursor: nextCursor }) : null}
        shown={`${count} ${noun}${count === 1 ? "" : "s"} on this page`}
      />
    </Card>
  );
}
