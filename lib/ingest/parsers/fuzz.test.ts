import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport } from "../process/parse-report";
import { cleanReportBody } from "../clean-text";
import { findUnsafeString } from "@/lib/server/text-safety";
import { AppError } from "@/lib/server/errors";
import {
  dirtsArbitrary,
  dirtyBytes,
  dirtyStrings,
  mutate,
  mutationsArbitrary,
  pathsOf,
} from "@/lib/testing/mutate-json";
import { ReportShapeError } from "./types";

// Property: for any input, a parser returns a result or throws ReportShapeError (answered 422 with
// the path). Anything else would be a 500 or a report stuck in the queue. Runs are bounded for CI;
// FUZZ_RUNS raises them locally, and a failure prints the seed and the shrunk counterexample.

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const shared = (name: string) => path.resolve(process.cwd(), "../shared/fixtures", name);
const local = (name: string) => path.resolve(process.cwd(), "lib/ingest/parsers/fixtures", name);
const load = (file: string) => JSON.parse(readFileSync(file, "utf8")) as unknown;

const FIXTURES: [type: string, file: string][] = [
  ["polaris", shared("polaris/audit-dashboard-sample.json")],
  ["trivy", shared("trivy-insights/v0.27-latest.json")],
  ["trivy", shared("trivy/alpine-39.json")],
  ["pluto", shared("pluto/docs-output-example.json")],
  ["nova", shared("nova/usage-output-example.json")],
  ["kube-bench", shared("kube-bench/result.json")],
  ["kube-bench", local("kube-bench-agent.json")],
  ["goldilocks", local("goldilocks-summary-mixed.json")],
  ["workloads", local("workloads-report.json")],
  ["opencost", shared("opencost/allocation-example-output.json")],
  ["cloudcosts", shared("cloud-costs/aws_standard.json")],
];
const TYPES = [...new Set(FIXTURES.map(([type]) => type))];

function parsesOrRefuses(type: string, json: unknown): void {
  try {
    parseReport(type, json);
  } catch (err) {
    if (!(err instanceof ReportShapeError)) {
      throw new Error(`${type}: ${(err as Error)?.name}: ${(err as Error)?.message}`, { cause: err });
    }
    expect(err.path.length).toBeGreaterThan(0);
  }
}

describe("parsers under fuzzing", () => {
  it.each(FIXTURES)("%s (%s): mutated real reports parse or are refused with a path", (type, file) => {
    const doc = load(file);
    const paths = pathsOf(doc);
    fc.assert(
      fc.property(mutationsArbitrary(), (mutations) => parsesOrRefuses(type, mutate(doc, paths, mutations))),
      { numRuns: RUNS },
    );
  });

  it.each(TYPES)("%s: random JSON documents parse or are refused with a path", (type) => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => parsesOrRefuses(type, json)),
      { numRuns: RUNS },
    );
  });

  // Issue 16: NUL, lone surrogates and invalid UTF-8 in any string or key of a real report. What
  // the upload route stores is the cleaned body (clean-text.ts); from it, every parser must either
  // refuse with a path or return only text PostgreSQL can hold, so an acknowledged report is
  // never lost in the worker for its bytes.
  it.each(FIXTURES)("%s (%s): dirty strings are cleaned and parse into storable text", (type, file) => {
    const doc = load(file);
    fc.assert(
      fc.property(dirtsArbitrary(), fc.nat(), (dirts, seed) => {
        const raw = dirtyBytes(dirtyStrings(doc, dirts), seed);
        let cleaned: ReturnType<typeof cleanReportBody>;
        try {
          cleaned = cleanReportBody(raw);
        } catch (err) {
          // Only a body that is not JSON at all may be refused here, with a 400.
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).status).toBe(400);
          return;
        }
        expect(findUnsafeString(cleaned.json)).toBeNull();
        expect(cleaned.body.toString("utf8")).not.toMatch(/\\u0000|\u0000/);
        expect(Buffer.from(cleaned.body.toString("utf8")).equals(cleaned.body)).toBe(true);
        try {
          expect(findUnsafeString(parseReport(type, cleaned.json))).toBeNull();
        } catch (err) {
          if (!(err instanceof ReportShapeError)) throw err;
        }
      }),
      { numRuns: Math.min(RUNS, 60) },
    );
  });
});
