import { createHash } from "node:crypto";
import type { TTicketSubject } from "../schemas";

// A problem's identity: org, team and subject, as SHA-256 of a canonical JSON (sorted keys, and
// sorted finding ids for a selection), so the same problem always has the same key whoever asks
// and in whatever order they picked the findings. `tickets_one_open_per_problem` is unique on it.

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The subject as stored (`tickets.subject`) and hashed: finding ids sorted and unique. */
export function canonicalSubject(subject: TTicketSubject): TTicketSubject {
  if (subject.kind === "findings") return { kind: "findings", findingIds: [...new Set(subject.findingIds)].sort() };
  if (subject.kind === "check") return { ...subject, clusterId: subject.clusterId ?? null };
  return subject;
}

export function problemKeyOf(orgId: string, teamId: string, subject: TTicketSubject): string {
  const text = canonical({ orgId, teamId, subject: canonicalSubject(subject) });
  return createHash("sha256").update(text).digest("hex");
}

/** The label Bumpers puts on its ticket, to find it again after a create whose answer was lost. */
export const markerLabelOf = (problemKey: string) => `bumpers-${problemKey.slice(0, 12)}`;
