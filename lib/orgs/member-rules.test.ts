import { describe, expect, it } from "vitest";
import { canHandleInvitationRole, removalViolation, roleChangeViolation } from "./member-rules";

describe("roleChangeViolation", () => {
  it("lets owners change anyone while another owner remains", () => {
    expect(roleChangeViolation({ actorRole: "owner", fromRole: "member", toRole: "owner", ownerCount: 1 })).toBeNull();
    expect(roleChangeViolation({ actorRole: "owner", fromRole: "owner", toRole: "admin", ownerCount: 2 })).toBeNull();
  });

  it("refuses to demote the last owner", () => {
    expect(roleChangeViolation({ actorRole: "owner", fromRole: "owner", toRole: "member", ownerCount: 1 })).toEqual({
      code: "conflict",
      message: "An organization needs at least one owner.",
    });
  });

  it("keeps admins away from owners and the owner role", () => {
    expect(roleChangeViolation({ actorRole: "admin", fromRole: "owner", toRole: "member", ownerCount: 3 })?.code).toBe(
      "forbidden",
    );
    expect(roleChangeViolation({ actorRole: "admin", fromRole: "member", toRole: "owner", ownerCount: 1 })?.code).toBe(
      "forbidden",
    );
    expect(roleChangeViolation({ actorRole: "admin", fromRole: "member", toRole: "admin", ownerCount: 1 })).toBeNull();
    expect(roleChangeViolation({ actorRole: "admin", fromRole: "admin", toRole: "member", ownerCount: 1 })).toBeNull();
  });

  it("refuses members outright", () => {
    expect(roleChangeViolation({ actorRole: "member", fromRole: "member", toRole: "admin", ownerCount: 1 })?.code).toBe(
      "forbidden",
    );
  });
});

describe("removalViolation", () => {
  it("refuses to remove the last owner, even for an owner", () => {
    expect(removalViolation({ actorRole: "owner", targetRole: "owner", ownerCount: 1 })?.code).toBe("conflict");
    expect(removalViolation({ actorRole: "owner", targetRole: "owner", ownerCount: 2 })).toBeNull();
  });

  it("lets admins remove admins and members but not owners", () => {
    expect(removalViolation({ actorRole: "admin", targetRole: "admin", ownerCount: 1 })).toBeNull();
    expect(removalViolation({ actorRole: "admin", targetRole: "member", ownerCount: 1 })).toBeNull();
    expect(removalViolation({ actorRole: "admin", targetRole: "owner", ownerCount: 2 })?.code).toBe("forbidden");
    expect(removalViolation({ actorRole: "member", targetRole: "member", ownerCount: 1 })?.code).toBe("forbidden");
  });
});

describe("canHandleInvitationRole", () => {
  it("matches assignableOrgRoles: only owners invite owners, members invite nobody", () => {
    expect(canHandleInvitationRole("owner", "owner")).toBe(true);
    expect(canHandleInvitationRole("admin", "owner")).toBe(false);
    expect(canHandleInvitationRole("admin", "admin")).toBe(true);
    expect(canHandleInvitationRole("member", "member")).toBe(false);
  });
});
