import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView } from "./saved-views";
import { MAX_SAVED_VIEWS } from "./saved-views-schemas";
import { appErrorOf } from "@/lib/testing/errors";

describe("saved views", () => {
  it("lists, creates, renames and deletes a user's own views", async () => {
    const t = await createTestTenant();
    const me = t.users.viewer.id;
    const critical = await createSavedView(t.org.id, me, { name: " Critical ", query: "severity=critical&state=open" });
    expect(critical).toMatchObject({ name: "Critical", query: "severity=critical&state=open" });
    await createSavedView(t.org.id, me, { name: "All", query: "" });
    expect((await listSavedViews(t.org.id, me)).map((v) => v.name)).toEqual(["All", "Critical"]);

    const renamed = await renameSavedView(t.org.id, me, critical.id, "Critical, open");
    expect(renamed).toMatchObject({ id: critical.id, name: "Critical, open", query: critical.query });
    await deleteSavedView(t.org.id, me, critical.id);
    expect((await listSavedViews(t.org.id, me)).map((v) => v.name)).toEqual(["All"]);
  });

  it("answers 409 for a name the user already has, and allows it for someone else", async () => {
    const t = await createTestTenant();
    await createSavedView(t.org.id, t.users.editor.id, { name: "Mine", query: "team=a" });
    const other = await createSavedView(t.org.id, t.users.editor.id, { name: "Other", query: "team=b" });
    expect(await appErrorOf(createSavedView(t.org.id, t.users.editor.id, { name: "Mine", query: "x=1" }))).toEqual({
      code: "conflict",
      message: 'You already have a view named "Mine". Pick another name.',
      details: { field: "name" },
    });
    expect((await appErrorOf(renameSavedView(t.org.id, t.users.editor.id, other.id, "Mine"))).code).toBe("conflict");
    expect((await appErrorOf(createSavedView(t.org.id, t.users.viewer.id, { name: "Mine", query: "" }))).code).toBe(
      "ok",
    );
  });

  it("validates names and queries", async () => {
    const t = await createTestTenant();
    const me = t.users.member.id;
    const create = (name: string, query: string) => appErrorOf(createSavedView(t.org.id, me, { name, query }));
    expect(await create("", "a=1")).toMatchObject({ code: "bad_request", details: { field: "name" } });
    expect(await create("x".repeat(61), "a=1")).toMatchObject({ code: "bad_request", details: { field: "name" } });
    expect(await create("ok", "?a=1")).toMatchObject({
      code: "bad_request",
      message: 'Leave out the leading "?".',
      details: { field: "query" },
    });
    expect(await create("ok", "a=".padEnd(2001, "x"))).toMatchObject({
      code: "bad_request",
      details: { field: "query" },
    });
    expect(await create("x".repeat(60), "a=".padEnd(2000, "x"))).toEqual({ code: "ok" });
  });

  it("keeps views personal: others' ids are not found", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const view = await createSavedView(a.org.id, a.users.editor.id, { name: "Mine", query: "" });
    expect(await listSavedViews(a.org.id, a.users.viewer.id)).toEqual([]);
    expect((await appErrorOf(renameSavedView(a.org.id, a.users.viewer.id, view.id, "Theirs"))).code).toBe("not_found");
    expect((await appErrorOf(deleteSavedView(a.org.id, a.users.owner.id, view.id))).code).toBe("not_found");
    expect((await appErrorOf(deleteSavedView(b.org.id, a.users.editor.id, view.id))).code).toBe("not_found");
    expect((await appErrorOf(deleteSavedView(a.org.id, a.users.editor.id, randomUUID()))).code).toBe("not_found");
    expect(await db.savedView.count({ where: { id: view.id, name: "Mine" } })).toBe(1);
  });

  it(`allows at most ${MAX_SAVED_VIEWS} views per user and org, even when created at once`, async () => {
    const t = await createTestTenant();
    const me = t.users.editor.id;
    await db.savedView.createMany({
      data: Array.from({ length: MAX_SAVED_VIEWS - 2 }, (_, i) => ({
        orgId: t.org.id,
        userId: me,
        name: `v${i}`,
        query: "",
      })),
    });
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((name) => appErrorOf(createSavedView(t.org.id, me, { name, query: "" }))),
    );
    expect(results.filter((r) => r.code === "ok")).toHaveLength(2);
    expect(results.filter((r) => r.code === "conflict")[0]?.message).toMatch(/at most 50 saved views/);
    expect(await db.savedView.count({ where: { orgId: t.org.id, userId: me } })).toBe(MAX_SAVED_VIEWS);
    // Another org is a separate allowance.
    const other = await createTestTenant();
    expect((await appErrorOf(createSavedView(other.org.id, me, { name: "a", query: "" }))).code).toBe("ok");
  });
});
