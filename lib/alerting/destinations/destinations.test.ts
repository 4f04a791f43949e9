import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import { resetEnvCache } from "@/lib/server/env";
import { startFakePagerDuty, type TFakePagerDuty } from "@/lib/testing/fake-pagerduty";
import { listDeliveryLog } from "../queries";
import { sendTestEvent } from "./send-test-event";
import { db } from "@/lib/server/db";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { createDestination } from "./create-destination";
import { deleteDestination } from "./delete-destination";
import { getDestination, listDestinations } from "./queries";
import { openRoutingKey } from "./routing-key";
import { renameDestination, updateDestination } from "./update-destination";
import { codeOf } from "@/lib/testing/errors";

const KEY = "abcdefghijklmnopqrstuvwxyz01wxyz";

describe("alert destinations", () => {
  it("stores the key sealed and shows only its mask", async () => {
    const t = await createTestTenant();
    const created = await createDestination(t.org.id, actorFor(t.users.admin), {
      name: "Payments on-call",
      routingKey: KEY,
      teamId: t.team.id,
    });
    expect(created).toMatchObject({ name: "Payments on-call", maskedKey: "••••wxyz", teamName: t.team.name });
    expect(JSON.stringify(created)).not.toContain(KEY);
    const listed = await listDestinations(t.org.id);
    expect(JSON.stringify(listed)).not.toContain(KEY);
    const row = await db.alertDestination.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.routingKeyCiphertext).not.toContain(KEY);
    expect(openRoutingKey(row.id, row.routingKeyCiphertext)).toBe(KEY);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId: t.org.id, action: "alert_destination.created" },
    });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(KEY);
  });

  it("refuses a key that is not 32 letters and digits, and a duplicate name", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    await expect(
      createDestination(t.org.id, actor, { name: "Ops", routingKey: "short", teamId: null }),
    ).rejects.toMatchObject({
      code: "bad_request",
      details: { field: "routingKey" },
    });
    await createDestination(t.org.id, actor, { name: "Ops", routingKey: KEY, teamId: null });
    await expect(
      createDestination(t.org.id, actor, { name: "Ops", routingKey: KEY, teamId: null }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("renames, re-keys and deletes; another org's destination is not_found", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const d = await createDestination(t.org.id, actor, { name: "Ops", routingKey: KEY, teamId: null });
    expect((await renameDestination(t.org.id, actor, d.id, "Platform")).name).toBe("Platform");
    const rekeyed = await updateDestination(t.org.id, actor, d.id, {
      name: "Platform",
      teamId: null,
      routingKey: "ZYXWVUTSRQPONMLKJIHGFEDCBA987654",
    });
    expect(rekeyed.maskedKey).toBe("••••7654");
    const otherActor = actorFor(other.users.admin);
    expect(await codeOf(getDestination(other.org.id, d.id))).toBe("not_found");
    expect(await codeOf(renameDestination(other.org.id, otherActor, d.id, "Mine"))).toBe("not_found");
    expect(await codeOf(deleteDestination(other.org.id, otherActor, d.id))).toBe("not_found");
    expect(await codeOf(getDestination(t.org.id, "not-a-uuid"))).toBe("not_found");
    // A team of another org cannot own it.
    expect(await codeOf(updateDestination(t.org.id, actor, d.id, { name: "Platform", teamId: other.team.id }))).toBe(
      "bad_request",
    );
    await deleteDestination(t.org.id, actor, d.id);
    expect(await listDestinations(t.org.id)).toEqual([]);
  });
});

describe("send test event", () => {
  let fake: TFakePagerDuty;
  beforeAll(async () => {
    fake = await startFakePagerDuty({ port: 0 });
    process.env.PAGERDUTY_EVENTS_URL = fake.url;
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.PAGERDUTY_EVENTS_URL;
    resetEnvCache();
    await fake.close();
  });

  it("sends a real trigger and its resolve, shows PagerDuty's answers and logs both", async () => {
    const t = await createTestTenant();
    const key = randomBytes(16).toString("hex");
    const d = await createDestination(t.org.id, actorFor(t.users.admin), {
      name: "Ops",
      routingKey: key,
      teamId: null,
    });
    const result = await sendTestEvent(t.org.id, actorFor(t.users.admin), d.id);
    expect(result).toMatchObject({
      ok: true,
      steps: [
        { action: "trigger", ok: true, status: 202, response: { status: "success", message: "Event processed" } },
        { action: "resolve", ok: true, status: 202 },
      ],
    });
    expect(fake.incidents({ routingKey: key })).toEqual([
      expect.objectContaining({ dedupKey: result.dedupKey, status: "resolved" }),
    ]);
    const log = await listDeliveryLog(orgWideScope(t.org.id), { destinationId: d.id });
    expect(log.data.map((e) => [e.action, e.status])).toEqual([
      ["resolve", "delivered"],
      ["trigger", "delivered"],
    ]);
    expect((await getDestination(t.org.id, d.id)).lastDeliveredAt).toBeInstanceOf(Date);
  });

  it("shows a refusal and keeps it on the destination; another org's destination is not_found", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const d = await createDestination(t.org.id, actorFor(t.users.admin), {
      name: "Ops",
      routingKey: randomBytes(16).toString("hex"),
      teamId: null,
    });
    fake.failNext("429");
    const result = await sendTestEvent(t.org.id, actorFor(t.users.admin), d.id);
    expect(result).toMatchObject({ ok: false, steps: [{ action: "trigger", ok: false, status: 429 }] });
    expect((await getDestination(t.org.id, d.id)).lastError).toMatchObject({ status: "throttle event" });
    expect(await codeOf(sendTestEvent(other.org.id, actorFor(other.users.admin), d.id))).toBe("not_found");
  });
});
