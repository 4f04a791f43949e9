import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort, waitForHealthy } from "./ports";

// What the HTTP benchmarks (bench-findings, bench-cost) share: `next start` on loopback against a
// scratch database, and measuring a list of views with autocannon into a Markdown table.

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function percentile(values: number[], p: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

export const uptimeLoad = () =>
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`;

export type TBenchApp = { base: string; stop: () => Promise<void> };

/** `next start` from the build in `root` against `databaseUrl`, healthy before it returns. */
export async function startBenchApp(root: string, databaseUrl: string, port = 0): Promise<TBenchApp> {
  const chosen = port || (await freePort());
  const app: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(chosen)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: "bench-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${chosen}`,
        NODE_ENV: "production",
        // One token at full speed is the point here: measure the views, not the 429s of its limit.
        BUMPERS_RATE_LIMIT_API_PER_MINUTE: "0",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const stop = async () => {
    if (app.exitCode !== null) return;
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  };
  const base = `http://127.0.0.1:${chosen}`;
  try {
    await waitForHealthy(`${base}/api/health`, { timeoutMs: 60_000, isAlive: () => app.exitCode === null });
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, stop };
}

export type TView = { name: string; url: string; headers: Record<string, string> };
export type TMeasureOptions = { only?: string; repeat: number; seconds: number; connections: number };

/**
 * Measures each view `repeat` times with autocannon and returns the Markdown table: the median of
 * each percentile over the runs, each run's p95 in brackets. A view that does not answer 200 is
 * listed, not measured.
 */
export async function measureViews(base: string, views: TView[], options: TMeasureOptions): Promise<string[]> {
  const table = ["| View | Requests | p50 | p95 | p99 | Errors |", "|---|---|---|---|---|---|"];
  for (const { name, url, headers } of views) {
    if (options.only && !name.toLowerCase().includes(options.only.toLowerCase())) continue;
    const probe = await fetch(base + url, { headers, redirect: "manual" });
    if (probe.status !== 200) {
      table.push(`| ${name} | — | — | — | — | answered ${probe.status}, not measured |`);
      continue;
    }
    const runs: { requests: number; p50: number; p95: number; p99: number; errors: number }[] = [];
    for (let run = 0; run < options.repeat; run++) {
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          { url: base + url, headers, connections: options.connections, duration: options.seconds },
          (err, res) => (err ? reject(err) : resolve(res)),
        );
        instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
      });
      runs.push({
        requests: latencies.length,
        p50: median(latencies),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: result.errors + result.non2xx,
      });
      console.error(
        `${name}, run ${run + 1}: p50 ${runs[run].p50.toFixed(0)} ms, p95 ${runs[run].p95.toFixed(0)} ms, ${uptimeLoad()}`,
      );
    }
    const of = (key: "requests" | "p50" | "p95" | "p99") => median(runs.map((r) => r[key])).toFixed(0);
    const p95s = runs.length > 1 ? ` (${runs.map((r) => r.p95.toFixed(0)).join(", ")})` : "";
    const errors = runs.reduce((n, r) => n + r.errors, 0);
    table.push(
      `| ${name} | ${of("requests")} | ${of("p50")} ms | ${of("p95")} ms${p95s} | ${of("p99")} ms | ${errors} |`,
    );
  }
  return table;
}
