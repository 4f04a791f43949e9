import { spawn, type SpawnOptions } from "node:child_process";

export type TRunResult = { code: number | null; signal: NodeJS.Signals | null };

/** Writes each complete line of a stream with a prefix, so interleaved tools stay readable. */
export function prefixLines(stream: NodeJS.ReadableStream, prefix: string, out: NodeJS.WritableStream): void {
  let pending = "";
  stream.setEncoding?.("utf8");
  stream.on("data", (chunk: string) => {
    // Progress bars redraw with \r; keep only what the line ends up showing.
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) out.write(`${prefix}${line.split("\r").pop()}\n`);
  });
  stream.on("end", () => {
    if (pending) out.write(`${prefix}${pending.split("\r").pop()}\n`);
  });
}

/** Runs a command to completion with its output streamed line by line under `[label] `. */
export function runStreamed(
  label: string,
  command: string,
  args: string[],
  options: Omit<SpawnOptions, "stdio"> = {},
): Promise<TRunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    prefixLines(child.stdout!, `[${label}] `, process.stdout);
    prefixLines(child.stderr!, `[${label}] `, process.stderr);
    child.on("error", (err) => {
      process.stderr.write(`[${label}] could not start ${command}: ${err.message}\n`);
      resolve({ code: 127, signal: null });
    });
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
}
