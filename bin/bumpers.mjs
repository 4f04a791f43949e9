#!/usr/bin/env node
// `bumpers` command: runs the TypeScript CLI in lib/cli through tsx, the loader the project's own
// scripts use, so the policy engine is shared with the server as source rather than a second build.
import { fstatSync } from "node:fs";
import { fileURLToPath } from "node:url";

let tsImport;
try {
  ({ tsImport } = await import("tsx/esm/api"));
} catch {
  process.stderr.write("bumpers: the tsx package is missing; run npm install in the Bumpers package first.\n");
  process.exit(2);
}

function stdinIsPiped() {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

let runCli;
try {
  ({ runCli } = await tsImport("../lib/cli/main.ts", {
    parentURL: import.meta.url,
    // The package's own settings, not those of whatever repository the check runs in.
    tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)),
  }));
} catch (error) {
  // A broken install, not a finding: exit 2, never 1, which a pipeline reads as "a check blocks".
  process.stderr.write(`bumpers: cannot load the command: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
}

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  stdinIsPiped: stdinIsPiped(),
  stdout: process.stdout,
  stderr: process.stderr,
});
