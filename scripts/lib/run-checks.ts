import { spawn } from "node:child_process";
import { prefixLines } from "./run-streamed";

const CHECK = /^CHECK (PASS|FAIL) /;

export type TCheckCount = { passed: number; failed: number; code: number | null };

/**
 * Runs a script that reports `CHECK PASS|FAIL …` lines (scripts/load-test.ts, scripts/fault-test.ts)
 * with its output streamed under `[label] `, and counts those lines. A run that exits non-zero
 * without any failed check (a crash during setup) counts as one failure.
 */
export function runChecks(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<TCheckCount> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const count = { passed: 0, failed: 0 };
    let pending = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = CHECK.exec(line);
        if (m) count[m[1] === "PASS" ? "passed" : "failed"]++;
        process.stdout.write(`[${label}] ${line}\n`);
      }
    });
    prefixLines(child.stderr!, `[${label}] `, process.stderr);
    child.on("error", (err) => {
      process.stderr.write(`[${label}] could not start ${command}: ${err.message}\n`);
      resolve({ passed: 0, failed: 1, code: 127 });
    });
    child.on("close", (code) => {
      if (pending) process.stdout.write(`[${label}] ${pending}\n`);
      if (code !== 0 && count.failed === 0) count.failed = 1;
      resolve({ ...count, code });
    });
  });
}
