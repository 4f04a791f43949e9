import { readFileSync } from "node:fs";
import path from "node:path";

// Report fixtures for tests: the shared, upstream-documented outputs (../shared/fixtures/…, next to
// the repository) and the ones built here (lib/ingest/parsers/fixtures/…, see their SOURCE.md).

/** The raw bytes of a fixture, `path` relative to the repository (what an agent would upload). */
export function fixtureBytes(relativePath: string) {
  return readFileSync(path.resolve(process.cwd(), relativePath));
}

/** A fixture parsed as JSON, `path` relative to the repository; cast to the shape a test reads. */
export function fixtureJson<T = unknown>(relativePath: string): T {
  return JSON.parse(fixtureBytes(relativePath).toString("utf8")) as T;
}

/** One of the shared fixtures (`nova/usage-output-example.json`), parsed. */
export const sharedFixture = <T = unknown>(name: string): T => fixtureJson<T>(`../shared/fixtures/${name}`);

/** One of the parsers' own fixtures (`goldilocks-summary.json`), parsed. */
export const parserFixture = <T = unknown>(name: string): T => fixtureJson<T>(`lib/ingest/parsers/fixtures/${name}`);
