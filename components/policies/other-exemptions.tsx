import { Card, CardBody, CardHeader } from "@/components/ui/card";

const ANNOTATIONS = `metadata:
  annotations:
    bumpers.io/exempt: hostNetworkSet,hostPortSet
    bumpers.io/exempt-reason: "Reads host network stats"`;

/** The two exemptions that are not rules: an annotation in the manifest, and a resolution in the app. */
export function OtherExemptions() {
  return (
    <Card>
      <CardHeader title="Other ways to exempt an object" />
      <CardBody className="grid gap-6 text-sm text-slate-600 md:grid-cols-2">
        <div>
          <h3 className="font-medium text-slate-900">In the manifest</h3>
          <p className="mt-1">
            The object&apos;s own annotations name the checks and the reason. Without a reason the exemption is refused,
            so the check still warns or blocks.
          </p>
          <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 px-3 py-2.5 font-mono text-xs leading-relaxed text-slate-100">
            <code>{ANNOTATIONS}</code>
          </pre>
        </div>
        <div>
          <h3 className="font-medium text-slate-900">In Bumpers</h3>
          <p className="mt-1">
            Resolving a finding as <em>will not fix</em> or <em>working as intended</em> exempts that object from that
            check: the admission webhook lets it through and says why. Reopening the finding ends the exemption.
          </p>
        </div>
      </CardBody>
    </Card>
  );
}
