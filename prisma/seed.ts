import "server-only";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/auth/passwords";
import { createCluster } from "@/lib/clusters/create-cluster";
import type { TOrgRole, TTeamRole } from "@/lib/auth/permissions";
import type { TScopeRuleInput } from "@/lib/domain/scope-rules";
import { ZScopeRules } from "@/lib/domain/scope-rules";
import { seedAlerting } from "./demo/alerting";
import { seedAutomation } from "./demo/automation";
import { seedNotifications } from "./demo/notifications";
import { seedTickets } from "./demo/tickets";
import { seedCiScans } from "./demo/ci-scans";
import { uploadAsAgent, type TDemoAgent } from "./demo/agent-upload";
import { backdateDemo, phaseBoundary, type TBackdate } from "./demo/backdate";
import { seedCost } from "./demo/cost";
import { DEMO_CLUSTERS, type TDemoCluster } from "./demo/inventory";
import { PHASE_DAYS_AGO, PHASES } from "./demo/phases";
import { seedPolicies } from "./demo/policies";
import { demoReports } from "./demo/reports";

// The demo organization "Acme": three teams with real-looking scopes, one user per role, and two
// clusters whose agents have reported for two weeks. The reports (prisma/demo) go through the same
// upload and processing as a real agent's, so the inventory, ownership and findings are what
// Bumpers makes of them. Skipped when "acme" exists.

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

const TEAMS: {
  slug: string;
  name: string;
  description: string;
  priority: number;
  rules: TScopeRuleInput[];
  /** Repository patterns: whose CI results (bumpers check --server) the team owns. */
  repositories: string[];
}[] = [
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
    repositories: ["acme/payments-*", "acme/ledger"],
  },
  {
    slug: "checkout",
    name: "Checkout",
    description: "Storefront, cart and search.",
    priority: 20,
    rules: [include({ namespace: "checkout-*" }), include({ namespace: "storefront" })],
    repositories: ["acme/checkout-*", "acme/storefront"],
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
    repositories: ["acme/platform-*"],
  },
];

export type TSeedResult = { created: boolean; users: typeof DEMO_USERS };

export async function seedDemo(options: { password: string }): Promise<TSeedResult> {
  if (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } }))
    return { created: false, users: DEMO_USERS };

  const passwordHash = await hashPassword(options.password);
  const org = await db.organization.create({ data: { slug: DEMO_ORG_SLUG, name: "Acme" } });
  try {
    const teamIds = await createPeople(org.id, passwordHash);
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
    await seedAlerting(org.id, { userId: owner.id, label: owner.email }, teamIds);
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@acme.example" } });
    const sendDemoDigests = await seedNotifications(org.id, { userId: owner.id, label: owner.email }, teamIds, lead);
    await seedAutomation(org.id, { userId: owner.id, label: owner.email }, teamIds);
    await reportHistory(org.id);
    await seedPolicies(org.id, { userId: owner.id, label: owner.email }, teamIds);
    // After the policy settings: the scans apply them as bumpers check --server would.
    await seedCiScans(org.id, new Date());
    // Once findings are open: tickets are made for the checks the teams really have findings of.
    await seedTickets(org.id, { userId: owner.id, label: owner.email }, teamIds);
    // Once the history is in: the mailed digests summarize it.
    await sendDemoDigests();
  } catch (err) {
    // Half an organization would be skipped by every later run: remove it so the next one starts over.
    await db.organization.delete({ where: { id: org.id } }).catch(() => undefined);
    throw err;
  }
  return { created: true, users: DEMO_USERS };
}

async function createPeople(orgId: string, passwordHash: string): Promise<Map<string, string>> {
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, passwordHash },
    });
    users.set(u.email, user.id);
    await db.membership.create({ data: { orgId, userId: user.id, role: u.orgRole } });
  }

  const teamIds = new Map<string, string>();
  for (const t of TEAMS) {
    const team = await db.team.create({
      data: {
        orgId,
        slug: t.slug,
        name: t.name,
        description: t.description,
        priority: t.priority,
        scopeRules: ZScopeRules.parse(t.rules),
        repositoryPatterns: t.repositories,
      },
    });
    teamIds.set(t.slug, team.id);
  }
  for (const u of DEMO_USERS) {
    if (!u.team) continue;
    const [teamSlug, role] = u.team;
    await db.teamMembership.create({
      data: { orgId, teamId: teamIds.get(teamSlug)!, userId: users.get(u.email)!, role },
    });
  }
  return teamIds;
}

/** Connects the clusters, uploads three phases of agent reports, then backdates the earlier phases. */
async function reportHistory(orgId: string): Promise<void> {
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
  const agents: { cluster: TDemoCluster; agent: TDemoAgent }[] = [];
  for (const c of DEMO_CLUSTERS) {
    const { token } = await createCluster(
      orgId,
      { userId: owner.id, label: owner.email },
      { slug: c.slug, name: c.name },
    );
    agents.push({
      cluster: c,
      agent: {
        orgSlug: DEMO_ORG_SLUG,
        clusterSlug: c.slug,
        token,
        agentVersion: c.agentVersion,
        chartVersion: c.chartVersion,
      },
    });
  }

  const now = new Date();
  const backdates: TBackdate[] = [];
  for (const [i, phase] of PHASES.entries()) {
    if (i > 0) backdates.push({ before: await phaseBoundary(), days: PHASE_DAYS_AGO[PHASES[i - 1]] });
    for (const { cluster, agent } of agents) {
      for (const report of demoReports(cluster, phase, now)) await uploadAsAgent(agent, report);
    }
  }
  await backdateDemo(orgId, backdates);
  // Cost reports carry their own dates (OpenCost windows, bill days): uploaded after the backdate.
  await seedCost(orgId, agents, now);
}
