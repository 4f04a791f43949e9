import { randomUUID } from "node:crypto";
import type { TNotification, TNotificationType } from "../message";

// A realistic notification of each type, for tests, the fakes' demo and the documented examples.

const BASE = {
  org: { slug: "acme", name: "Acme" },
  team: { slug: "payments", name: "Payments" },
  occurredAt: "2026-03-12T10:04:00Z",
};

const link = (path: string) => `https://bumpers.example.com/o/acme${path}`;

type TEntry = Omit<TNotification, "id" | "type" | "org" | "team" | "occurredAt">;

// Each entry states only what sets it apart; facts are written label: value, in the order shown.
function entry(
  severity: TEntry["severity"],
  path: string,
  linkText: string,
  title: string,
  summary: string | undefined,
  facts: Record<string, string>,
  extra: Pick<TEntry, "sample" | "moreCount" | "threadKey"> = {},
): TEntry {
  return {
    title,
    ...(summary === undefined ? {} : { summary }),
    severity,
    link: link(path),
    linkText,
    facts: Object.entries(facts).map(([label, value]) => ({ label, value })),
    ...extra,
  };
}

const BY_TYPE: Record<TNotificationType, TEntry> = {
  "finding_group.opened": entry(
    "high",
    "/findings?group=fg_7d2c",
    "Open the findings",
    "12 workloads run as root in prod-eu",
    "Check runAsRootAllowed found 12 workloads in namespace payments that may run as root.",
    { Cluster: "prod-eu", Namespace: "payments", Check: "runAsRootAllowed", Affected: "12" },
    {
      sample: ["Deployment payments/api", "Deployment payments/worker", "StatefulSet payments/ledger"],
      moreCount: 9,
      threadKey: "fg_7d2c",
    },
  ),
  "finding_group.reopened": entry(
    "critical",
    "/findings?group=fg_91ab",
    "Open the findings",
    "Privileged containers are back in prod-eu",
    "3 workloads that had been fixed run privileged containers again.",
    { Cluster: "prod-eu", Check: "privilegeEscalationAllowed", Affected: "3" },
    {
      sample: ["DaemonSet kube-system/node-agent", "Deployment ingress/nginx", "Deployment payments/api"],
      threadKey: "fg_91ab",
    },
  ),
  "finding_group.grew": entry(
    "high",
    "/findings?group=fg_7d2c",
    "Open the findings",
    "15 workloads run as root in prod-eu (was 12)",
    undefined,
    { Cluster: "prod-eu", Affected: "15 (+3)" },
    {
      sample: ["Deployment payments/refunds", "Deployment payments/fx", "CronJob payments/reconcile"],
      threadKey: "fg_7d2c",
    },
  ),
  "finding_group.fixed": entry(
    null,
    "/findings?group=fg_7d2c",
    "Open the group",
    "Fixed: no workload runs as root in prod-eu any more",
    "All 15 workloads of this group were fixed by the latest report.",
    { Cluster: "prod-eu", "Open for": "3 days" },
    { threadKey: "fg_7d2c" },
  ),
  "budget.crossed": entry(
    "medium",
    "/cost?team=payments",
    "Open cost",
    "Payments passed 80% of its March budget",
    "$8,120 of $10,000 spent with 19 days to go; the forecast is $12,900.",
    { Budget: "$10,000 / month", Spent: "$8,120 (81%)", Forecast: "$12,900" },
  ),
  "cost.anomaly": entry(
    "medium",
    "/cost/workloads/payments/ledger",
    "Open the workload",
    "Cost of payments/ledger tripled yesterday",
    "$412 on 11 March against a 14-day average of $131.",
    { Cluster: "prod-eu", Workload: "StatefulSet payments/ledger", Yesterday: "$412", Usual: "$131" },
  ),
  "cluster.stale": entry(
    "high",
    "/clusters/prod-eu",
    "Open the cluster",
    "prod-eu has not reported for 3 hours",
    "The last report arrived at 07:02 UTC. Findings stay as they were until it reports again.",
    { Cluster: "prod-eu", "Last report": "2026-03-12 07:02 UTC" },
  ),
  "admission.denied": entry(
    "high",
    "/policies/decisions?range=24h&team=payments&cluster=prod-eu&outcome=denied",
    "Open the admission decisions",
    "Admission denied Deployment payments/api in prod-eu",
    "The policy 'no-latest-tag' refused the image ghcr.io/acme/api:latest.",
    {
      Cluster: "prod-eu",
      Resource: "Deployment payments/api",
      Policy: "no-latest-tag",
      User: "system:serviceaccount:ci:deployer",
    },
  ),
  "admission.would_deny": entry(
    "low",
    "/policies/decisions?range=24h&team=checkout&cluster=staging-eu&outcome=would_deny",
    "Open the admission decisions",
    "Admission would deny 4 requests in staging-eu (audit mode)",
    undefined,
    { Cluster: "staging-eu", Policy: "require-resource-limits", Requests: "4" },
    { sample: ["Deployment checkout/web", "Deployment checkout/cart", "Job checkout/migrate", "CronJob checkout/gc"] },
  ),
  "ci.blocked": entry(
    "critical",
    "/findings/ci?repository=acme%2Fpayments-api&branch=main",
    "Open the CI findings",
    "CI blocked acme/payments-api on branch main",
    "2 critical findings in the manifests of commit 4f9e1c2.",
    { Repository: "acme/payments-api", Branch: "main", Commit: "4f9e1c2", Blocking: "2 critical" },
  ),
  "pagerduty.incident_opened": entry(
    "critical",
    "/alerting/log?group=5f0c6c1e-2b7a-4d0e-9a51-3c2f8e1d7b40",
    "Open the delivery log",
    "PagerDuty incident opened: privileged containers in prod-eu",
    undefined,
    { Service: "Payments on-call", "Dedup key": "bmp-3c1f0a" },
  ),
  "pagerduty.incident_resolved": entry(
    null,
    "/alerting/log?group=5f0c6c1e-2b7a-4d0e-9a51-3c2f8e1d7b40",
    "Open the delivery log",
    "PagerDuty incident resolved: privileged containers in prod-eu",
    undefined,
    { Service: "Payments on-call", "Dedup key": "bmp-3c1f0a" },
  ),
  "finding.assigned": entry(
    "high",
    "/findings?assignee=me",
    "Open your findings",
    "3 findings assigned to you",
    "Ada Admin assigned you 3 findings in Payments.",
    { "Assigned by": "Ada Admin", Findings: "3", Team: "Payments" },
    {
      sample: [
        "Privilege escalation allowed: Deployment payments/api (prod-eu)",
        "Image tag not specified: Deployment payments/worker (prod-eu)",
        "Memory limits missing: StatefulSet payments/ledger (prod-eu)",
      ],
    },
  ),
  "automation.rule_matched": entry(
    "high",
    "/findings?rule=0b7e5a52-3f1d-4c8e-9a6b-2d4f1e8c7a90",
    "Open the findings",
    'Rule "Privileged containers to the platform channel": 12 findings',
    "Matched 12 findings of Payments for the first time.",
    {
      Rule: "Privileged containers to the platform channel",
      Level: "Organization",
      Findings: "12",
      Severity: "2 critical, 10 high",
      Clusters: "prod-eu",
    },
    {
      sample: [
        "Privileged container: Deployment payments/api (prod-eu)",
        "Privileged container: Deployment payments/worker (prod-eu)",
        "Privilege escalation allowed: StatefulSet payments/ledger (prod-eu)",
      ],
      moreCount: 9,
    },
  ),
  test: entry(
    "info",
    "/settings/notifications",
    "Open notification settings",
    "Test notification from Bumpers",
    "This destination works. Sent by Ada Admin from the notification settings.",
    {},
  ),
};

export function sampleNotification(
  type: TNotificationType = "finding_group.opened",
  overrides: Partial<TNotification> = {},
): TNotification {
  return { id: `ntf_${randomUUID()}`, type, ...BASE, ...BY_TYPE[type], ...overrides };
}
