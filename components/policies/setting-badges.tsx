import type { TCheckSetting } from "@/lib/policies/effective";
import type { TCheckCategory } from "@/lib/policies/types";
import { Badge } from "@/components/ui/badge";
import { SeverityBadge } from "@/components/findings/severity-badge";

export const CATEGORY_LABELS: Record<TCheckCategory, string> = {
  security: "Security",
  reliability: "Reliability",
  efficiency: "Efficiency",
  deprecation: "Deprecation",
};

/** A setting in one line: off, or its severity and where it blocks (else it only warns). */
export function SettingSummary({ setting }: { setting: TCheckSetting }) {
  if (!setting.enabled) return <Badge tone="neutral">Off</Badge>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <SeverityBadge severity={setting.severity} />
      {setting.blockAdmission ? <Badge tone="red">blocks admission</Badge> : null}
      {setting.blockCi ? <Badge tone="red">blocks CI</Badge> : null}
      {!setting.blockAdmission && !setting.blockCi ? <span className="text-xs text-slate-500">warns</span> : null}
    </span>
  );
}

/** A yes/no cell of a read-only table. */
export function FlagText({ on, label }: { on: boolean; label: string }) {
  return on ? (
    <span className="font-medium text-slate-900">{label}</span>
  ) : (
    <span className="text-slate-300" aria-label="no">
      –
    </span>
  );
}
