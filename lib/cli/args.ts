import { parseArgs } from "node:util";
import { BUILT_IN_CHECKS } from "../policies/checks";
import { parseKubernetesVersion, type TKubernetesVersion } from "../policies/deprecations";
import { usageError } from "./errors";

export const OUTPUT_FORMATS = ["table", "json", "sarif"] as const;
export type TOutputFormat = (typeof OUTPUT_FORMATS)[number];

export type TCheckArgs = {
  command: "check";
  /** Files and folders; "-" is standard input. Empty means standard input when it is piped. */
  inputs: string[];
  targetVersion: TKubernetesVersion | null;
  /** As typed, for the reports ("1.29"). */
  targetVersionLabel: string | null;
  format: TOutputFormat;
  output: string | null;
  /** Check ids that block without a server; "all" blocks every check. */
  block: Set<string> | "all";
  server: string | null;
  repository: string | null;
  branch: string | null;
  commit: string | null;
  stdinName: string | null;
};

export type TParsedArgs = { command: "help" } | { command: "version" } | TCheckArgs;

const OPTIONS = {
  "target-version": { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  block: { type: "string", multiple: true },
  server: { type: "string" },
  repository: { type: "string" },
  branch: { type: "string" },
  commit: { type: "string" },
  "stdin-name": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const KNOWN_CHECK_IDS = new Set(BUILT_IN_CHECKS.map((check) => check.id));

function parseBlock(values: string[] | undefined): Set<string> | "all" {
  const ids = (values ?? []).flatMap((value) =>
    value
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  );
  if (ids.includes("all")) return "all";
  const unknown = ids.filter((id) => !KNOWN_CHECK_IDS.has(id));
  if (unknown.length > 0) {
    throw usageError(
      `--block: unknown check ${unknown.map((id) => `"${id}"`).join(", ")}. Known checks: ${[...KNOWN_CHECK_IDS].join(", ")}, or "all".`,
    );
  }
  return new Set(ids);
}

function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--server: "${value}" is not a URL (expected e.g. https://bumpers.example.com).`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw usageError(`--server: "${value}" must be an http:// or https:// URL.`);
  }
  if (url.search || url.hash) throw usageError(`--server: give the server's base URL, without ?query or #fragment.`);
  return url.toString().replace(/\/+$/, "");
}

function unknownOptionHint(message: string): string {
  // A token on the command line ends up in CI logs and process listings; say where it goes instead.
  if (/'--token'/.test(message)) {
    return "There is no --token option: set the BUMPERS_TOKEN environment variable (a token on the command line leaks into CI logs).";
  }
  return message.replace(/\. To specify a positional argument.*$/s, ".");
}

function nonEmpty(value: string | undefined, option: string): string | null {
  if (value === undefined) return null;
  if (value.trim() === "") throw usageError(`${option} needs a value.`);
  return value.trim();
}

/** Parse the command line (without `node` and the script). Throws CliError (exit 2) on misuse. */
export function parseCliArgs(argv: readonly string[]): TParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(unknownOptionHint(error instanceof Error ? error.message : String(error)));
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  if (values.version) return { command: "version" };
  if (values.help || command === "help") return { command: "help" };
  if (command === undefined) throw usageError("Missing command: bumpers check <files or folders>.");
  if (command !== "check") throw usageError(`Unknown command "${command}". The command is: bumpers check.`);

  const format = values.format ?? "table";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw usageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")} (got "${format}").`);
  }

  const targetVersionLabel = nonEmpty(values["target-version"], "--target-version");
  const targetVersion = targetVersionLabel === null ? null : parseKubernetesVersion(targetVersionLabel);
  if (targetVersionLabel !== null && !targetVersion) {
    throw usageError(`--target-version: "${targetVersionLabel}" is not a Kubernetes version (expected e.g. 1.29).`);
  }

  return {
    command: "check",
    inputs,
    targetVersion,
    targetVersionLabel,
    format: format as TOutputFormat,
    output: nonEmpty(values.output, "--output"),
    block: parseBlock(values.block),
    server: values.server === undefined ? null : parseServerUrl(values.server),
    repository: nonEmpty(values.repository, "--repository"),
    branch: nonEmpty(values.branch, "--branch"),
    commit: nonEmpty(values.commit, "--commit"),
    stdinName: nonEmpty(values["stdin-name"], "--stdin-name"),
  };
}
