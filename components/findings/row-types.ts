import type { TFindingState } from "@/lib/domain/finding-filters";
import type { TTicketChip } from "@/lib/tickets/views";
import type { TDueView } from "@/lib/findings/due-format";
import type { TSeverity } from "./severity-badge";

/** One row of the findings list, prepared on the server (ages are computed there, once). */
export type TListRow = {
  id: string;
  href: string;
  title: string;
  severity: TSeverity;
  category: string;
  /** The CVE (or other advisory) id of an image finding, else "". */
  vulnerabilityId: string;
  /** Cluster, namespace, "Kind name", container. */
  where: string[];
  team: { slug: string; name: string } | null;
  assignee: string | null;
  state: TFindingState;
  /** "until Mar 5", "Will not fix". */
  stateDetail: string | null;
  firstSeen: { age: string; exact: string };
  /** "in 5 days", "3 days overdue", "paused", "—" (no SLA or nothing due), with the date. */
  due: TDueView & { exact: string | null };
  tags: string[];
  /** May the viewer resolve, snooze and assign this one (and open a ticket for it)? */
  canTriage: boolean;
  /** Its Jira tickets and GitHub issues, as chips. */
  tickets: TTicketChip[];
};
