import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { listAuditActions, listAuditLog } from "./queries";
import { ZAuditFilters } from "./schemas";

async function seedLog(orgId: string, count: number, overrides: (i: number) => object = () => ({})) {
  const base = Date.parse("2026-03-01T00:00:00Z");
  for (let i = 0; i < count; i++) {
    await db.auditLog.create({
      data: {
        orgId,
        actorLabel: i % 2 ? "Admin@acme.example" : "owner@acme.example",
        action: i % 3 ? "member.role_changed" : "token.created",
        targetType: "membership",
        targetLabel: `row ${i}`,
        // Pairs share a timestamp so the id tie-breaker matters.
        createdAt: new Date(base + Math.floor(i / 2) * 86_400_000),
        ...overrides(i),
      },
    });
  }
}

const labels = (page: { data: { targetLabel: string }[] }) => page.data.map((r) => r.targetLabel);

describe("audit log queries", () => {
  it("pages newest first with keyset cursors in both directions", async () => {
    const t = await createTestTenant();
    await seedLog(t.org.id, 7);
    const filters = ZAuditFilters.parse({});

    const p1 = await listAuditLog(t.org.id, filters, { limit: 3 });
    expect(labels(p1)).toEqual(["row 6", "row 5", "row 4"]);
    expect(p1.newer).toBeNull();
    const p2 = await listAuditLog(t.org.id, filters, { limit: 3, cursor: p1.older! });
    expect(labels(p2)).toEqual(["row 3", "row 2", "row 1"]);
    const p3 = await listAuditLog(t.org.id, filters, { limit: 3, cursor: p2.older! });
    expect(labels(p3)).toEqual(["row 0"]);
    expect(p3.older).toBeNull();

    const back = await listAuditLog(t.org.id, filters, { limit: 3, cursor: p3.newer! });
    expect(labels(back)).toEqual(["row 3", "row 2", "row 1"]);
    const first = await listAuditLog(t.org.id, filters, { limit: 3, cursor: back.newer! });
    expect(labels(first)).toEqual(["row 6", "row 5", "row 4"]);
    expect(first.newer).toBeNull();
    expect(first.older).toEqual(p1.older);
  });

  it("filters by action, actor text and an inclusive date range", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    await seedLog(t.org.id, 6);
    await seedLog(other.org.id, 6);
    const page = (raw: object) => listAuditLog(t.org.id, ZAuditFilters.parse(raw), { limit: 50 });

    expect(labels(await page({ action: "token.created" }))).toEqual(["row 3", "row 0"]);
    expect(labels(await page({ actor: "admin@ACME" }))).toEqual(["row 5", "row 3", "row 1"]);
    // Rows 2 and 3 are on March 2nd, 4 and 5 on March 3rd.
    expect(labels(await page({ from: "2026-03-02", to: "2026-03-03" }))).toEqual(["row 5", "row 4", "row 3", "row 2"]);
    expect(labels(await page({ from: "2026-03-02T00:00:00Z", to: "2026-03-02T00:00:00Z" }))).toEqual([
      "row 3",
      "row 2",
    ]);
    expect(labels(await page({ action: "", actor: "", from: "", to: "" }))).toHaveLength(6);
    expect(await listAuditActions(t.org.id)).toEqual(["member.role_changed", "token.created"]);
  });

  it("rejects malformed filters with field messages", () => {
    const result = ZAuditFilters.safeParse({ from: "yesterday", to: "2026-03-01", action: "DROP TABLE" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["from", "action"]));
    const reversed = ZAuditFilters.safeParse({ from: "2026-03-05", to: "2026-03-01" });
    expect(reversed.error?.issues[0].path).toEqual(["to"]);
  });
});
