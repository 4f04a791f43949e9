import { spawn, type StdioOptions } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const LAUNCHER = path.join(REPO_ROOT, "bin/bumpers.mjs");
export const FIXTURES = "lib/cli/fixtures";

export type TRun = { code: number | null; stdout: string; stderr: string };

/**
 * Run the real `bumpers` launcher as a child process, as CI would. Asynchronous on purpose: a test's
 * own HTTP server must keep answering while the CLI talks to it. The environment is minimal so
 * the machine's CI variables (GITHUB_*, CI_*) never leak into what a test expects.
 */
export function runBumpers(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<TRun> {
  return new Promise((resolve, reject) => {
    // Without input to give, stdin is /dev/null: not a pipe, as in a CI step with nothing piped in.
    const stdio: StdioOptions = [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"];
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NO_COLOR: "1",
      ...options.env,
    };
    const child = spawn(process.execPath, [LAUNCHER, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio,
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
}

/** Run the command in this process (no launcher): for argument checks that need no real process. */
export async function runInProcess(argv: string[], env: Record<string, string> = {}): Promise<TRun> {
  const { PassThrough } = await import("node:stream");
  const { runCli } = await import("./main");
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const code = await runCli({
    argv,
    env,
    cwd: REPO_ROOT,
    stdin: new PassThrough(),
    stdinIsPiped: false,
    stdout,
    stderr,
  });
  return { code, stdout: out, stderr: err };
}
