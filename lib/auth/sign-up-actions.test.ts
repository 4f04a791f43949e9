import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { signUpAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "signup.test:3000", "x-forwarded-for": "198.51.100.77" }),
}));

function form(email: string) {
  const s = uniqueSuffix();
  return formOf({
    name: "Pat Probe",
    email,
    password: "a long enough password",
    orgName: `Probe ${s}`,
    orgSlug: `probe-${s}`,
  });
}

describe("sign-up action", () => {
  it("answers the same for an address that has an account and one that has none, and creates no org", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const existing = await createTestUser();
    const fresh = `fresh-${uniqueSuffix()}@probe.example`;
    const forExisting = await signUpAction(null, form(existing.email.toUpperCase()));
    const forFresh = await signUpAction(null, form(fresh));
    expect(forExisting).toEqual({ ok: true, data: { email: existing.email } });
    expect(forFresh).toEqual({ ok: true, data: { email: fresh } });
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });
});
