import { scheduleText } from "@/lib/notifications/page-state";
import type { TDigestTeam, TSubscriptionView } from "@/lib/notifications/subscriptions/queries";
import { Badge } from "@/components/ui/badge";
import { sendPersonalDigestNowAction } from "@/lib/notifications/actions";
import { DeletePersonalSubscription } from "./delete-personal-subscription";
import { SendDigestNow } from "./send-digest-now";

/** A member's own digests: which team, when (in that team's time zone), and a way out. */
export function PersonalSubscriptionList({
  orgSlug,
  subscriptions,
  teams,
}: {
  orgSlug: string;
  subscriptions: TSubscriptionView[];
  teams: TDigestTeam[];
}) {
  return (
    <ul aria-label="Your subscriptions" className="divide-y divide-slate-100">
      {subscriptions.map((s) => {
        const timeZone = teams.find((t) => t.id === s.teamId)?.timeZone ?? "UTC";
        return (
          <li key={s.id} aria-label={s.name} className="flex flex-wrap items-start justify-between gap-2 px-5 py-3">
            <div className="min-w-0 space-y-0.5">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{s.name}</span>
                {s.enabled ? null : <Badge>Unsubscribed</Badge>}
              </div>
              <p className="text-sm text-slate-600">
                {s.kind === "events"
                  ? "Whenever someone assigns you a finding"
                  : `${s.teamName ?? "Organization"} · ${scheduleText(s, timeZone)}`}
                {s.kind === "digest" && s.sendEmpty ? " · all-clear when nothing happened" : ""}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {s.kind === "digest" ? (
                <SendDigestNow
                  action={sendPersonalDigestNowAction}
                  fields={{ org: orgSlug, subscriptionId: s.id }}
                  name={s.name}
                  where="your inbox"
                />
              ) : null}
              <DeletePersonalSubscription orgSlug={orgSlug} subscription={s} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
