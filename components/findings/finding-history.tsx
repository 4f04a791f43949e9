import type { TFindingEvent } from "@/lib/findings/get-finding";
import { describeEvent, formatAge } from "@/lib/findings/ui-format";
import { formatDateTime } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";

const DOT: Record<string, string> = {
  neutral: "bg-slate-300",
  green: "bg-emerald-500",
  amber: "bg-amber-400",
  blue: "bg-sky-500",
  red: "bg-red-400",
};

/** What happened to a finding, newest first: reports, triage and notes in one timeline. */
export function FindingHistory({ events, source, now }: { events: TFindingEvent[]; source: string; now: Date }) {
  if (!events.length) return <p className="text-sm text-slate-500">No history yet.</p>;
  return (
    <ol className="relative space-y-4" data-testid="finding-history">
      {events.map((event, i) => {
        const view = describeEvent(event, source);
        return (
          <li key={event.id} className="relative flex gap-3">
            {i < events.length - 1 ? (
              <span className="absolute top-4 bottom-[-1rem] left-[5px] w-px bg-slate-200" aria-hidden />
            ) : null}
            <span
              className={cn("relative mt-1.5 size-[11px] shrink-0 rounded-full ring-4 ring-white", DOT[view.tone])}
            />
            <div className="min-w-0 flex-1">
              <p className="text-sm text-slate-800">
                {view.text}
                <span className="text-slate-400"> · </span>
                <time dateTime={new Date(event.createdAt).toISOString()} title={formatDateTime(event.createdAt)}>
                  <span className="text-slate-500">{formatAge(event.createdAt, now)}</span>
                </time>
              </p>
              {view.quote ? (
                <blockquote
                  className={cn(
                    "mt-1.5 rounded-md border px-3 py-2 text-sm whitespace-pre-wrap break-words",
                    event.kind === "commented"
                      ? "border-slate-200 bg-white text-slate-800"
                      : "border-slate-100 bg-slate-50 text-slate-700",
                  )}
                >
                  {view.quote}
                </blockquote>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
