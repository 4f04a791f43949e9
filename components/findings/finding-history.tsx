import type { TFindingEvent } from "@/lib/findings/get-finding";
import type { Route } from "next";
import Link from "next/link";
import { describeEvent, formatAge, type TEventView } from "@/lib/findings/ui-format";
import { formatDateTime } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";

const DOT: Record<string, string> = {
  neutral: "bg-slate-300",
  green: "bg-emerald-500",
  amber: "bg-amber-400",
  blue: "bg-sky-500",
  red: "bg-red-400",
};

/** The line's text with the rule's name linked to the rule (when it still exists). */
function EventText({ view }: { view: TEventView }) {
  const at = view.rule?.href ? view.text.indexOf(view.rule.label) : -1;
  if (!view.rule?.href || at < 0) return <>{view.text}</>;
  return (
    <>
      {view.text.slice(0, at)}
      <Link href={view.rule.href as Route} className="font-medium text-brand-600 hover:text-brand-700">
        {view.rule.label}
      </Link>
      {view.text.slice(at + view.rule.label.length)}
    </>
  );
}

/** What happened to a finding, newest first: reports, triage, rules and notes in one timeline. */
export function FindingHistory({
  orgSlug,
  events,
  source,
  now,
}: {
  orgSlug: string;
  events: TFindingEvent[];
  source: string;
  now: Date;
}) {
  if (!events.length) return <p className="text-sm text-slate-500">No history yet.</p>;
  return (
    <ol className="relative space-y-4" data-testid="finding-history">
      {events.map((event, i) => {
        const view = describeEvent(event, source, { orgSlug });
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
                <EventText view={view} />
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
