import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { parseListFilter } from "./filter";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof ScimError) return { status: err.status, scimType: err.scimType, detail: err.detail };
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("SCIM list filters", () => {
  it("reads what Okta and Entra send, attribute names and operators in any case", () => {
    expect(parseListFilter("User", 'userName eq "test.user@okta.local"')).toEqual([
      { field: "userName", value: "test.user@okta.local" },
    ]);
    expect(parseListFilter("User", 'USERNAME EQ "a@b.c"')).toEqual([{ field: "userName", value: "a@b.c" }]);
    expect(parseListFilter("User", 'externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')).toEqual([
      { field: "externalId", value: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef" },
    ]);
    expect(parseListFilter("Group", 'displayName eq "Payments Admins"')).toEqual([
      { field: "displayName", value: "Payments Admins" },
    ]);
  });

  it("joins comparisons with and, reads emails[value eq …] and emails.value eq, and schema-qualified names", () => {
    expect(parseListFilter("User", 'emails[value eq "a@b.c"] and externalId eq "x"')).toEqual([
      { field: "emails.value", value: "a@b.c" },
      { field: "externalId", value: "x" },
    ]);
    expect(parseListFilter("User", 'emails.value eq "a@b.c"')).toEqual([{ field: "emails.value", value: "a@b.c" }]);
    expect(parseListFilter("User", 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c"')).toEqual([
      { field: "userName", value: "a@b.c" },
    ]);
  });

  it("keeps escaped quotes, spaces and brackets inside values", () => {
    expect(parseListFilter("Group", 'displayName eq "K8s \\"ops\\" [eu] and more"')).toEqual([
      { field: "displayName", value: 'K8s "ops" [eu] and more' },
    ]);
    expect(parseListFilter("User", 'userName eq "ünïcødé@example.com"')[0].value).toBe("ünïcødé@example.com");
  });

  it("refuses everything else with 400 invalidFilter and says what is supported", () => {
    const cases = [
      "",
      "   ",
      'userName co "a"',
      'userName sw "a"',
      'userName eq "a" or externalId eq "b"',
      '(userName eq "a")',
      'not (userName eq "a")',
      "userName pr",
      "userName eq",
      "userName eq a",
      'userName eq "unterminated',
      'userName eq "bad \\q escape"',
      'userName eq "a" extra',
      'userName eq "a" and',
      'emails[value eq "a"',
      'emails[type eq "work"] eq "x"',
      'title eq "CTO"',
      "active eq true",
      "userName eq 42",
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'userName eq "a"]',
      "#",
    ];
    for (const text of cases) {
      const err = refusal(() => parseListFilter("User", text));
      expect({ text, status: err.status, scimType: err.scimType }).toEqual({
        text,
        status: 400,
        scimType: "invalidFilter",
      });
    }
    expect(refusal(() => parseListFilter("User", 'title eq "CTO"')).detail).toContain("userName, externalId");
    expect(refusal(() => parseListFilter("Group", 'userName eq "a@b.c"')).detail).toMatch(/Groups by "userName"/);
    expect(refusal(() => parseListFilter("User", 'userName co "a"')).detail).toContain('"co" is not supported');
  });
});
