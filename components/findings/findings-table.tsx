"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { STATE_LABELS, STATE_TONES } from "@/lib/findings/ui-labels";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { TicketChips } from "@/components/tickets/ticket-chip";
import { BulkBar } from "./bulk-bar";
import { firstSeenColumn, LIST_TABLE, RowTitle } from "./list-table";
import type { TListRow } from "./row-types";
import { SeverityBadge } from "./severity-badge";
import { TagChips } from "./tag-chips";
import type { TAssignablePerson } from "@/lib/findings/ui-format";

const CHECKBOX = "size-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500 focus:ring-offset-1";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el?.closest("input, textarea, select, [contenteditable=true], dialog[open]"));
}

function FindingCell({ row }: { row: TListRow }) {
  return (
    <>
      <RowTitle
        href={row.href}
        detailTitle={row.where.join(" › ")}
        detail={
          <>
            {row.vulnerabilityId ? (
              <code className="mr-1.5 font-mono text-slate-600">{row.vulnerabilityId}</code>
            ) : null}
            {row.where.map((part, i) => (
              <span key={i}>
                {i > 0 ? (
                  <span className="px-1 text-slate-300" aria-hidden>
                    ›
                  </span>
                ) : null}
                {i > 0 ? <span className="sr-only">, </span> : null}
                {part}
              </span>
            ))}
          </>
        }
      >
        {row.title}
      </RowTitle>
      {row.tickets.length || row.tags.length ? (
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <TicketChips tickets={row.tickets} />
          <TagChips tags={row.tags} max={3} />
        </div>
      ) : null}
    </>
  );
}

const DUE_TONES: Record<TListRow["due"]["tone"], string> = {
  overdue: "font-medium text-red-700",
  paused: "text-amber-700",
  due: "text-slate-600",
  none: "text-slate-400",
};

/** "in 5 days" / "3 days overdue" (red) / "paused", with the date on hover. */
function DueCell({ row }: { row: TListRow }) {
  const { due } = row;
  if (!due.at) return <span className={DUE_TONES.none}>{due.text}</span>;
  return (
    <time dateTime={due.at} title={`Due ${due.exact}`} className={DUE_TONES[due.tone]}>
      {due.text}
    </time>
  );
}

function TeamCell({ row }: { row: TListRow }) {
  return (
    <>
      <div className={cn("truncate", row.team ? "text-slate-700" : "text-slate-400 italic")}>
        {row.team?.name ?? "Unassigned"}
      </div>
      {row.assignee ? (
        <div className="mt-0.5 flex items-center gap-1 truncate text-xs text-slate-500">
          <span className="sr-only">Assigned to</span>
          <svg viewBox="0 0 16 16" className="size-3 shrink-0 text-slate-400" aria-hidden>
            <circle cx="8" cy="5.5" r="2.5" fill="currentColor" />
            <path d="M3 14c.6-2.8 2.6-4 5-4s4.4 1.2 5 4z" fill="currentColor" />
          </svg>
          <span className="truncate">{row.assignee}</span>
        </div>
      ) : null}
    </>
  );
}

/**
 * The findings of one page. Triagers get checkboxes (Shift-click selects a range) and the bulk
 * bar; everyone gets keyboard shortcuts: j / k move between findings, x selects the current one,
 * / jumps to the search box, Enter opens.
 */
