import "server-only";
import { AppError } from "@/lib/server/errors";
import { createTicket } from "@/lib/tickets/create-ticket";
import type { TTicketVerbOptions } from "@/lib/tickets/effective-project";
import type { TTicketSubject } from "@/lib/tickets/schemas";
import type { TActions } from "../schemas";
import {
  joinErrors,
  plural,
  type TDispatchFinding,
  type TDispatchOutcome,
  type TDispatchRule,
} from "./dispatch-context";

// A rule's "create a ticket": its newly matched findings grouped into problems (a check's findings
// in a team, in one cluster or all; or the findings themselves, per team), each filed through
// createTicket as the rule, which makes the problem's ticket or comments on the open one. What
// cannot be filed (no project, a broken connection, a refusal) is kept on the dispatch.

/** createTicket's limit for findings chosen one by one. */
const FINDINGS_PER_TICKET = 500;

type TProblemInput = { teamId: string; subject: TTicketSubject; label: string };

function problemsOf(subject: NonNullable<TActions["ticket"]>["subject"], findings: readonly TDispatchFinding[]) {
  const problems = new Map<string, TProblemInput>();
  const findingIds = new Map<string, string[]>();
  for (const f of findings) {
    const teamId = f.owner_team_id!;
    if (subject === "findings") {
      findingIds.set(teamId, [...(findingIds.get(teamId) ?? []), f.id]);
      continue;
    }
    const clusterId = subject === "check_cluster" ? f.cluster_id : null;
    const key = [teamId, f.source, f.check_id, clusterId ?? ""].join("\u0000");
    if (!problems.has(key)) {
      problems.set(key, {
        teamId,
        subject: { kind: "check", source: f.source, checkId: f.check_id, clusterId },
        label: `${f.check_id}${clusterId ? ` in ${f.cluster_slug}` : ""}`,
      });
    }
  }
  const chosen = [...findingIds].flatMap(
    ([teamId, ids]) =>
      Array.from({ length: Math.ceil(ids.length / FINDINGS_PER_TICKET) }, (_, i) => ({
        teamId,
        subject: { kind: "findings", findingIds: ids.slice(i * FINDINGS_PER_TICKET, (i + 1) * FINDINGS_PER_TICKET) },
        label: plural(Math.min(FINDINGS_PER_TICKET, ids.length - i * FINDINGS_PER_TICKET), "finding"),
      })) satisfies TProblemInput[],
  );
  return [...problems.values(), ...chosen];
}

/**
 * Files the tickets. A provider that cannot answer now is the tickets outbox's to retry
 * (createTicket queues it); an error thrown here that is not an AppError (the database) makes the
 * caller retry the whole dispatch later.
 */
export async function dispatchTicket(
  rule: TDispatchRule,
  action: NonNullable<TActions["ticket"]>,
  findings: readonly TDispatchFinding[],
  options: TTicketVerbOptions = {},
): Promise<TDispatchOutcome> {
  // A team rule only ever files its own team's findings.
  const open = findings.filter((f) => f.status === "open" && (!rule.teamId || f.owner_team_id === rule.teamId));
  const owned = open.filter((f) => f.owner_team_id);
  const errors: string[] = [];
  if (owned.length < open.length) {
    errors.push(
      `${plural(open.length - owned.length, "finding")} without an owning team: no ticket project to file into`,
    );
  }
  const actor = { system: true as const, label: `Rule "${rule.name}"` };
  for (const problem of problemsOf(action.subject, owned)) {
    try {
      await createTicket(rule.orgId, actor, { teamId: problem.teamId, subject: problem.subject }, options);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Fixed meanwhile: nothing left to file, and nothing wrong.
      if (err.code === "unprocessable") continue;
      errors.push(`${problem.label}: ${err.message}`);
    }
  }
  return { error: joinErrors(errors) };
}
