import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { db, pool } from "@/lib/server/db";
import { createDatabaseIfMissing } from "./local-postgres";
import {
  createScratchDatabase,
  ensurePostgresServer,
  type TPostgresServer,
  type TScratchDatabase,
} from "./scratch-database";

// What the benchmarks (scripts/bench-*.ts) share: their command line (the load and fault scripts'
// too), a migrated database on DATABASE_URL's server (or an embedded one), a seeded generator and
// the report's lines.

export const root = path.resolve(import.meta.dirname, "../..");

/** `--short`: the quick run CI makes. */
export const SHORT = process.argv.includes("--short");

/** The value after `--name` on the command line. */
export function argText(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** A number after `--name`, or `fallback`. */
export const argNumber = (name: string, fallback: number): number => Number(argText(name) ?? fallback);

/** A small deterministic generator, so runs are comparable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

/** The report's machine line: CPUs, memory, Node and which PostgreSQL ran. */
export function machineLine(server: TPostgresServer): string {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL: ${server.embedded ? "embedded" : "DATABASE_URL server"}\n`;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each named statement, as the report's Markdown sections. */
export async function explainPlans(
  connections: typeof pool,
  plans: [name: string, query: { text: string; values: unknown[] }][],
): Promise<string> {
  const sections: string[] = [];
  for (const [name, query] of plans) {
    const { rows } = await connections.query<{ "QUERY PLAN": string }>({
      text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
      values: query.values,
    });
    sections.push(`#### ${name}\n\n\`\`\`\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\``);
  }
  return sections.join("\n\n");
}

/** The report of an HTTP benchmark: its summary line, the machine, the latency table and the plans. */
export function printReport(summary: string, server: TPostgresServer, table: string[], plans: string): void {
  console.log(summary);
  console.log(machineLine(server));
  console.log(table.join("\n"));
  console.log(`\n${plans}`);
}

export type TBenchOrg = {
  org: { id: string };
  user: { id: string; email: string };
  teams: { id: string; slug: string }[];
};

/** The data of an earlier run kept with --database: the org, its owner and its teams (`what` says which rows are reused). */
export async function loadBenchOrg(
  database: typeof db,
  orgId: string,
  ownerEmail: string,
  what: string,
): Promise<TBenchOrg> {
  const user = await database.user.findUniqueOrThrow({ where: { email: ownerEmail } });
  const teams = await database.team.findMany({ where: { orgId }, orderBy: { slug: "asc" } });
  console.error(`reusing ${what} written by an earlier run`);
  return { org: { id: orgId }, user, teams };
}

/** A team owning every workload of `cluster` (every cluster by default): the owner benches route alerts and tickets to. */
export async function createOwnerTeam(orgId: string, team: { slug: string; name: string; cluster?: string }) {
  const { db: database } = await import("@/lib/server/db");
  const cluster = team.cluster ?? "*";
  return database.team.create({
    data: {
      orgId,
      slug: team.slug,
      name: team.name,
      scopeRules: [{ effect: "include", cluster, namespace: "*", kind: "*", name: "*", labels: {} }],
    },
  });
}

/** The columns a findings COPY starts with: what the finding is. */
export const FINDING_COLUMNS = [
  "org_id",
  "cluster_id",
  "fingerprint",
  "source",
  "check_id",
  "category",
  "severity",
  "score",
  "title",
];
/** The object a finding is on. */
export const FINDING_OBJECT_COLUMNS = ["namespace", "kind", "name", "container"];

export type TBenchDatabase = { server: TPostgresServer; database: TScratchDatabase };

/**
 * Runs `body` against a migrated database: a scratch one named `<prefix>_…`, dropped afterwards,
 * or with `keep` (--database) that database, created when missing and kept for the next run.
 * With `build`, makes the production build first when there is none (the HTTP benchmarks run
 * `next start`). DATABASE_URL and the secrets are set for the lib code `body` imports.
 */
export async function withBenchDatabase<T>(
  options: { prefix: string; keep?: string; build?: boolean },
  body: (bench: TBenchDatabase) => Promise<T>,
): Promise<T> {
  if (options.build && !existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error("No production build: running `next build` first…");
    spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  }
  const server = await ensurePostgresServer({ dir: path.join(root, ".data/bench-postgres") });
  const database = options.keep
    ? await namedDatabase(server.url, options.keep)
    : await createScratchDatabase(server.url, options.prefix);
  process.env.DATABASE_URL = database.url;
  process.env.BUMPERS_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  process.env.NEXTAUTH_SECRET ||= "bench";
  try {
    const { migrate } = await import("@/lib/server/migrations");
    await migrate(database.url);
    return await body({ server, database });
  } finally {
    await database.dispose();
    await server.stop();
  }
}

/** A database kept between runs (--database): created when missing, never dropped. */
async function namedDatabase(serverUrl: string, name: string): Promise<TScratchDatabase> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  await createDatabaseIfMissing(admin.toString(), name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, dispose: async () => {} };
}

/** Runs a benchmark's main(); a failure prints the error and exits 1. */
export function runBenchmark(main: () => Promise<unknown>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
