import { TimeAgo } from "@/components/ui/data-table-cells";
import type { TInstallationInfo } from "@/lib/clusters/installation";

/** The agent's Helm install as it reported it: chart version, and the values behind a disclosure. */
export function InstallationDetails({ installation, now }: { installation: TInstallationInfo; now: Date }) {
  const { chartVersion, valuesJson, truncated, receivedAt } = installation;
  return (
    <div className="border-t border-slate-100 px-5 py-4">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <h4 className="font-semibold text-slate-900">Agent installation</h4>
        <span className="text-slate-600">
          {chartVersion ? (
            <>
              chart <span className="font-mono text-xs text-slate-900">{chartVersion}</span>
            </>
          ) : (
            "chart version not reported"
          )}
        </span>
        <span className="text-xs text-slate-500">
          reported <TimeAgo at={receivedAt} now={now} />
        </span>
      </div>
      {valuesJson ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-600 hover:text-brand-700">
            Helm values
          </summary>
          <p className="mt-2 text-xs text-slate-500">
            As the agent sent them, with passwords, keys and tokens masked.
            {truncated ? " Long values are cut off here." : null}
          </p>
          <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-700 ring-1 ring-inset ring-slate-200">
            {valuesJson}
            {truncated ? "\n…" : null}
          </pre>
        </details>
      ) : (
        <p className="mt-1 text-xs text-slate-500">The values could not be read (not JSON, or too large to show).</p>
      )}
    </div>
  );
}
