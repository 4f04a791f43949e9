import { describe, expect, it } from "vitest";
import {
  ORG_ROLES,
  ROLE_PERMISSIONS,
  TEAM_ROLES,
  assignableOrgRoles,
  canOrg,
  canTeam,
  effectiveTeamRole,
} from "./permissions";

describe("permission table", () => {
  it("gives each higher role everything the lower role has", () => {
    const chain = (roles: string[], prefix: "org" | "team") =>
      roles.slice(1).forEach((role, i) => {
        const lower = ROLE_PERMISSIONS[`${prefix}:${roles[i]}` as keyof typeof ROLE_PERMISSIONS];
        const higher = ROLE_PERMISSIONS[`${prefix}:${role}` as keyof typeof ROLE_PERMISSIONS];
        for (const p of lower) expect(higher.has(p), `${role} lacks ${p}`).toBe(true);
      });
    chain(["member", "admin", "owner"], "org");
    chain(["viewer", "editor", "admin"], "team");
  });

  it("lets only owners manage owners, and admins everything else of the org", () => {
    expect(canOrg("owner", "org:owners:manage")).toBe(true);
    expect(canOrg("admin", "org:owners:manage")).toBe(false);
    expect(canOrg("admin", "org:members:manage")).toBe(true);
    expect(canOrg("admin", "org:tokens:manage")).toBe(true);
    expect(canOrg("member", "org:members:manage")).toBe(false);
    expect(canOrg("member", "org:tokens:manage")).toBe(false);
    expect(canOrg("member", "org:audit:read")).toBe(false);
    expect(canOrg("member", "org:read")).toBe(true);
    expect(canOrg(null, "org:read")).toBe(false);
  });

  it("separates reading, triage and team administration", () => {
    expect(canTeam("viewer", "team:read")).toBe(true);
    expect(canTeam("viewer", "team:triage")).toBe(false);
    expect(canTeam("editor", "team:triage")).toBe(true);
    expect(canTeam("editor", "team:routing:manage")).toBe(false);
    expect(canTeam("admin", "team:routing:manage")).toBe(true);
    expect(canTeam("admin", "team:members:manage")).toBe(true);
    expect(canTeam(null, "team:read")).toBe(false);
  });

  it("never mixes org permissions into team roles", () => {
    for (const role of TEAM_ROLES) {
      for (const p of ROLE_PERMISSIONS[`team:${role}`]) expect(p.startsWith("team:")).toBe(true);
    }
    for (const role of ORG_ROLES) {
      for (const p of ROLE_PERMISSIONS[`org:${role}`]) expect(p.startsWith("org:")).toBe(true);
    }
  });

  it("makes org owners and admins team admins everywhere, members only where they belong", () => {
    expect(effectiveTeamRole("owner", null)).toBe("admin");
    expect(effectiveTeamRole("admin", "viewer")).toBe("admin");
    expect(effectiveTeamRole("member", "editor")).toBe("editor");
    expect(effectiveTeamRole("member", null)).toBeNull();
    expect(effectiveTeamRole(null, "admin")).toBeNull();
  });

  it("lets admins hand out every role but owner", () => {
    expect(assignableOrgRoles("owner")).toEqual(["owner", "admin", "member"]);
    expect(assignableOrgRoles("admin")).toEqual(["admin", "member"]);
  });
});
