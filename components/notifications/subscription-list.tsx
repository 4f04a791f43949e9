import { GROUPING_LABELS } from "@/lib/alerting/schemas";
import { eventLabel, scheduleText, whereText, type TConnectionChoice } from "@/lib/notifications/page-state";
import type { TSubscriptionView } from "@/lib/notifications/subscriptions/queries";
import { Badge } from "@/components/ui/badge";
import { matchText } from "@/components/alerting/rule-text";
import type { TOwnerRef } from "./connection-form";
import { SubscriptionActions } from "./subscription-actions";

export type TSubscriptionEditing = { owner: TOwnerRef; connections: TConnectionChoice[]; timeZone: string };

/** What a subscription sends: its events and what they must match, or its digest's schedule. */
function WhatItSends({ subscription: s, timeZone }: { subscription: TSubscriptionView; timeZone: string }) {
  if (s.kind === "digest") {
    return (
      <p className="text-sm text-slate-600">
        {s.digestPeriod === "daily" ? "Daily" : "Weekly"} digest · {scheduleText(s, timeZone)}
        {s.sendEmpty ? " · all-clear when nothing happened" : ""}
      </p>
    );
  }
  return (
    <>
      <ul aria-label={`Events of ${s.name}`} className="flex flex-wrap gap-1">
        {s.events.map((e) => (
          <li key={e}>
            <Badge tone="blue">{eventLabel(e)}</Badge>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">
        <span className="text-slate-500">When</span> {matchText("findings", s.match)} · one message{" "}
        {GROUPING_LABELS[s.grouping].toLowerCase().replace(/^by /, "per ")}
      </p>
    </>
  );
}

/**
 * Subscriptions with where they go, what they send and their state; `editing` gives each an Edit
 * and a Delete under the owner's form fields. `timeZone` is where digest hours are read.
 */
export function SubscriptionList({
  subscriptions,
  editing,
  timeZone,
  label,
}: {
  subscriptions: TSubscriptionView[];
  editing: TSubscriptionEditing | null;
  timeZone: string;
  /** The list's accessible name. */
  label: string;
}) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {subscriptions.map((s) => (
        <li key={s.id} aria-label={s.name} className="px-5 py-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{s.name}</span>
                {s.baseline ? <Badge tone="amber">Baseline: every team</Badge> : null}
                {s.enabled ? null : <Badge>Off</Badge>}
                {s.connectionStatus === "broken" ? <Badge tone="red">Connection broken</Badge> : null}
              </div>
              <p className="text-sm text-slate-600">
                <span className="text-slate-500">To</span> {whereText(s)}
              </p>
              <WhatItSends subscription={s} timeZone={timeZone} />
            </div>
            {editing ? <SubscriptionActions {...editing} subscription={s} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
