import "server-only";
import { stringify } from "csv-stringify/sync";
import type { TFindingFilters } from "@/lib/domain/finding-filters";
import type { TViewer } from "./api-scope";
import { eachFinding, type TFindingRow } from "./queries";
import { ticketChipsOfFindings } from "@/lib/tickets/queries";
import type { TFindingScope } from "@/lib/auth/visibility-scope";

/** A row and the keys of its tickets. */
type TCsvRow = TFindingRow & { tickets: string[] };

const COLUMNS: [string, (f: TCsvRow) => string | number][] = [
  ["id", (f) => f.id],
  ["severity", (f) => f.severity],
  ["score", (f) => f.score],
  ["title", (f) => f.title],
  ["category", (f) => f.category],
  ["source", (f) => f.source],
  ["check", (f) => f.checkId],
  ["status", (f) => f.state],
  ["cluster", (f) => f.cluster.slug],
  ["namespace", (f) => f.namespace],
  ["kind", (f) => f.kind],
  ["name", (f) => f.name],
  ["container", (f) => f.container],
  ["image", (f) => f.image ?? ""],
  ["vulnerability", (f) => f.vulnerabilityId],
  ["team", (f) => f.team?.slug ?? ""],
  ["assignee", (f) => f.assignee?.name ?? ""],
  ["first_seen", (f) => f.firstSeenAt.toISOString()],
  ["last_seen", (f) => f.lastSeenAt.toISOString()],
  ["snoozed_until", (f) => f.snoozedUntil?.toISOString() ?? ""],
  ["resolution", (f) => f.resolution ?? ""],
  // Added later, so they come last: the columns scripts already read by position stay where they were.
  ["ticket", (f) => f.tickets.join(" ")],
  ["due", (f) => f.due?.toISOString() ?? ""],
  ["overdue", (f) => (f.overdue ? "true" : "false")],
  ["tags", (f) => f.tags.join(" ")],
];

/**
 * The view as CSV, streamed batch by batch so 100,000 rows never sit in memory. Cells that a
 * spreadsheet would run as a formula (=, +, -, @) are escaped: titles come from cluster reports.
 */
export function findingsCsvStream(scope: TFindingScope, filters: TFindingFilters, viewer: TViewer): ReadableStream {
  const encoder = new TextEncoder();
  const batches = eachFinding(scope, filters, viewer);
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(stringify([COLUMNS.map(([name]) => name)])));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const chips = await ticketChipsOfFindings(
        scope.orgId,
        next.value.map((f) => f.id),
      );
      const rows = next.value.map((f) => {
        // Tickets with a key (not still being created, not a failed creation), as the chips show them.
        const tickets = (chips.get(f.id) ?? []).flatMap((t) => (t.key && t.state !== "failed" ? [t.key] : []));
        const row = { ...f, tickets };
        return COLUMNS.map(([, value]) => value(row));
      });
      controller.enqueue(encoder.encode(stringify(rows, { escape_formulas: true })));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
