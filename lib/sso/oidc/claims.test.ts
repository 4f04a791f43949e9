import { describe, expect, it } from "vitest";
import { claimValue, identityFromClaims, needsUserinfo, readGroups } from "./claims";

const base = { sub: "00u1", email: "Ada@Acme.Example", email_verified: true, name: "Ada Lovelace" };

describe("identityFromClaims", () => {
  it("reads subject, lower-cased email, name and groups", () => {
    expect(identityFromClaims({ ...base, groups: ["payments", "ops"] }, "groups")).toEqual({
      subject: "00u1",
      email: "ada@acme.example",
      name: "Ada Lovelace",
      groups: ["payments", "ops"],
    });
  });

  it("falls back to given and family name, then to the email", () => {
    const { name: _name, ...noName } = base;
    expect(identityFromClaims({ ...noName, given_name: "Ada", family_name: "Lovelace" }, "groups").name).toBe(
      "Ada Lovelace",
    );
    expect(identityFromClaims({ ...noName, name: "  " }, "groups").name).toBe("ada@acme.example");
  });

  it("refuses an email the IdP says is not verified, also as the string Cognito sends", () => {
    for (const flag of [false, "false"]) {
      expect(() => identityFromClaims({ ...base, email_verified: flag }, "groups")).toThrow(
        expect.objectContaining({ reason: "SsoInvalidResponse", detail: expect.stringContaining("not verified") }),
      );
    }
    // Absent means the IdP says nothing (Entra ID): accepted.
    const { email_verified: _verified, ...silent } = base;
    expect(identityFromClaims(silent, "groups").email).toBe("ada@acme.example");
  });

  it("requires a subject and a real email address", () => {
    const { sub: _sub, ...noSub } = base;
    expect(() => identityFromClaims(noSub, "groups")).toThrow(
      expect.objectContaining({ detail: expect.stringContaining("sub") }),
    );
    const { email: _email, ...noEmail } = base;
    expect(() => identityFromClaims(noEmail, "groups")).toThrow(
      expect.objectContaining({ detail: expect.stringContaining("email scope") }),
    );
    expect(() => identityFromClaims({ ...base, email: "not-an-address" }, "groups")).toThrow(
      expect.objectContaining({ detail: expect.stringContaining("not an email address") }),
    );
  });

  it("gives no groups when neither the token nor userinfo has the claim", () => {
    expect(identityFromClaims(base, "groups").groups).toEqual([]);
  });

  it("refuses Entra ID's groups overage instead of signing in with no groups", () => {
    const overage = {
      ...base,
      _claim_names: { groups: "src1" },
      _claim_sources: { src1: { endpoint: "https://graph" } },
    };
    expect(() => identityFromClaims(overage, "groups")).toThrow(
      expect.objectContaining({ reason: "SsoInvalidResponse", detail: expect.stringContaining("too many groups") }),
    );
  });
});

describe("readGroups", () => {
  it("takes a list of strings, trimmed, without blanks or duplicates", () => {
    expect(readGroups({ groups: [" payments ", "ops", "", "ops"] }, "groups")).toEqual(["payments", "ops"]);
  });

  it("takes a single string as one group", () => {
    expect(readGroups({ groups: "payments" }, "groups")).toEqual(["payments"]);
  });

  it("says absent (undefined) when there is no such claim, so userinfo is asked", () => {
    expect(readGroups({}, "groups")).toBeUndefined();
    expect(readGroups({ groups: null }, "groups")).toBeUndefined();
  });

  it("refuses values that are not strings rather than guess", () => {
    expect(() => readGroups({ groups: [{ id: 1 }] }, "groups")).toThrow(
      expect.objectContaining({ reason: "SsoInvalidResponse" }),
    );
    expect(() => readGroups({ groups: 7 }, "groups")).toThrow(/neither a string nor a list/);
  });

  it("drops group names too long for any mapping", () => {
    expect(readGroups({ groups: ["x".repeat(257), "ok"] }, "groups")).toEqual(["ok"]);
  });

  it("refuses an unreasonable number of groups", () => {
    const many = Array.from({ length: 1001 }, (_, i) => `g${i}`);
    expect(() => readGroups({ groups: many }, "groups")).toThrow(/more than 1000/);
  });

  it("reads the claim name configured, namespaced URIs included", () => {
    const claims = { "https://acme.example/groups": ["a"], roles: ["b"] };
    expect(readGroups(claims, "https://acme.example/groups")).toEqual(["a"]);
    expect(readGroups(claims, "roles")).toEqual(["b"]);
  });
});

describe("claimValue", () => {
  it("prefers the exact key, then follows a dotted path (Keycloak realm_access.roles)", () => {
    const claims = { "realm_access.roles": "flat", realm_access: { roles: ["nested"] } };
    expect(claimValue(claims, "realm_access.roles")).toBe("flat");
    expect(claimValue({ realm_access: { roles: ["nested"] } }, "realm_access.roles")).toEqual(["nested"]);
    expect(claimValue({ realm_access: ["x"] }, "realm_access.roles")).toBeUndefined();
  });

  it("does not treat a URI claim name as a path", () => {
    expect(claimValue({ https: { "//acme": 1 } }, "https://acme.example/groups")).toBeUndefined();
  });

  it("does not read inherited properties", () => {
    expect(claimValue({}, "constructor")).toBeUndefined();
    expect(claimValue({ a: {} }, "a.toString")).toBeUndefined();
  });
});

describe("needsUserinfo", () => {
  it("is true when the email or the groups are missing from the ID token", () => {
    expect(needsUserinfo({ ...base, groups: [] }, "groups")).toBe(false);
    expect(needsUserinfo(base, "groups")).toBe(true);
    const { email: _email, ...noEmail } = base;
    expect(needsUserinfo({ ...noEmail, groups: [] }, "groups")).toBe(true);
  });
});
