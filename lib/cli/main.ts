import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { parseCliArgs, type TCheckArgs } from "./args";
import { CliError, EXIT, usageError } from "./errors";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { formatTable, makeColors } from "./format-table";
import { USAGE } from "./help";
import { readManifests } from "./read-manifests";
import { runChecks, type TPolicy, type TReport } from "./run-checks";
import { resolveScmContext, type TScmContext } from "./scm-context";
import type { TServerConnection } from "./server-client";
import { buildUpload, MAX_UPLOAD_RESULTS } from "./upload";

export type TCliIo = {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdin: Readable;
  /** True when standard input is a pipe or a file, so `bumpers check` without paths can read it. */
  stdinIsPiped: boolean;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
};

function packageVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return packageJson.version ?? "0.0.0";
}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

type TServerRun = { connection: TServerConnection; scm: Required<{ [K in keyof TScmContext]: string }> };

function prepareServer(args: TCheckArgs, io: TCliIo, version: string): TServerRun | null {
  if (!args.server) return null;
  const token = io.env.BUMPERS_TOKEN?.trim();
  if (!token) {
    throw usageError("--server needs a token: set the BUMPERS_TOKEN environment variable (from your CI's secrets).");
  }
  const scm = resolveScmContext(
    { repository: args.repository, branch: args.branch, commit: args.commit },
    io.env,
    io.cwd,
  );
  const missing = (["repository", "branch", "commit"] as const).filter((key) => !scm[key]);
  if (missing.length > 0) {
    throw usageError(
      `--server: cannot tell the ${missing.join(", ")} of this run; pass ${missing.map((key) => `--${key}`).join(", ")}.`,
    );
  }
  return {
    connection: { baseUrl: args.server, token, userAgent: `bumpers-cli/${version}` },
    scm: scm as TServerRun["scm"],
  };
}

function isPlainHttpElsewhere(baseUrl: string): boolean {
  const { protocol, hostname } = new URL(baseUrl);
  return protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

function renderMain(args: TCheckArgs, report: TReport, version: string, policy: TPolicy, colors: boolean): string {
  if (args.format === "json") {
    return formatJson(report, { version, targetVersion: args.targetVersionLabel, policy: policy.source });
  }
  if (args.format === "sarif") return formatSarif(report, { version });
  return formatTable(report, { colors: makeColors(colors), targetVersionSet: args.targetVersion !== null });
}

async function check(args: TCheckArgs, io: TCliIo, version: string): Promise<number> {
  const inputs = args.inputs.length > 0 ? args.inputs : io.stdinIsPiped ? ["-"] : null;
  if (!inputs) throw usageError(`No files or folders to check.\n\n${USAGE}`);
  const server = prepareServer(args, io, version);
  if (server && isPlainHttpElsewhere(server.connection.baseUrl)) {
    await write(
      io.stderr,
      "bumpers: warning: --server is plain http://, so the token crosses the network unencrypted.\n",
    );
  }

  // Inputs first: a typo or invalid YAML is reported (exit 2) without a round trip to the server.
  const { manifests, notes } = await readManifests({ inputs, cwd: io.cwd, stdin: io.stdin, stdinName: args.stdinName });
  for (const note of notes) await write(io.stderr, `bumpers: ${note}\n`);

  // Loaded only in server mode: the client and its schemas are a noticeable part of the start-up time.
  const client = server ? await import("./server-client") : null;
  let policy: TPolicy = { source: "local", block: args.block };
  if (server && client) {
    const settings = await client.fetchPolicySettings(server.connection, server.scm.repository);
    policy = { source: "server", settings };
  }
  const report = runChecks(manifests, { policy, targetVersion: args.targetVersion });

  // stdout carries the machine-readable report only when it is not written to a file; messages for
  // people then go to stderr so that `> report.json` stays valid JSON.
  const stdoutIsReport = args.format !== "table" && !args.output;
  const human = stdoutIsReport ? io.stderr : io.stdout;
  const colorsOnStdout = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== "dumb";

  if (args.output) {
    const target = path.resolve(io.cwd, args.output);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, renderMain(args, report, version, policy, false));
    } catch (error) {
      throw usageError(
        `--output: cannot write ${args.output} (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  const stdoutArgs: TCheckArgs = args.output ? { ...args, format: "table" } : args;
  await write(io.stdout, renderMain(stdoutArgs, report, version, policy, colorsOnStdout));

  if (manifests.length === 0) await write(io.stderr, "bumpers: no Kubernetes objects found in the inputs.\n");
  if (server && args.block !== "all" && args.block.size > 0) {
    await write(
      io.stderr,
      "bumpers: --block is ignored with --server: the organization's settings decide what blocks.\n",
    );
  }
  if (policy.source === "server") {
    const { team, passive } = policy.settings;
    if (team) await write(human, `Settings of the ${team.name} team (${team.slug}), which owns this repository.\n`);
    if (passive) await write(human, "Bumpers is in passive mode for this organization: nothing blocks.\n");
  }

  if (server && client && policy.source === "server") {
    const listed = policy.settings.checks.map((setting) => setting.id);
    const { upload, total, unknownToServer } = buildUpload(
      report,
      server.scm,
      listed.length > 0 ? new Set(listed) : null,
    );
    if (unknownToServer > 0) {
      await write(
        io.stderr,
        `bumpers: ${unknownToServer} failing check${unknownToServer === 1 ? " is" : "s are"} not uploaded: the server does not know ${unknownToServer === 1 ? "its check" : "their checks"} (it is older than this CLI).\n`,
      );
    }
    const uploadable = total - unknownToServer;
    if (upload.results.length < uploadable) {
      await write(
        io.stderr,
        `bumpers: uploading ${upload.results.length} of ${uploadable} failing checks, blocking and most severe first: the server takes at most ${MAX_UPLOAD_RESULTS} per run.\n`,
      );
    }
    const answer = await client.uploadScanResults(server.connection, upload);
    await write(
      human,
      `Reported to Bumpers: ${answer.findings} open finding${answer.findings === 1 ? "" : "s"} for ${server.scm.repository} (${answer.opened} new, ${answer.fixed} fixed): ${answer.url}\n`,
    );
  }
  return report.summary.blocking > 0 ? EXIT.blocking : EXIT.ok;
}

/** Run `bumpers …` and return its exit code; never throws, never prints a stack for a known error. */
export async function runCli(io: TCliIo): Promise<number> {
  try {
    const version = packageVersion();
    const args = parseCliArgs(io.argv);
    if (args.command === "help") {
      await write(io.stdout, USAGE);
      return EXIT.ok;
    }
    if (args.command === "version") {
      await write(io.stdout, `${version}\n`);
      return EXIT.ok;
    }
    return await check(args, io, version);
  } catch (error) {
    if (error instanceof CliError) {
      await write(io.stderr, `bumpers: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = io.env.BUMPERS_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    await write(
      io.stderr,
      `bumpers: unexpected error: ${error instanceof Error ? error.message : String(error)}${detail}\n(set BUMPERS_DEBUG=1 for details)\n`,
    );
    return EXIT.usage;
  }
}