export function FindingsTable({
  orgSlug,
  rows,
  people,
  viewerId,
}: {
  orgSlug: string;
  rows: TListRow[];
  people: TAssignablePerson[];
  viewerId: string;
}) {
  const triage = rows.some((r) => r.canTriage);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const lastClicked = useRef<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // After a refresh some findings may have left the page; a selection only holds rows on it.
  const selectable = useMemo(() => rows.filter((r) => r.canTriage), [rows]);
  const selected = useMemo(() => selectable.filter((r) => picked.has(r.id)), [selectable, picked]);
  const allPicked = selectable.length > 0 && selected.length === selectable.length;

  const toggle = useCallback((id: string, on?: boolean) => {
    setPicked((prev) => {
      const next = new Set(prev);
      if (on ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const onRowCheck = (index: number, event: React.MouseEvent<HTMLInputElement>) => {
    const row = rows[index];
    const on = event.currentTarget.checked;
    if (event.shiftKey && lastClicked.current !== null) {
      const [from, to] = [lastClicked.current, index].sort((a, b) => a - b);
      setPicked((prev) => {
        const next = new Set(prev);
        for (const r of rows.slice(from, to + 1)) {
          if (!r.canTriage) continue;
          if (on) next.add(r.id);
          else next.delete(r.id);
        }
        return next;
      });
    } else toggle(row.id, on);
    lastClicked.current = index;
  };

  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.length > 0 && !allPicked;
  }, [selected.length, allPicked]);

  useEffect(() => {
    const links = () => [...(tableRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? [])];
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-shortcut=search]");
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
        return;
      }
      if (event.key !== "j" && event.key !== "k" && event.key !== "x") return;
      const all = links();
      if (!all.length) return;
      const current = all.findIndex((a) => a === document.activeElement);
      if (event.key === "x") {
        const id = current >= 0 ? all[current].closest("tr")?.dataset.rowId : undefined;
        const row = rows.find((r) => r.id === id);
        if (row?.canTriage) {
          event.preventDefault();
          toggle(row.id);
        }
        return;
      }
      event.preventDefault();
      const next = current < 0 ? 0 : Math.min(all.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
      all[next].focus();
      all[next].scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [rows, toggle]);

  return (
    <div>
      {triage ? (
        <BulkBar
          orgSlug={orgSlug}
          selected={selected}
          people={people}
          viewerId={viewerId}
          onClear={() => setPicked(new Set())}
        />
      ) : null}
      <DataTable
        {...LIST_TABLE}
        tableRef={tableRef}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({
          "data-row-id": row.id,
          className: cn("group", row.canTriage && picked.has(row.id) ? "bg-brand-50/60" : "hover:bg-slate-50/70"),
        })}
        columns={[
          triage && {
            key: "pick",
            header: (
              <input
                ref={selectAll}
                type="checkbox"
                className={CHECKBOX}
                aria-label="Select all on this page"
                checked={allPicked}
                onChange={(e) => setPicked(e.currentTarget.checked ? new Set(selectable.map((r) => r.id)) : new Set())}
              />
            ),
            width: "w-10",
            headerClassName: "pr-0",
            className: "pr-0",
            cell: (row, index) =>
              row.canTriage ? (
                <input
                  type="checkbox"
                  className={cn(CHECKBOX, "mt-0.5")}
                  aria-label={`Select ${row.title}`}
                  checked={picked.has(row.id)}
                  onClick={(e) => onRowCheck(index, e)}
                  onChange={() => undefined}
                />
              ) : null,
          },
          {
            key: "severity",
            header: "Severity",
            width: "w-24",
            cell: (row) => (
              <>
                <SeverityBadge severity={row.severity} />
                <div className="mt-1 text-xs text-slate-500">{row.category}</div>
              </>
            ),
          },
          { key: "finding", header: "Finding", className: "min-w-0", cell: (row) => <FindingCell row={row} /> },
          { key: "team", header: "Team", width: "w-32", cell: (row) => <TeamCell row={row} /> },
          {
            key: "status",
            header: "Status",
            width: "w-28",
            cell: (row) => (
              <>
                <Badge tone={STATE_TONES[row.state]}>{STATE_LABELS[row.state]}</Badge>
                {row.stateDetail ? <div className="mt-1 text-xs text-slate-500">{row.stateDetail}</div> : null}
              </>
            ),
          },
          {
            key: "due",
            header: "Due",
            width: "w-28",
            className: "whitespace-nowrap",
            cell: (row) => <DueCell row={row} />,
          },
          firstSeenColumn<TListRow>(),
        ]}
      />
    </div>
  );
}
