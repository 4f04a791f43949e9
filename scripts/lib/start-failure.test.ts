import { describe, expect, it } from "vitest";
import { startFailedLine } from "./start-failure";

describe("startFailedLine", () => {
  it("names the message of an Error", () => {
    expect(startFailedLine(new Error("port 54329 is in use"))).toBe("[bumpers] Start failed: port 54329 is in use");
  });

  it("says something useful for a rejection with undefined, null, a string or an object", () => {
    expect(startFailedLine(undefined)).toBe("[bumpers] Start failed: an unknown error (a step failed with undefined)");
    expect(startFailedLine(null)).toBe("[bumpers] Start failed: an unknown error (a step failed with null)");
    expect(startFailedLine("initdb not found")).toBe("[bumpers] Start failed: initdb not found");
    expect(startFailedLine({ code: "EACCES" })).toBe('[bumpers] Start failed: {"code":"EACCES"}');
  });

  it("keeps a multi-line message on one line", () => {
    const line = startFailedLine(new Error("migration 2026_x failed:\n  relation exists\n"));
    expect(line).toBe("[bumpers] Start failed: migration 2026_x failed: / relation exists");
    expect(line).not.toContain("\n");
  });

  it("falls back to the error's name when it has no message", () => {
    expect(startFailedLine(new TypeError())).toBe("[bumpers] Start failed: TypeError");
  });
});
