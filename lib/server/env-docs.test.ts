import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZEnv } from "./env";

// docs/configuration.md is the reference of every variable the app reads; it may not fall behind
// the schema that parses them (lib/server/env.ts), nor describe variables that no longer exist.
const doc = readFileSync(path.resolve(__dirname, "../../docs/configuration.md"), "utf8");
// The first cell of a table row names one variable or several (`GITHUB_ID`, `GITHUB_SECRET`).
const firstCells = [...doc.matchAll(/^\|([^|]*)\|/gm)].map((m) => m[1]);
const documented = new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])));
const read = Object.keys(ZEnv.shape);

describe("configuration reference", () => {
  it("documents every environment variable the app reads, in a table row of docs/configuration.md", () => {
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("documents no variable the app does not read, except the tools' own", () => {
    const toolsOwn = doc.slice(doc.indexOf("## Variables of the tools"));
    const stale = [...documented].filter((name) => !read.includes(name) && !toolsOwn.includes(`\`${name}\``));
    expect(stale).toEqual([]);
  });
});
