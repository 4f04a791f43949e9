import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAdmissionDecision } from "@/lib/admission/record-decision";
import type { TAdmissionDecision } from "@/lib/admission/review";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createRule } from "@/lib/alerting/rules/create-rule";
import { outbox, polarisReport } from "@/lib/alerting/test-helpers";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { unresolveFindings, resolveFindings } from "@/lib/findings/triage";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { eventsOf, ingestOk, insertRule, ledgerOf, openFindings, PRIV } from "./engine-testing";

// The engine where findings change: after a report (in its transaction, before alerting), after
// a triage action, after an admission decision.

const workloads = [
  { namespace: "kube-system", name: "coredns" },
  { namespace: "kube-system", name: "metrics-server" },
  { namespace: "shop", name: "checkout" },
];

describe("the report hook", () => {
  it("lands a report's findings as the rules say, and alerting sees the rules' severity", async () => {
    const t = await createTestTenant();
    const org = t.org.id;
    const actor = actorFor(t.users.admin);
    const destination = await createDestination(org, actor, {
      name: "Platform",
      routingKey: randomBytes(16).toString("hex"),
      teamId: null,
    });
    await createRule(org, actor, null, {
      name: "High security pages",
      match: { minSeverity: "high", categories: ["security"] },
      destinationId: destination.id,
    });
    const rule = await insertRule(org, {
      name: "System pods are low priority",
      conditions: [{ field: "namespace", values: ["kube-system"] }],
      actions: { severity: { to: "low", reason: "Managed by the cloud provider" } },
    });
    // A rule for another tool is not even run on a Polaris report.
    const other = await insertRule(org, {
      name: "Trivy only",
      conditions: [{ field: "source", values: ["trivy"] }],
      actions: { addTags: ["image"] },
    });
    const cluster = await createTestCluster(org, { slug: "prod" });
    const outcome = await ingestOk(org, cluster.id, "polaris", polarisReport(workloads, [PRIV]));
    expect(outcome.summary).toMatchObject({ opened: 3, automation: { changed: 2 } });

    const rows = await openFindings(org);
    const system = rows.filter((f) => f.namespace === "kube-system");
    expect(system.map((f) => [f.severity, f.reported_severity])).toEqual([
      ["low", "high"],
      ["low", "high"],
    ]);
    expect(rows.find((f) => f.namespace === "shop")).toMatchObject({ severity: "high", rule_marks: null });
    const events = await eventsOf(
      system.map((f) => f.id),
      ["severity_changed"],
    );
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e).toMatchObject({ report_id: outcome.reportId, actor_id: null });
      expect(e.data).toMatchObject({ from: "high", to: "low", rule: { id: rule.id, level: "org" } });
    }
    expect(await ledgerOf(rule.id)).toEqual([
      expect.objectContaining({ trigger: "report", report_id: outcome.reportId, matched: 2, changed: 2 }),
    ]);
    expect(await ledgerOf(other.id)).toEqual([]);

    // The page covers only what is still high: checkout.
    const alerts = await outbox(org);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload.payload.custom_details.affected_resources).toBe(1);

    // The same problems again: nothing for the rules to look at, nothing changes.
    const again = await ingestOk(org, cluster.id, "polaris", polarisReport(workloads, [PRIV]));
    expect(again.summary).not.toHaveProperty("automation");
    expect(
      await eventsOf(
        system.map((f) => f.id),
        ["severity_changed"],
      ),
    ).toHaveLength(2);

    // Fixed, then back: reopened findings land lowered again, without a second change event.
    await ingestOk(org, cluster.id, "polaris", polarisReport(workloads.slice(2), [PRIV]));
    const back = await ingestOk(org, cluster.id, "polaris", polarisReport(workloads, [PRIV]));
    expect(back.summary).toMatchObject({ reopened: 2 });
    expect((await openFindings(org)).filter((f) => f.namespace === "kube-system").map((f) => f.severity)).toEqual([
      "low",
      "low",
    ]);
  });
});

describe("the triage hook", () => {
  it("runs the rules over what a person changed, after marking the field theirs", async () => {
    const t = await createTestTenant();
    const org = t.org.id;
    const cluster = await createTestCluster(org, { slug: "prod" });
    await ingestOk(org, cluster.id, "polaris", polarisReport(workloads, [PRIV]));
    // A rule created after the findings: not applied to them yet.
    const rule = await insertRule(org, {
      name: "Open checkout goes to the editor",
      conditions: [{ field: "workload_name", values: ["checkout"] }],
      actions: { assign: { userId: t.users.editor.id }, resolve: { resolution: "will_not_fix", reason: "Legacy" } },
    });
    const checkout = (await openFindings(org)).find((f) => f.name === "checkout")!;
    const ctx = { scope: orgWideScope(org), triageScope: orgWideScope(org), actor: { userId: null, label: "ops" } };
    await resolveFindings(ctx, [checkout.id], { resolution: "working_as_intended", reason: "By design" });
    const after = (await openFindings(org)).find((f) => f.id === checkout.id)!;
    // Assigned by the rule; the person's resolution stays theirs.
    expect(after).toMatchObject({
      assignee_id: t.users.editor.id,
      resolution: "working_as_intended",
      rule_marks: { assignee: rule.id, resolution: "manual", snooze: "manual" },
    });
    const assigned = await eventsOf([checkout.id], ["assigned"]);
    expect(assigned[0]!.data).toMatchObject({ rule: { id: rule.id }, actorLabel: `rule "${rule.name}"` });

    // Unresolving is a decision too: the rule does not resolve it again.
    await unresolveFindings(ctx, [checkout.id]);
    expect((await openFindings(org)).find((f) => f.id === checkout.id)).toMatchObject({
      resolution: null,
      assignee_id: t.users.editor.id,
    });
  });
});

describe("the admission hook", () => {
  it("runs the rules over the findings a decision opened", async () => {
    const t = await createTestTenant();
    const org = t.org.id;
    const cluster = await createTestCluster(org, { slug: "prod" });
    const rule = await insertRule(org, {
      name: "Admission findings are tagged",
      conditions: [{ field: "source", values: ["admission"] }],
      actions: { addTags: ["admission"], due: { days: 5 } },
    });
    const failing = {
      checkId: "runAsPrivileged",
      severity: "high" as const,
      category: "security" as const,
      title: "Privileged container",
      failures: [],
      exempted: false,
      blocks: false,
    };
    const decision = { outcome: "warned", passive: false, failing: [failing], blocking: [], exempted: [] };
    const object = {
      orgId: org,
      clusterId: cluster.id,
      teamId: null,
      uid: "u-1",
      operation: "CREATE",
      kind: "Deployment",
      namespace: "shop",
      name: "checkout",
      username: "dev@acme.test",
      labels: {},
      controlled: false,
    };
    const { changedFindingIds } = await inTransaction(pool, (client) =>
      recordAdmissionDecision(client, object, decision as unknown as TAdmissionDecision),
    );
    expect(changedFindingIds).toHaveLength(1);
    expect((await openFindings(org))[0]).toMatchObject({
      source: "admission",
      tags: ["admission"],
      sla_days: 5,
      rule_marks: { due: rule.id, tags: { admission: rule.id } },
    });
    expect(await ledgerOf(rule.id)).toEqual([expect.objectContaining({ trigger: "admission", matched: 1 })]);
  });
});
