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

/** What blocks, in a few words: "admission", "CI", "admission + CI". */
export function blocksText(setting: Pick<TCheckSetting, "blockAdmission" | "blockCi">): string | null {
  const where = [setting.blockAdmission ? "admission" : null, setting.blockCi ? "CI" : null].filter(Boolean);
  return where.length ? `blocks ${where.join(" + ")}` : null;
}

/** A setting in a few words: off, or its severity and where it blocks (otherwise it only warns). */
export function SettingSummary({ setting }: { setting: TCheckSetting }) {
  if (!setting.enabled) return <Badge tone="neutral">Off</Badge>;
  const blocks = blocksText(setting);
  return (
    <div className="space-y-0.5" title={blocks ? undefined : "Warns, blocks nothing"}>
      <SeverityBadge severity={setting.severity} />
      {blocks ? <div className="text-xs font-medium text-red-700">{blocks}</div> : null}
    </div>
  );
}

/** A yes/no cell of a read-only table. */
export function FlagText({ on, label, tone = "neutral" }: { on: boolean; label: string; tone?: "neutral" | "red" }) {
  return on ? (
    <span className={tone === "red" ? "font-medium text-red-700" : "font-medium text-slate-900"}>{label}</span>
  ) : (
    <span className="text-slate-300" aria-label="no">
      –
    </span>
  );
}
