import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { listAuditLog } from "./queries";
import { recordAudit, type TAuditEntry } from "./record-audit";
import { ZAuditFilters } from "./schemas";

const strip = ({ id: _id, createdAt: _at, ...rest }: { id: string; createdAt: Date }) => rest;

describe("recordAudit", () => {
  it("writes the same row through a Prisma transaction and a pg client, and commits with the caller", async () => {
    const t = await createTestTenant();
    const entry = (label: string): TAuditEntry => ({
      orgId: t.org.id,
      actor: actorFor(t.users.admin),
      action: "team.updated",
      target: { type: "team", id: t.team.id, label },
      before: { name: "Old", rules: [{ namespace: "a-*" }] },
      after: { name: "New", rules: [] },
    });

    await db.$transaction((tx) => recordAudit(tx, entry("same")));
    await inTransaction(pool, (client) => recordAudit(client, entry("same")));
    await inTransaction(pool, (client) =>
      recordAudit(client, { ...entry("token"), actor: { tokenId: t.team.id, label: "ci token" }, before: null }),
    );
    await expect(
      inTransaction(pool, async (client) => {
        await recordAudit(client, entry("rolled back"));
        throw new Error("the verb failed");
      }),
    ).rejects.toThrow("the verb failed");

    const { data } = await listAuditLog(t.org.id, ZAuditFilters.parse({ action: "team.updated" }), { limit: 10 });
    expect(data.map((r) => r.targetLabel)).toEqual(["token", "same", "same"]);
    const [viaToken, viaPg, viaPrisma] = data;
    expect(strip(viaPg)).toEqual(strip(viaPrisma));
    expect(viaPrisma.before).toEqual({ name: "Old", rules: [{ namespace: "a-*" }] });
    expect(viaToken).toMatchObject({
      actorUserId: null,
      actorTokenId: t.team.id,
      actorLabel: "ci token",
      before: null,
    });
  });
});
