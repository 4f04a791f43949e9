import { describe, expect, it } from "vitest";
import { ZChangeMemberRole, ZInviteMember, ZNewOrganization } from "./schemas";

const uuid = "2f1b7c1e-8d5a-4c3b-9a2e-1f0e9d8c7b6a";

describe("ZInviteMember", () => {
  it("normalizes the email and treats an empty team select as no team", () => {
    expect(ZInviteMember.parse({ email: " Ada@Example.COM ", role: "admin", teamId: "", teamRole: "editor" })).toEqual({
      email: "ada@example.com",
      role: "admin",
      teamId: undefined,
      teamRole: undefined,
    });
  });

  it("defaults the team role to viewer when a team is chosen", () => {
    expect(ZInviteMember.parse({ email: "a@b.co", role: "member", teamId: uuid, teamRole: "" })).toMatchObject({
      teamId: uuid,
      teamRole: "viewer",
    });
  });

  it("names the bad fields", () => {
    const result = ZInviteMember.safeParse({ email: "nope", role: "god", teamId: "1; drop table", teamRole: "boss" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["email", "role", "teamId", "teamRole"]));
  });
});

describe("member form schemas", () => {
  it("accept only uuids for ids", () => {
    expect(ZChangeMemberRole.safeParse({ membershipId: uuid, role: "member" }).success).toBe(true);
    expect(ZChangeMemberRole.safeParse({ membershipId: "42", role: "member" }).success).toBe(false);
  });

  it("validate a new organization's name and URL", () => {
    expect(ZNewOrganization.parse({ orgName: " Globex ", orgSlug: "Globex" })).toEqual({
      orgName: "Globex",
      orgSlug: "globex",
    });
    expect(ZNewOrganization.safeParse({ orgName: "Globex", orgSlug: "invite" }).success).toBe(false);
  });
});
