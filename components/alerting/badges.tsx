import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TPdSeverity } from "@/lib/alerting/schemas";

const PD_TONE: Record<TPdSeverity, TBadgeTone> = { critical: "red", error: "amber", warning: "blue", info: "neutral" };

/** A page's PagerDuty severity, or "no page" when the alert stays in the app. */
export function PageBadge({ paged, severity }: { paged: boolean; severity: TPdSeverity }) {
  if (!paged)
    return (
      <Badge tone="neutral" className="whitespace-nowrap">
        no page
      </Badge>
    );
  return (
    <Badge tone={PD_TONE[severity]} className="whitespace-nowrap">
      pages · {severity}
    </Badge>
  );
}

export function PdSeverityBadge({ severity }: { severity: TPdSeverity }) {
  return <Badge tone={PD_TONE[severity]}>{severity}</Badge>;
}

const DELIVERY_TONE = { pending: "amber", delivered: "green", failed: "red" } as const;

export function DeliveryStatusBadge({ status }: { status: keyof typeof DELIVERY_TONE }) {
  return <Badge tone={DELIVERY_TONE[status]}>{status}</Badge>;
}

export function AlertStatusBadge({ status }: { status: "open" | "resolved" }) {
  return <Badge tone={status === "open" ? "red" : "green"}>{status}</Badge>;
}
