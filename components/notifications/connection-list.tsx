import type { ReactNode } from "react";
import type { TConnectionView } from "@/lib/notifications/connections/queries";
import { connectionFacts, UNTESTED_SLACK } from "@/lib/notifications/page-state";
import { CONNECTION_KIND_NAMES, isMessageKind } from "@/lib/notifications/schemas";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";
import { ConnectionActions } from "./connection-actions";

/** One fact of a connection: a label over its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm text-slate-700">{children}</dd>
    </div>
  );
}

/** When something happened, relative, with the exact time on hover. */
const When = ({ at, now }: { at: Date; now: Date }) => (
  <span title={formatDateTime(at)}>{formatLastUsed(at, now)}</span>
);

/** Broken, with the reason and since when, where nobody can miss it. */
function Health({ connection: c, now, manage }: { connection: TConnectionView; now: Date; manage: boolean }) {
  if (c.status === "broken") {
    return (
      <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        <span className="font-semibold">Broken</span>
        {c.brokenAt ? (
          <>
            {" "}
            since <When at={c.brokenAt} now={now} />
          </>
        ) : null}
        : {c.brokenReason ?? "the service refused the connection"}. Nothing is sent through it until it is fixed
        {manage ? ": replace what it connects with (Edit), then send a test." : " by whoever manages it."}
      </div>
    );
  }
  return null;
}

function lastErrorText(c: TConnectionView): string | null {
  if (!c.lastError) return null;
  const status = c.lastError.status ? `${c.lastError.status} ` : "";
  return `${status}${c.lastError.message ?? "refused"}`.trim();
}

/**
 * Connections with their masked secret, their settings, their health and how many subscriptions
 * use them. `manage` gives each its actions (test, edit, rotate, delete) under its owner's form
 * fields: the org's (team "") or its team's.
 */
export function ConnectionList({
  connections,
  orgSlug,
  manage,
  showOwner,
  now,
  label,
}: {
  connections: TConnectionView[];
  orgSlug: string;
  manage: boolean;
  /** Name the owning team (the org's overview lists every team's too). */
  showOwner: boolean;
  now: Date;
  /** The list's accessible name. */
  label: string;
}) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {connections.map((c) => {
        const facts = connectionFacts(c);
        const lastError = lastErrorText(c);
        const errorIsOld = c.lastErrorAt && c.lastDeliveredAt && c.lastDeliveredAt > c.lastErrorAt;
        return (
          <li key={c.id} aria-label={c.name} className="space-y-3 px-5 py-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{c.name}</span>
                  <Badge tone="brand">{CONNECTION_KIND_NAMES[c.kind]}</Badge>
                  {showOwner ? <Badge>{c.teamName ? `Team ${c.teamName}` : "Organization"}</Badge> : null}
                  {c.status === "broken" ? <Badge tone="red">Broken</Badge> : <Badge tone="green">Working</Badge>}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  Secret <code className="font-mono">{c.secretHint}</code> · added {formatDateTime(c.createdAt)}
                </p>
              </div>
              {manage ? <ConnectionActions owner={{ orgSlug, teamSlug: c.teamSlug ?? "" }} connection={c} /> : null}
            </div>
            <Health connection={c} now={now} manage={manage} />
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-5">
              {facts.map((f) => (
                <Fact key={f.label} label={f.label}>
                  {f.value}
                </Fact>
              ))}
              {c.kind === "slack" && !facts.length ? (
                <Fact label="Workspace">
                  <span className="text-slate-400">{UNTESTED_SLACK}</span>
                </Fact>
              ) : null}
              <Fact label="Last delivered">
                {c.lastDeliveredAt ? (
                  <When at={c.lastDeliveredAt} now={now} />
                ) : (
                  <span className="text-slate-400">never</span>
                )}
              </Fact>
              <Fact label="Last error">
                {lastError && c.lastErrorAt ? (
                  <span className={errorIsOld ? "text-slate-500" : "text-red-700"} title={lastError}>
                    {lastError} · <When at={c.lastErrorAt} now={now} />
                  </span>
                ) : (
                  <span className="text-slate-400">none</span>
                )}
              </Fact>
              {isMessageKind(c.kind) ? <Fact label="Subscriptions">{c.subscriptionCount}</Fact> : null}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
