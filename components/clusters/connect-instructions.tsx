import {
  curlUploadCommand,
  HELM_REPO_ADD,
  helmInstallCommand,
  type TConnectTarget,
} from "@/lib/clusters/connect-commands";
import { CodeBlock } from "./code-block";

/** How to point the Fairwinds insights-agent (or a script) at this cluster, with its token filled in. */
export function ConnectInstructions({ target, update = false }: { target: TConnectTarget; update?: boolean }) {
  return (
    <div className="space-y-4">
      <CodeBlock label="1. Add the Fairwinds chart repository" code={HELM_REPO_ADD} />
      <CodeBlock
        label={update ? "2. Update the agent with the new token" : "2. Install the insights-agent in the cluster"}
        code={helmInstallCommand(target)}
      />
      <CodeBlock
        label="Or upload a Polaris report by hand (polaris audit --format json > polaris.json)"
        code={curlUploadCommand(target)}
      />
      <p className="text-sm text-slate-500">
        Reports appear here after the first upload: the Kubernetes version, then workloads and findings.
      </p>
    </div>
  );
}
