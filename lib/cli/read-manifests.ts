import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { CliError, usageError } from "./errors";
import { parseManifests, type TManifest, type TSourceLanguage } from "./parse-manifests";

const MANIFEST_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);
/** Never manifests, and large: walking them would only slow a `bumpers check .` down. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
const STDIN_LABEL = "<stdin>";

export type TReadInput = {
  inputs: readonly string[];
  cwd: string;
  stdin: Readable;
  /** Shown instead of "<stdin>" (and used as the SARIF location) for piped input. */
  stdinName: string | null;
};

export type TReadResult = {
  manifests: TManifest[];
  /** Notes for the person running the check (files skipped and why). */
  notes: string[];
  filesRead: number;
};

type TSource = { kind: "stdin" } | { kind: "file"; absolute: string; foundInFolder: boolean };

/** Relative to the working directory with forward slashes: what SARIF and CI annotations expect. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === "" ? path.basename(absolute) : relative).split(path.sep).join("/");
}

function languageOf(file: string, text: string): TSourceLanguage {
  if (path.extname(file).toLowerCase() === ".json") return "json";
  if (path.extname(file) === "") return /^\s*[[{]/.test(text) ? "json" : "yaml";
  return "yaml";
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(full)));
    } else if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      // Symlinked files are read; symlinked folders are not followed, so a link loop cannot hang the check.
      if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile())) {
        files.push(full);
      }
    }
  }
  return files;
}

function describeFsError(input: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return usageError(`${input}: no such file or folder.`);
  if (code === "EACCES" || code === "EPERM") return usageError(`${input}: permission denied.`);
  return usageError(`${input}: cannot be read (${error instanceof Error ? error.message : String(error)}).`);
}

async function collectSources(inputs: readonly string[], cwd: string): Promise<TSource[]> {
  const sources: TSource[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, foundInFolder: boolean) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    sources.push({ kind: "file", absolute, foundInFolder });
  };
  for (const input of inputs) {
    if (input === "-") {
      if (!sources.some((source) => source.kind === "stdin")) sources.push({ kind: "stdin" });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: unknown) => {
      throw describeFsError(input, error);
    });
    if (info.isDirectory()) {
      const files = await walk(absolute).catch((error: unknown) => {
        throw describeFsError(input, error);
      });
      for (const file of files) add(file, true);
    } else {
      add(absolute, false);
    }
  }
  return sources;
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Read and parse every input. Throws CliError (exit 2) for a missing file or a syntax error. */
export async function readManifests({ inputs, cwd, stdin, stdinName }: TReadInput): Promise<TReadResult> {
  const sources = await collectSources(inputs, cwd);
  const manifests: TManifest[] = [];
  const notes: string[] = [];
  for (const source of sources) {
    if (source.kind === "stdin") {
      const text = await readStream(stdin);
      const label = stdinName ?? STDIN_LABEL;
      manifests.push(...parseManifests(text, label, languageOf(stdinName ?? "", text)));
      continue;
    }
    const file = displayPath(source.absolute, cwd);
    const text = await readFile(source.absolute, "utf8").catch((error: unknown) => {
      throw describeFsError(file, error);
    });
    try {
      manifests.push(...parseManifests(text, file, languageOf(source.absolute, text)));
    } catch (error) {
      // A chart's templates/ folder holds Go templates, not YAML: skip them when walking a folder
      // rather than failing the whole check; a file named on the command line still fails.
      if (source.foundInFolder && text.includes("{{") && error instanceof CliError) {
        notes.push(
          `Skipped ${file}: not valid YAML, and it looks like a Helm template (render it with helm template and pipe it in).`,
        );
        continue;
      }
      throw error;
    }
  }
  return { manifests, notes, filesRead: sources.length };
}
