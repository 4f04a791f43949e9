import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const ORIGIN = "https://bumpers.example.com";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site with their query and fragment", () => {
    expect(safeCallbackUrl("/o/acme/findings?severity=high#top", ORIGIN)).toBe("/o/acme/findings?severity=high#top");
    expect(safeCallbackUrl("/orgs/new", ORIGIN)).toBe("/orgs/new");
    expect(safeCallbackUrl("https://bumpers.example.com/o/acme", ORIGIN)).toBe("/o/acme");
    expect(safeCallbackUrl("o/acme", ORIGIN)).toBe("/o/acme");
  });

  it.each([
    ["backslash (what /%5Cevil.example decodes to)", "/\\evil.example"],
    ["tab (what /%09/evil.example decodes to)", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "\r//evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with backslashes", "\\\\evil.example"],
    ["slash-backslash", "/\\/evil.example"],
    ["another host", "https://evil.example/o/acme"],
    ["another scheme on our host", "http://bumpers.example.com/o/acme"],
    ["another port on our host", "https://bumpers.example.com:8443/"],
    ["our host as userinfo", "https://bumpers.example.com@evil.example/"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: with a tab", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["leading spaces", "  //evil.example"],
  ])("sends %s home", (_name, raw) => {
    expect(safeCallbackUrl(raw, ORIGIN)).toBe("/");
  });

  it("keeps encoded characters encoded, so a browser never reads them as a host", () => {
    expect(safeCallbackUrl("/%5Cevil.example", ORIGIN)).toBe("/%5Cevil.example");
    expect(safeCallbackUrl("/%09/evil.example", ORIGIN)).toBe("/%09/evil.example");
  });

  it("never returns a path that starts with two slashes", () => {
    expect(safeCallbackUrl("https://bumpers.example.com//evil.example/x", ORIGIN)).toBe("/evil.example/x");
    expect(safeCallbackUrl("/.//evil.example", ORIGIN)).toBe("/evil.example");
  });

  it("falls back for what is missing or not a string, and without a usable origin still keeps only paths", () => {
    expect(safeCallbackUrl(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackUrl("", ORIGIN, "/orgs")).toBe("/orgs");
    expect(safeCallbackUrl(["/o/acme"], ORIGIN)).toBe("/");
    expect(safeCallbackUrl("/o/acme", undefined)).toBe("/o/acme");
    expect(safeCallbackUrl("/o/acme", "not a url")).toBe("/o/acme");
    expect(safeCallbackUrl("/\\evil.example", undefined)).toBe("/");
    expect(safeCallbackUrl("https://bumpers.example.com/o/acme", undefined)).toBe("/");
  });
});
