import { describe, expect, it } from "vitest";
import { authorizeOrg, authorizeTeam } from "./access";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { codeOf } from "@/lib/testing/errors";

describe("org and team guards on the real database", () => {
  it("answers 401 signed out, 404 to non-members and 403 to members without the permission", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(null);
    expect(await codeOf(authorizeOrg(a.org.slug))).toBe("unauthorized");
    signInAs(b.users.owner);
    expect(await codeOf(authorizeOrg(a.org.slug))).toBe("not_found");
    signInAs(a.users.member);
    expect(await codeOf(authorizeOrg(a.org.slug))).toBe("ok");
    expect(await codeOf(authorizeOrg(a.org.slug, "org:members:manage"))).toBe("forbidden");
    signInAs(a.users.admin);
    expect(await codeOf(authorizeOrg(a.org.slug, "org:members:manage"))).toBe("ok");
    expect(await codeOf(authorizeOrg(a.org.slug, "org:owners:manage"))).toBe("forbidden");
  });

  it("hides other teams from members and lets org admins act as team admins", async () => {
    const a = await createTestTenant();
    signInAs(a.users.viewer);
    expect(await codeOf(authorizeTeam(a.org.slug, a.team.slug))).toBe("ok");
    expect(await codeOf(authorizeTeam(a.org.slug, a.team.slug, "team:triage"))).toBe("forbidden");
    expect(await codeOf(authorizeTeam(a.org.slug, a.otherTeam.slug))).toBe("not_found");
    signInAs(a.users.editor);
    expect(await codeOf(authorizeTeam(a.org.slug, a.team.slug, "team:triage"))).toBe("ok");
    expect(await codeOf(authorizeTeam(a.org.slug, a.team.slug, "team:members:manage"))).toBe("forbidden");
    signInAs(a.users.admin);
    expect(await codeOf(authorizeTeam(a.org.slug, a.otherTeam.slug, "team:members:manage"))).toBe("ok");
  });
});
