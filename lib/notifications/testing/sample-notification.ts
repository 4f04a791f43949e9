import { randomUUID } from "node:crypto";
import type { TNotification, TNotificationType } from "../message";

// A realistic notification of each type, for tests, the fakes' demo and the documented examples.

const BASE = {
  org: { slug: "acme", name: "Acme" },
  team: { slug: "payments", name: "Payments" },
  occurredAt: "2026-03-12T10:04:00Z",
};

const link = (path: string) => `https://bumpers.example.com/o/acme${path}`;

const BY_TYPE: Record<TNotificationType, Omit<TNotification, "id" | "type" | "org" | "team" | "occurredAt">> = {
  "finding_group.opened": {
    title: "12 workloads run as root in prod-eu",
    summary: "Check runAsRootAllowed found 12 workloads in namespace payments that may run as root.",
    severity: "high",
    link: link("/findings?group=fg_7d2c"),
    linkText: "Open the findings",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Namespace", value: "payments" },
      { label: "Check", value: "runAsRootAllowed" },
      { label: "Affected", value: "12" },
    ],
    sample: ["Deployment payments/api", "Deployment payments/worker", "StatefulSet payments/ledger"],
    moreCount: 9,
    threadKey: "fg_7d2c",
  },
  "finding_group.reopened": {
    title: "Privileged containers are back in prod-eu",
    summary: "3 workloads that had been fixed run privileged containers again.",
    severity: "critical",
    link: link("/findings?group=fg_91ab"),
    linkText: "Open the findings",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Check", value: "privilegeEscalationAllowed" },
      { label: "Affected", value: "3" },
    ],
    sample: ["DaemonSet kube-system/node-agent", "Deployment ingress/nginx", "Deployment payments/api"],
    threadKey: "fg_91ab",
  },
  "finding_group.grew": {
    title: "15 workloads run as root in prod-eu (was 12)",
    severity: "high",
    link: link("/findings?group=fg_7d2c"),
    linkText: "Open the findings",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Affected", value: "15 (+3)" },
    ],
    sample: ["Deployment payments/refunds", "Deployment payments/fx", "CronJob payments/reconcile"],
    threadKey: "fg_7d2c",
  },
  "finding_group.fixed": {
    title: "Fixed: no workload runs as root in prod-eu any more",
    summary: "All 15 workloads of this group were fixed by the latest report.",
    severity: null,
    link: link("/findings?group=fg_7d2c"),
    linkText: "Open the group",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Open for", value: "3 days" },
    ],
    threadKey: "fg_7d2c",
  },
  "budget.crossed": {
    title: "Payments passed 80% of its March budget",
    summary: "$8,120 of $10,000 spent with 19 days to go; the forecast is $12,900.",
    severity: "medium",
    link: link("/cost?team=payments"),
    linkText: "Open cost",
    facts: [
      { label: "Budget", value: "$10,000 / month" },
      { label: "Spent", value: "$8,120 (81%)" },
      { label: "Forecast", value: "$12,900" },
    ],
  },
  "cost.anomaly": {
    title: "Cost of payments/ledger tripled yesterday",
    summary: "$412 on 11 March against a 14-day average of $131.",
    severity: "medium",
    link: link("/cost/workloads/payments/ledger"),
    linkText: "Open the workload",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Workload", value: "StatefulSet payments/ledger" },
      { label: "Yesterday", value: "$412" },
      { label: "Usual", value: "$131" },
    ],
  },
  "cluster.stale": {
    title: "prod-eu has not reported for 3 hours",
    summary: "The last report arrived at 07:02 UTC. Findings stay as they were until it reports again.",
    severity: "high",
    link: link("/clusters/prod-eu"),
    linkText: "Open the cluster",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Last report", value: "2026-03-12 07:02 UTC" },
    ],
  },
  "admission.denied": {
    title: "Admission denied Deployment payments/api in prod-eu",
    summary: "The policy 'no-latest-tag' refused the image ghcr.io/acme/api:latest.",
    severity: "high",
    link: link("/policies/decisions?range=24h&team=payments&cluster=prod-eu&outcome=denied"),
    linkText: "Open the admission decisions",
    facts: [
      { label: "Cluster", value: "prod-eu" },
      { label: "Resource", value: "Deployment payments/api" },
      { label: "Policy", value: "no-latest-tag" },
      { label: "User", value: "system:serviceaccount:ci:deployer" },
    ],
  },
  "admission.would_deny": {
    title: "Admission would deny 4 requests in staging-eu (audit mode)",
    severity: "low",
    link: link("/policies/decisions?range=24h&team=checkout&cluster=staging-eu&outcome=would_deny"),
    linkText: "Open the admission decisions",
    facts: [
      { label: "Cluster", value: "staging-eu" },
      { label: "Policy", value: "require-resource-limits" },
      { label: "Requests", value: "4" },
    ],
    sample: ["Deployment checkout/web", "Deployment checkout/cart", "Job checkout/migrate", "CronJob checkout/gc"],
  },
  "ci.blocked": {
    title: "CI blocked acme/payments-api on branch main",
    summary: "2 critical findings in the manifests of commit 4f9e1c2.",
    severity: "critical",
    link: link("/findings/ci?repository=acme%2Fpayments-api&branch=main"),
    linkText: "Open the CI findings",
    facts: [
      { label: "Repository", value: "acme/payments-api" },
      { label: "Branch", value: "main" },
      { label: "Commit", value: "4f9e1c2" },
      { label: "Blocking", value: "2 critical" },
    ],
  },
  "pagerduty.incident_opened": {
    title: "PagerDuty incident opened: privileged containers in prod-eu",
    severity: "critical",
    link: link("/alerting/log?group=5f0c6c1e-2b7a-4d0e-9a51-3c2f8e1d7b40"),
    linkText: "Open the delivery log",
    facts: [
      { label: "Service", value: "Payments on-call" },
      { label: "Dedup key", value: "bmp-3c1f0a" },
    ],
  },
  "pagerduty.incident_resolved": {
    title: "PagerDuty incident resolved: privileged containers in prod-eu",
    severity: null,
    link: link("/alerting/log?group=5f0c6c1e-2b7a-4d0e-9a51-3c2f8e1d7b40"),
    linkText: "Open the delivery log",
    facts: [
      { label: "Service", value: "Payments on-call" },
      { label: "Dedup key", value: "bmp-3c1f0a" },
    ],
  },
  "finding.assigned": {
    title: "3 findings assigned to you",
    summary: "Ada Admin assigned you 3 findings in Payments.",
    severity: "high",
    link: link("/findings?assignee=me"),
    linkText: "Open your findings",
    facts: [
      { label: "Assigned by", value: "Ada Admin" },
      { label: "Findings", value: "3" },
      { label: "Team", value: "Payments" },
    ],
    sample: [
      "Privilege escalation allowed: Deployment payments/api (prod-eu)",
      "Image tag not specified: Deployment payments/worker (prod-eu)",
      "Memory limits missing: StatefulSet payments/ledger (prod-eu)",
    ],
  },
  test: {
    title: "Test notification from Bumpers",
    summary: "This destination works. Sent by Ada Admin from the notification settings.",
    severity: "info",
    link: link("/settings/notifications"),
    linkText: "Open notification settings",
    facts: [],
  },
};

export function sampleNotification(
  type: TNotificationType = "finding_group.opened",
  overrides: Partial<TNotification> = {},
): TNotification {
  return { id: `ntf_${randomUUID()}`, type, ...BASE, ...BY_TYPE[type], ...overrides };
}
