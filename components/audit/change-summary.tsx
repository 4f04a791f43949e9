import { describeChanges } from "@/lib/audit/describe-changes";

/** before → after, one line per changed field: "role: member → admin". */
export function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const changes = describeChanges(before, after);
  if (!changes.length) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          <span className="text-slate-500">{c.field}: </span>
          {c.before !== undefined && c.after !== undefined ? (
            <>
              <span className="text-slate-600">{c.before}</span>
              <span className="px-1 text-slate-400" aria-label="changed to">
                →
              </span>
              <span className="font-medium text-slate-900">{c.after}</span>
            </>
          ) : c.after !== undefined ? (
            <span className="text-slate-900">{c.after}</span>
          ) : (
            <span className="text-slate-600 line-through decoration-slate-400">{c.before}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
