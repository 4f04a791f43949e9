import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/clusters/code-block";

/**
 * No decision recorded yet: what the log will hold and how to get there. The webhook's setup
 * (the API server's admission configuration) is in docs/admission.md.
 */
export function WebhookEmpty({
  orgSlug,
  baseUrl,
  clusterSlug,
  canManageClusters,
}: {
  orgSlug: string;
  baseUrl: string;
  /** A cluster of the org for the example URL; null when there is none yet. */
  clusterSlug: string | null;
  canManageClusters: boolean;
}) {
  const url = `${baseUrl}/api/v1/admission/${clusterSlug ?? "<cluster>"}`;
  return (
    <Card>
      <CardHeader
        title="No admission decisions yet"
        description="Once the admission webhook reviews your workloads, every create and update it answers (dry runs excepted) is listed here with its outcome and the checks behind it."
      />
      <CardBody className="space-y-4 text-sm text-slate-600">
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            Point a <code className="font-mono text-xs">ValidatingWebhookConfiguration</code> of each cluster at its own
            URL:
          </li>
        </ol>
        <CodeBlock label="Webhook URL" code={url} />
        <ol start={2} className="list-decimal space-y-2 pl-5">
          <li>
            The API server authenticates with the cluster&apos;s agent token, the one its insights-agent uploads with
            (Clusters page). It sends it through an admission configuration file that names a kubeconfig.
          </li>
          <li>
            Start with passive mode on the Checks tab to see what enforcing would deny before anything is blocked.
          </li>
        </ol>
        <p>
          The full setup (API server flags, the webhook configuration, failure policy and timeouts) is in{" "}
          <code className="font-mono text-xs">docs/admission.md</code>; what each setting means is in{" "}
          <code className="font-mono text-xs">docs/policies.md</code>.
        </p>
        {canManageClusters ? (
          <Link href={`/o/${orgSlug}/clusters`} className={buttonClass("secondary")}>
            Go to the clusters
          </Link>
        ) : null}
      </CardBody>
    </Card>
  );
}
