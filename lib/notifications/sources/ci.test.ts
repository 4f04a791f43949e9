import { describe, expect, it } from "vitest";
import { recordCiScan } from "@/lib/ci/record-scan";
import { db } from "@/lib/server/db";
import { ciSource } from "./ci";
import {
  expectTwoForPayments,
  minutesAfter,
  queuedMessages,
  routed,
  runAt,
  sourcesSetup,
  subscribeElsewhere,
} from "./sources-testing";

// CI runs with blocking failures on a default branch (main or master): one message per
// repository and branch per hour, to the repository's owner team only.

type TSetup = Awaited<ReturnType<typeof sourcesSetup>>;

async function setup() {
  const s = await sourcesSetup(["ci.blocked"]);
  await db.team.update({ where: { id: s.payments.id }, data: { repositoryPatterns: ["acme/payments-*"] } });
  await db.team.update({ where: { id: s.checkout.id }, data: { repositoryPatterns: ["acme/checkout"] } });
  await db.team.update({ where: { id: s.quiet.id }, data: { repositoryPatterns: ["acme/quiet-*"] } });
  return s;
}

const result = (checkId: string, name: string, blocking: boolean) => ({
  checkId,
  severity: checkId === "runAsPrivileged" ? "critical" : "high",
  category: "security",
  title: checkId === "runAsPrivileged" ? "Privileged container" : "Privilege escalation allowed",
  namespace: "payments",
  kind: "Deployment",
  name,
  file: "deploy/app.yaml",
  line: 12,
  blocking,
});

/** One `bumpers check --server` upload at `at`. */
function scan(s: TSetup, repository: string, branch: string, at: Date, blockingNames: string[] = ["api", "worker"]) {
  return recordCiScan(
    s.t.org.id,
    {
      repository,
      branch,
      commit: "4f9e1c2aa0b1c2d3",
      results: [
        ...blockingNames.map((name) => result("runAsPrivileged", name, true)),
        result("privilegeEscalationAllowed", "api", false),
      ],
    },
    at,
  );
}

describe("blocked CI runs as notifications", () => {
  it("queues one message per repository and branch per hour, to the owner team's channels only", async () => {
    const s = await setup();
    const t0 = new Date();
    await scan(s, "acme/payments-api", "main", t0);
    await scan(s, "acme/payments-api", "feature/faster", t0); // not a default branch
    await scan(s, "acme/payments-api", "main", t0, []); // nothing blocking

    let rows = await expectTwoForPayments(ciSource, s.t.org.id, minutesAfter(t0, 1), "ci.blocked");
    const message = rows[0]!.message;
    expect(message).toMatchObject({
      title: "CI blocked acme/payments-api on main",
      severity: "critical",
      summary: "2 blocking failures in the manifests of commit 4f9e1c2aa0b1.",
      sample: [
        "Privileged container: Deployment payments/api (deploy/app.yaml:12)",
        "Privileged container: Deployment payments/worker (deploy/app.yaml:12)",
      ],
    });
    expect(message.link).toContain(`/o/${s.t.org.slug}/findings/ci?repository=acme%2Fpayments-api&branch=main`);

    // The watermark moved: a second run queues nothing.
    expect(await runAt(ciSource, s.t.org.id, minutesAfter(t0, 2))).toBe(0);

    // More blocked runs within the hour are counted; the next window's message has the count.
    await scan(s, "acme/payments-api", "main", minutesAfter(t0, 10));
    await scan(s, "acme/payments-api", "main", minutesAfter(t0, 20));
    expect(await runAt(ciSource, s.t.org.id, minutesAfter(t0, 21))).toBe(0);
    await scan(s, "acme/payments-api", "main", minutesAfter(t0, 65));
    expect(await runAt(ciSource, s.t.org.id, minutesAfter(t0, 66))).toBe(2);
    rows = await queuedMessages(s.t.org.id);
    expect(rows[2]!.message.facts).toContainEqual({
      label: "Blocked runs",
      value: `3 since ${minutesAfter(t0, 1).toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
    expect(rows[2]!.thread_key).toBe(rows[0]!.thread_key);
  });

  it("reaches a team without its own channel through the baseline, on master too", async () => {
    const s = await setup();
    const t0 = new Date();
    await scan(s, "acme/quiet-jobs", "master", t0);
    await scan(s, "acme/checkout", "main", t0);
    expect(await runAt(ciSource, s.t.org.id, minutesAfter(t0, 1))).toBe(3);
    expect(routed(await queuedMessages(s.t.org.id)).sort()).toEqual([
      ["ci.blocked", "C0CHECKOUT", "Checkout"],
      ["ci.blocked", "C0CHECKOUT", "Checkout"],
      ["ci.blocked", "C0PLATFORM", "Quiet"],
    ]);
  });

  it("queues nothing when no subscription wants blocked CI runs", async () => {
    const s = await setup();
    await subscribeElsewhere(s.t.org.id);
    const t0 = new Date();
    await scan(s, "acme/payments-api", "main", t0);
    expect(await runAt(ciSource, s.t.org.id, minutesAfter(t0, 1))).toBe(0);
    expect(await queuedMessages(s.t.org.id)).toEqual([]);
  });
});
