import "server-only";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/auth/passwords";
import { createCluster } from "@/lib/clusters/create-cluster";
import { reassignResourceOwners } from "@/lib/teams/reassign-owners";
import type { TOrgRole, TTeamRole } from "@/lib/auth/permissions";
import type { TScopeRuleInput } from "@/lib/teams/schemas";
import { ZScopeRules } from "@/lib/teams/schemas";

// The demo organization "Acme": three teams with real-looking scopes, two clusters with an
// inventory of namespaces and workloads, and one user per role. Skipped when "acme" exists.

export const DEMO_ORG_SLUG = "acme";

export const DEMO_USERS: {
  email: string;
  name: string;
  orgRole: TOrgRole;
  team?: [string, TTeamRole];
  what: string;
}[] = [
  { email: "owner@acme.example", name: "Olivia Park", orgRole: "owner", what: "org owner" },
  { email: "admin@acme.example", name: "Adam Reyes", orgRole: "admin", what: "org admin" },
  {
    email: "lead@acme.example",
    name: "Tara Singh",
    orgRole: "member",
    team: ["payments", "admin"],
    what: "payments team admin",
  },
  {
    email: "dev@acme.example",
    name: "Eddie Chen",
    orgRole: "member",
    team: ["payments", "editor"],
    what: "payments editor",
  },
  {
    email: "viewer@acme.example",
    name: "Vera Novak",
    orgRole: "member",
    team: ["checkout", "viewer"],
    what: "checkout viewer",
  },
];

const include = (rule: Omit<TScopeRuleInput, "effect">): TScopeRuleInput => ({ effect: "include", ...rule });
const exclude = (rule: Omit<TScopeRuleInput, "effect">): TScopeRuleInput => ({ effect: "exclude", ...rule });

const TEAMS: { slug: string; name: string; description: string; priority: number; rules: TScopeRuleInput[] }[] = [
  {
    slug: "payments",
    name: "Payments",
    description: "Card processing, ledger and payouts.",
    priority: 10,
    rules: [
      exclude({ namespace: "payments-sandbox" }),
      include({ namespace: "payments-*" }),
      include({ labels: { team: "payments" } }),
    ],
  },
  {
    slug: "checkout",
    name: "Checkout",
    description: "Storefront, cart and search.",
    priority: 20,
    rules: [include({ namespace: "checkout-*" }), include({ namespace: "storefront" })],
  },
  {
    slug: "platform",
    name: "Platform",
    description: "Cluster add-ons, ingress and observability.",
    priority: 30,
    rules: [
      include({ namespace: "kube-system" }),
      include({ namespace: "ingress-nginx" }),
      include({ namespace: "cert-manager" }),
      include({ namespace: "monitoring" }),
      include({ namespace: "insights-agent" }),
    ],
  },
];

type TSeedWorkload = [namespace: string, kind: string, name: string, labels?: Record<string, string>];

const WORKLOADS: TSeedWorkload[] = [
  ["payments-api", "Deployment", "payments-api", { "app.kubernetes.io/name": "payments-api" }],
  ["payments-api", "Deployment", "fraud-scoring", { "app.kubernetes.io/name": "fraud-scoring" }],
  ["payments-ledger", "StatefulSet", "ledger-postgres", { app: "ledger-postgres" }],
  ["payments-ledger", "CronJob", "ledger-reconcile", { app: "ledger-reconcile" }],
  ["payments-sandbox", "Deployment", "payments-api", { "app.kubernetes.io/name": "payments-api" }],
  ["checkout-web", "Deployment", "storefront", { "app.kubernetes.io/name": "storefront" }],
  ["checkout-web", "Deployment", "cart-api", { "app.kubernetes.io/name": "cart-api" }],
  ["checkout-search", "StatefulSet", "search-opensearch", { app: "opensearch" }],
  ["kube-system", "Deployment", "coredns", { "k8s-app": "kube-dns" }],
  ["kube-system", "DaemonSet", "kube-proxy", { "k8s-app": "kube-proxy" }],
  ["ingress-nginx", "Deployment", "ingress-nginx-controller", { "app.kubernetes.io/name": "ingress-nginx" }],
  ["cert-manager", "Deployment", "cert-manager", { "app.kubernetes.io/name": "cert-manager" }],
  ["monitoring", "StatefulSet", "prometheus-server", { "app.kubernetes.io/name": "prometheus" }],
  ["monitoring", "Deployment", "grafana", { "app.kubernetes.io/name": "grafana" }],
  ["data-analytics", "CronJob", "nightly-export", { app: "nightly-export", team: "payments" }],
  ["data-analytics", "Deployment", "jupyter-hub", { app: "jupyter-hub" }],
];

const CLUSTERS = [
  { slug: "prod-us-east", name: "Production US East", kubernetesVersion: "1.29.4", workloads: WORKLOADS },
  {
    slug: "staging-eu",
    name: "Staging EU",
    kubernetesVersion: "1.30.2",
    workloads: WORKLOADS.filter(([ns]) => ns !== "payments-ledger" && ns !== "data-analytics"),
  },
];

export type TSeedResult = { created: boolean; users: typeof DEMO_USERS };

export async function seedDemo(options: { password: string }): Promise<TSeedResult> {
  if (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } }))
    return { created: false, users: DEMO_USERS };

  const passwordHash = await hashPassword(options.password);
  const org = await db.organization.create({ data: { slug: DEMO_ORG_SLUG, name: "Acme" } });
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, passwordHash },
    });
    users.set(u.email, user.id);
    await db.membership.create({ data: { orgId: org.id, userId: user.id, role: u.orgRole } });
  }
  const owner = { userId: users.get(DEMO_USERS[0].email)!, label: DEMO_USERS[0].email };

  const teamIds = new Map<string, string>();
  for (const t of TEAMS) {
    const team = await db.team.create({
      data: {
        orgId: org.id,
        slug: t.slug,
        name: t.name,
        description: t.description,
        priority: t.priority,
        scopeRules: ZScopeRules.parse(t.rules),
      },
    });
    teamIds.set(t.slug, team.id);
  }
  for (const u of DEMO_USERS) {
    if (!u.team) continue;
    const [teamSlug, role] = u.team;
    await db.teamMembership.create({
      data: { orgId: org.id, teamId: teamIds.get(teamSlug)!, userId: users.get(u.email)!, role },
    });
  }

  for (const c of CLUSTERS) {
    const { cluster } = await createCluster(org.id, owner, { slug: c.slug, name: c.name });
    await db.cluster.update({ where: { id: cluster.id }, data: { kubernetesVersion: c.kubernetesVersion } });
    const namespaces = [...new Set(c.workloads.map(([ns]) => ns))];
    await db.resource.createMany({
      data: [
        ...namespaces.map((ns) => ({
          orgId: org.id,
          clusterId: cluster.id,
          namespace: ns,
          kind: "Namespace",
          name: ns,
        })),
        ...c.workloads.map(([namespace, kind, name, labels]) => ({
          orgId: org.id,
          clusterId: cluster.id,
          namespace,
          kind,
          name,
          labels: labels ?? {},
        })),
      ],
    });
  }
  await db.$transaction((tx) => reassignResourceOwners(tx, org.id));
  return { created: true, users: DEMO_USERS };
}
