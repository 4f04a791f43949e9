import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildImportEdges,
  featureGraph,
  featureOf,
  findCycles,
  toGraph,
  type TImportGraph,
  type TImportKind,
} from "./import-graph";

// The layering of docs/architecture-graph.md, checked on the real import graph (resolved with the
// project's tsconfig, type-only imports included): ESLint's import/no-cycle sees runtime cycles
// file by file; this also sees type-only ones and cycles between whole features.

const root = path.resolve(__dirname, "../..");

/** Feature cycles accepted on purpose, each with its reason. Keep the list this short. */
const ALLOWED_FEATURE_CYCLES: ReadonlyArray<{ features: string[]; why: string }> = [
  {
    features: ["notifications", "tickets"],
    why:
      "Jira and GitHub are connections like Slack: Settings → Integrations saves and tests them through " +
      "the notifications connection verbs (which sign in through the ticket providers), and ticket calls " +
      "report a broken connection through the same health and admin notice as messages.",
  },
];

/** Code that exists for tests: factories, fakes, uploads through the worker. */
function isTestSupport(file: string): boolean {
  return (
    /\.test\.tsx?$/.test(file) ||
    file.startsWith("lib/testing/") ||
    file.includes("/testing/") ||
    file.endsWith("-testing.ts") ||
    file.endsWith("test-helpers.ts")
  );
}

let edges: Map<string, Map<string, TImportKind>>;
let graph: TImportGraph;

beforeAll(() => {
  edges = buildImportEdges(root, ["lib", "app", "components", "scripts", "prisma", "e2e", "proxy.ts"]);
  graph = toGraph(edges);
  // Parsing ~900 files takes seconds, more on a busy CI machine.
}, 180_000);

function importsOf(predicate: (file: string) => boolean) {
  const found: Array<{ from: string; to: string; kind: TImportKind }> = [];
  for (const [from, targets] of edges) {
    if (!predicate(from)) continue;
    for (const [to, kind] of targets) found.push({ from, to, kind });
  }
  return found;
}

describe("import boundaries", () => {
  it("resolves the project's imports (the graph is not empty)", () => {
    expect(graph.size).toBeGreaterThan(500);
    expect(graph.get("scripts/worker.ts")).toContain("lib/worker/worker.ts");
  });

  it("finds a cycle when there is one", () => {
    const cyclic: TImportGraph = new Map([
      ["lib/a/x.ts", new Set(["lib/b/y.ts"])],
      ["lib/b/y.ts", new Set(["lib/a/x.ts"])],
      ["lib/c/z.ts", new Set(["lib/a/x.ts"])],
    ]);
    expect(findCycles(cyclic)).toEqual([["lib/a/x.ts", "lib/b/y.ts"]]);
  });

  it("has no import cycle between files", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("has no cycle between lib/<feature> folders beyond the written allow-list", () => {
    const { features, examples } = featureGraph(graph, isTestSupport);
    const allowed = new Set(ALLOWED_FEATURE_CYCLES.map((cycle) => [...cycle.features].sort().join(",")));
    const cycles = findCycles(features).filter((cycle) => !allowed.has(cycle.join(",")));
    const explained = cycles.map((cycle) =>
      [...examples].filter(([pair]) => cycle.some((a) => cycle.some((b) => pair === `${a} -> ${b}`))).map(([, e]) => e),
    );
    expect(explained).toEqual([]);
  });

  it("keeps lib/domain free of feature imports and lib/server free of features", () => {
    const wrong = importsOf((file) => !isTestSupport(file))
      .filter(({ from, to }) => {
        const source = featureOf(from);
        const target = featureOf(to);
        if (source === "domain") return target !== "domain";
        if (source === "server") return target !== "server" && target !== "generated";
        return false;
      })
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(wrong).toEqual([]);
  });

  it("keeps tests' factories and fakes out of the app's own code", () => {
    const app = (file: string) => /^(lib|app|components)\//.test(file) && !isTestSupport(file) && file !== "proxy.ts";
    const wrong = importsOf(app)
      .filter(({ to }) => isTestSupport(to))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(wrong).toEqual([]);
  });

  it("lets only a feature itself import its internal/ folders", () => {
    const wrong = importsOf((file) => !isTestSupport(file))
      .filter(({ from, to }) => /\/internal\//.test(to) && featureOf(from) !== featureOf(to))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(wrong).toEqual([]);
  });

  it("lets components import server-only modules for their types only", () => {
    const serverOnly = new Map<string, boolean>();
    const isServerOnly = (file: string) => {
      if (!serverOnly.has(file)) {
        serverOnly.set(file, /^import "server-only";/m.test(readFileSync(path.join(root, file), "utf8")));
      }
      return serverOnly.get(file)!;
    };
    const wrong = importsOf((file) => file.startsWith("components/") && !isTestSupport(file))
      .filter(({ to, kind }) => kind === "value" && to.startsWith("lib/") && isServerOnly(to))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(wrong).toEqual([]);
  });
});
