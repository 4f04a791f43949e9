import type { TPreview } from "@/lib/automation/engine/preview";
import { Alert } from "@/components/ui/alert";
import { changeText, previewSummary } from "./preview-text";

/** The preview's numbers and a sample: finding, place, before → after, and the rule that did it. */
export function PreviewPanel({ preview }: { preview: TPreview }) {
  const { sample } = preview.result;
  return (
    <div className="space-y-3" aria-live="polite">
      <p className="text-sm font-medium text-slate-900">{previewSummary(preview)}</p>
      {preview.matchesEverything ? (
        <Alert tone="warning">
          This rule matches every open finding it can reach. Saving asks you to confirm that.
        </Alert>
      ) : null}
      {sample.length ? (
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Sample of findings the rule would change</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Finding
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Place
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Before → after
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Rule
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sample.map((s) => (
                <tr key={s.findingId} className="align-top">
                  <td className="w-1/3 px-3 py-2 text-slate-900">{s.title}</td>
                  {/* Image references run long with no spaces: let them break anywhere. */}
                  <td className="px-3 py-2 font-mono text-xs break-all text-slate-600">
                    {[s.cluster, s.namespace, s.kind, s.name].filter(Boolean).join("/")}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                    <ul>
                      {s.changes.map((c, i) => (
                        <li key={i}>{changeText(c)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="min-w-40 px-3 py-2 text-slate-600">
                    {[...new Set(s.changes.map((c) => c.ruleName ?? "—"))].join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
