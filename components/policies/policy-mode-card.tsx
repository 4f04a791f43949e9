import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PolicyModeForm } from "./policy-mode-form";

/** Enforcing or passive, what that means, and (org admins) the switch. */
export function PolicyModeCard({
  orgSlug,
  passive,
  editable,
}: {
  orgSlug: string;
  passive: boolean;
  editable: boolean;
}) {
  return (
    <Card className={passive ? "border-amber-200 bg-amber-50/40" : undefined}>
      <div className="flex flex-wrap items-start justify-between gap-4 px-5 py-4 md:flex-nowrap">
        <div className="min-w-0 max-w-3xl">
          <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
            Mode
            {passive ? <Badge tone="amber">Passive</Badge> : <Badge tone="green">Enforcing</Badge>}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {passive
              ? "Nothing is denied and no CI run fails. Checks set to block only warn, and the admission log records each object they would have denied as “would deny”, so you can see what enforcing would stop before turning it on."
              : "Checks set to block deny the object at admission or fail the CI run; every other enabled check only warns. Passive mode turns every block into a warning and records what would have been denied."}
          </p>
        </div>
        {editable ? <PolicyModeForm orgSlug={orgSlug} passive={passive} /> : null}
      </div>
    </Card>
  );
}
