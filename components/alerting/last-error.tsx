import type { TDestinationView } from "@/lib/alerting/destinations/queries";
import { formatDateTime, formatLastUsed } from "@/components/ui/format";

/**
 * PagerDuty's last refusal on a destination, with its `errors` listed, or "none". An error older
 * than the last delivery is shown muted: the key worked since.
 */
export function LastError({ destination, now }: { destination: TDestinationView; now: Date }) {
  const { lastError, lastErrorAt, lastDeliveredAt } = destination;
  if (!lastError || !lastErrorAt) return <span className="text-xs text-slate-400">none</span>;
  const since = lastDeliveredAt && lastDeliveredAt > lastErrorAt;
  return (
    <div className={since ? "text-xs text-slate-500" : "text-xs text-red-700"}>
      <div className="font-medium" title={formatDateTime(lastErrorAt)}>
        {lastError.message ?? lastError.status ?? "Refused"} · {formatLastUsed(lastErrorAt, now)}
      </div>
      {lastError.errors?.length ? (
        <ul className="mt-0.5 list-disc pl-4">
          {lastError.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      {since ? <div className="mt-0.5">Delivered fine since.</div> : null}
    </div>
  );
}
