import { describe, expect, it } from "vitest";
import { SCHEMA } from "./constants";
import { validUser } from "./documents";
import { ScimError } from "./errors";
import { planGroupPatch } from "./group-patch";
import { applyPatch, documentFromBody, ZPatchRequest, type TPatchOperation } from "./patch";

const alice = () =>
  documentFromBody("User", {
    schemas: [SCHEMA.user],
    userName: "alice@acme.test",
    name: { givenName: "Alice", familyName: "Smith" },
    emails: [{ value: "alice@acme.test", type: "work", primary: true }],
    active: true,
  });

/** The operations of a PATCH body, as the route reads them. */
const ops = (...operations: unknown[]) =>
  ZPatchRequest.parse({ schemas: [SCHEMA.patchOp], Operations: operations }).Operations;
const patched = (...operations: unknown[]) => validUser(applyPatch("User", alice(), ops(...operations)));

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof ScimError) return { status: err.status, scimType: err.scimType };
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("SCIM PATCH of a user", () => {
  it("deactivates the way Okta does: replace without a path, a value object", () => {
    expect(patched({ op: "replace", value: { active: false } }).active).toBe(false);
    expect(
      patched({ op: "replace", value: { active: false } }, { op: "replace", value: { active: true } }).active,
    ).toBe(true);
  });

  it('reads Entra\'s capitalised op names and "False"/"True" strings', () => {
    expect(patched({ op: "Replace", path: "active", value: "False" }).active).toBe(false);
    expect(patched({ op: "REPLACE", path: "active", value: "true" }).active).toBe(true);
    expect(patched({ op: "Add", path: "active", value: " False " }).active).toBe(false);
    expect(refusal(() => patched({ op: "Replace", path: "active", value: "no" }))).toEqual({
      status: 400,
      scimType: "invalidValue",
    });
  });

  it("replaces simple and sub-attributes, keeping the sub-attributes a value does not name", () => {
    const user = patched(
      { op: "Replace", path: "name.familyName", value: "Jones" },
      { op: "replace", path: "displayName", value: "Alice J." },
      { op: "add", path: "externalId", value: "00u1" },
      { op: "replace", path: "userName", value: "alice.jones@acme.test" },
      { op: "add", path: "name", value: { middleName: "Q" } },
    );
    expect(user.name).toEqual({ givenName: "Alice", familyName: "Jones", middleName: "Q" });
    expect(user).toMatchObject({ displayName: "Alice J.", externalId: "00u1", userName: "alice.jones@acme.test" });
  });

  it("resolves attribute names case-insensitively, in paths and value keys, and dotted keys of value objects", () => {
    const user = patched(
      { op: "replace", path: "NAME.GIVENNAME", value: "Ally" },
      { op: "replace", value: { DisplayName: "Ally S.", "name.familyName": "S" } },
    );
    expect(user.name).toEqual({ givenName: "Ally", familyName: "S" });
    expect(user.displayName).toBe("Ally S.");
  });

  it('updates emails[type eq "work"].value, and creates the work address when there is none (Entra)', () => {
    expect(patched({ op: "Replace", path: 'emails[type eq "work"].value', value: "a@acme.test" }).emails).toEqual([
      { value: "a@acme.test", type: "work", primary: true },
    ]);
    const user = patched({ op: "Add", path: 'emails[type eq "home"].value', value: "alice@home.test" });
    expect(user.emails).toEqual([
      { value: "alice@acme.test", type: "work", primary: true },
      { type: "home", value: "alice@home.test" },
    ]);
    expect(patched({ op: "remove", path: 'emails[type eq "WORK"]' }).emails).toEqual([]);
    expect(patched({ op: "remove", path: 'emails[type eq "work"].primary' }).emails).toEqual([
      { value: "alice@acme.test", type: "work" },
    ]);
  });

  it("adds values to multi-valued attributes without duplicates and keeps one primary", () => {
    const user = patched({
      op: "add",
      path: "emails",
      value: [
        { value: "ALICE@acme.test", type: "work" },
        { value: "a2@acme.test", type: "other", primary: "True" },
      ],
    });
    expect(user.emails).toEqual([
      { value: "ALICE@acme.test", type: "work", primary: false },
      { value: "a2@acme.test", type: "other", primary: true },
    ]);
    expect(patched({ op: "replace", path: "emails", value: { value: "only@acme.test" } }).emails).toEqual([
      { value: "only@acme.test" },
    ]);
  });

  it("writes the enterprise extension by URN path, by URN key, and Entra's manager id", () => {
    const urn = SCHEMA.enterpriseUser;
    const user = patched(
      { op: "Add", path: `${urn}:department`, value: "Payments" },
      { op: "Add", path: `${urn}:manager`, value: "2819c223-7f76-453a-919d-413861904646" },
      { op: "replace", value: { [urn]: { costCenter: "42" } } },
      { op: "replace", value: { [`${urn}:employeeNumber`]: 701 } },
    );
    expect(user[urn]).toEqual({
      department: "Payments",
      manager: { value: "2819c223-7f76-453a-919d-413861904646" },
      costCenter: "42",
      employeeNumber: "701",
    });
    expect(patched({ op: "remove", path: urn })[urn]).toBeUndefined();
  });

  it("ignores attributes Bumpers does not store, read-only ones in value objects, and the password", () => {
    const user = patched(
      { op: "replace", value: { id: "forged", meta: {}, groups: [], favouriteColour: "teal", password: "hunter2" } },
      { op: "add", path: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge", value: "7" },
      { op: "add", path: "nickname", value: "Al" },
      { op: "add", path: "password", value: "hunter2" },
    );
    expect(user).toEqual({ ...alice(), nickName: "Al" });
    expect(JSON.stringify(user)).not.toContain("hunter2");
  });

  it("refuses what cannot be applied, with the SCIM error type", () => {
    const cases: Array<[unknown, string]> = [
      [{ op: "remove" }, "noTarget"],
      [{ op: "replace", value: "x" }, "invalidValue"],
      [{ op: "replace", path: "id", value: "x" }, "mutability"],
      [{ op: "add", path: "groups", value: [{ value: "g" }] }, "mutability"],
      [{ op: "replace", path: "emails[type eq work", value: "x" }, "invalidPath"],
      [{ op: "replace", path: 'emails[type co "w"].value', value: "x" }, "invalidPath"],
      [{ op: "replace", path: 'userName[value eq "x"]', value: "x" }, "invalidPath"],
      [{ op: "replace", path: "userName.first", value: "x" }, "invalidPath"],
      [{ op: "replace", path: 'emails[flavour eq "x"].value', value: "x" }, "invalidPath"],
      [{ op: "replace", path: "urn:ietf:params:scim:schemas:core:2.0:User", value: {} }, "invalidPath"],
      [{ op: "remove", path: "userName" }, "invalidValue"],
      [{ op: "replace", path: "name", value: 5 }, "invalidValue"],
      [{ op: "replace", path: "displayName", value: "x".repeat(300) }, "invalidValue"],
    ];
    for (const [operation, scimType] of cases) {
      expect({ operation, ...refusal(() => patched(operation)) }).toEqual({ operation, status: 400, scimType });
    }
  });

  it("refuses malformed PATCH bodies", () => {
    for (const body of [{}, { Operations: [] }, { Operations: [{ op: "move", path: "a" }] }, { Operations: "x" }]) {
      expect(ZPatchRequest.safeParse(body).success).toBe(false);
    }
    expect(ZPatchRequest.parse({ operations: [{ op: "Add", path: " title ", value: "CTO" }] }).Operations).toEqual([
      { op: "add", path: "title", value: "CTO" },
    ]);
  });
});

describe("SCIM PATCH of a group", () => {
  const plan = (...operations: unknown[]) => {
    const p = planGroupPatch(ops(...operations) as TPatchOperation[]);
    return { ...p, members: { reset: p.members.reset, add: [...p.members.add], remove: [...p.members.remove] } };
  };

  it("renames the way Okta does (the id in the value is ignored) and Entra does", () => {
    expect(plan({ op: "replace", value: { id: "abf4dd94", displayName: "Payments" } }).displayName).toBe("Payments");
    expect(plan({ op: "Replace", path: "displayName", value: "Platform" }).displayName).toBe("Platform");
    expect(plan({ op: "Replace", path: "externalId", value: "8aa1a0c0" }).externalId).toBe("8aa1a0c0");
    expect(plan({ op: "Remove", path: "externalId" }).externalId).toBeNull();
  });

  it("adds and removes members by value lists (Entra) and by members[value eq …] (Okta)", () => {
    expect(
      plan(
        {
          op: "Add",
          path: "members",
          value: [
            { $ref: null, value: "u1" },
            { value: "u2", display: "b@x" },
          ],
        },
        { op: "remove", path: 'members[value eq "u3"]' },
        { op: "Remove", path: "members", value: [{ value: "u2" }] },
      ).members,
    ).toEqual({ reset: false, add: ["u1"], remove: ["u3", "u2"] });
    expect(plan({ op: "add", value: { members: [{ value: "u1" }] } }).members.add).toEqual(["u1"]);
  });

  it("replaces every member, or removes them all", () => {
    expect(plan({ op: "replace", path: "members", value: [{ value: "u9" }] }).members).toEqual({
      reset: true,
      add: ["u9"],
      remove: [],
    });
    expect(
      plan({ op: "add", path: "members", value: [{ value: "u1" }] }, { op: "remove", path: "members" }).members,
    ).toEqual({
      reset: true,
      add: [],
      remove: [],
    });
  });

  it("refuses what it cannot do", () => {
    const cases: Array<[unknown, string]> = [
      [{ op: "remove", path: "displayName" }, "invalidValue"],
      [{ op: "replace", path: "displayName", value: "" }, "invalidValue"],
      [{ op: "add", path: "members", value: [{ display: "no id" }] }, "invalidValue"],
      [{ op: "add", path: 'members[value eq "u1"]', value: {} }, "invalidPath"],
      [{ op: "remove", path: 'members[value eq "u1"].display' }, "invalidPath"],
      [{ op: "replace", path: "id", value: "x" }, "mutability"],
      [{ op: "remove" }, "noTarget"],
    ];
    for (const [operation, scimType] of cases) {
      expect({ operation, ...refusal(() => plan(operation)) }).toEqual({ operation, status: 400, scimType });
    }
  });
});
