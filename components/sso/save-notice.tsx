import type { TSaveOutcome } from "@/lib/sso/config/write-connection";
import { Alert } from "@/components/ui/alert";

/** What a save of the IdP's settings did, and what comes next. */
export function SaveNotice({ outcome }: { outcome: TSaveOutcome }) {
  if (!outcome.changed) return <Alert tone="info">Nothing changed: these are the stored settings.</Alert>;
  return (
    <div className="space-y-2">
      <Alert tone="success">Saved. Run “Validate configuration” to check them against your identity provider.</Alert>
      {outcome.enforcementLifted ? (
        <Alert tone="warning">
          Enforcement was switched off because the identity provider&apos;s settings changed. Validate them, then
          enforce again under Policy.
        </Alert>
      ) : null}
    </div>
  );
}
