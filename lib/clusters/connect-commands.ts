// The commands shown after a cluster is created or its token rotated. Pure, so the page and the
// docs show exactly what the tests check.

export type TConnectTarget = { host: string; org: string; cluster: string; token: string };

export const HELM_REPO_ADD = "helm repo add fairwinds-stable https://charts.fairwinds.com/stable";

/** The unchanged Fairwinds insights-agent chart, pointed at this Bumpers. */
export function helmInstallCommand({ host, org, cluster, token }: TConnectTarget): string {
  return [
    "helm upgrade --install insights-agent fairwinds-stable/insights-agent \\",
    "  --namespace insights-agent --create-namespace \\",
    `  --set insights.organization=${org} \\`,
    `  --set insights.cluster=${cluster} \\`,
    `  --set insights.base64token="$(echo -n ${token} | base64)" \\`,
    `  --set insights.host=${trimHost(host)}`,
  ].join("\n");
}

/** Uploading one report by hand, e.g. from `polaris audit --format json > polaris.json`. */
export function curlUploadCommand({ host, org, cluster, token }: TConnectTarget): string {
  return [
    `curl -X POST "${trimHost(host)}/v0/organizations/${org}/clusters/${cluster}/data/polaris" \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    '  -H "Content-Type: application/json" \\',
    "  --data-binary @polaris.json",
  ].join("\n");
}

const trimHost = (host: string) => host.replace(/\/+$/, "");
