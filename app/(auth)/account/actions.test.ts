import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createTestUser } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { signOutEverywhereAction } from "./actions";

describe("sign out everywhere", () => {
  it("increments the signed-in user's session version, and refuses the signed-out", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    signInAs(null);
    expect(await signOutEverywhereAction()).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    signInAs(user);
    expect(await signOutEverywhereAction()).toEqual({ ok: true, data: null });
    const version = async (id: string) =>
      (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
    expect(await version(user.id)).toBe(1);
    expect(await version(other.id)).toBe(0);
  });
});
