import { cn } from "@/components/ui/cn";

type TAnswer = { status?: unknown; message?: unknown; errors?: unknown; dedup_key?: unknown };

/**
 * What PagerDuty answered, as it said it: the HTTP status, its message and, for a refusal, each
 * of its `errors` on its own line, so whoever fixes the integration key reads the real reason.
 */
export function PagerDutyAnswer({
  status,
  response,
  error,
}: {
  status: number | null;
  response: Record<string, unknown> | null;
  error: string | null;
}) {
  const answer = (response ?? {}) as TAnswer;
  const errors = Array.isArray(answer.errors) ? answer.errors.map(String) : [];
  const accepted = status !== null && status >= 200 && status < 300;
  if (status === null && !error && !response) return <span className="text-xs text-slate-400">Not sent yet</span>;
  return (
    <div className="space-y-0.5 text-xs">
      <div className={cn("font-medium", accepted ? "text-emerald-700" : "text-red-700")}>
        {status !== null ? status : "No answer"}
        {typeof answer.message === "string" ? ` · ${answer.message}` : ""}
      </div>
      {errors.length ? (
        <ul className="list-disc pl-4 text-red-700">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      {error && !errors.length ? <div className="text-red-700">{error}</div> : null}
    </div>
  );
}
