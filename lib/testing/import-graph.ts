// The project's import graph, resolved the way the compiler resolves it (tsconfig paths included),
// for the boundary tests: file-level cycles and the feature-level graph of lib/<feature> folders.
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type TImportGraph = Map<string, Set<string>>;

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(["node_modules", ".next", ".data", ".git", "generated", "test-results", "playwright-report"]);

function listSources(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) listSources(path.join(dir, entry.name), root, out);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(path.relative(root, path.join(dir, entry.name)));
    }
  }
}

/** How a file uses an import: "type" when every binding is `import type` (erased at runtime). */
export type TImportKind = "type" | "value";

/** Every import, export-from, dynamic import() and vi.mock() of the project's own files, by repo-relative path. */
export function buildImportGraph(root: string, dirs: readonly string[]): TImportGraph {
  return toGraph(buildImportEdges(root, dirs));
}

/** Like buildImportGraph, with whether each edge is type-only. */
export function buildImportEdges(root: string, dirs: readonly string[]): Map<string, Map<string, TImportKind>> {
  const configPath = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);

  const files: string[] = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    if (SOURCE.test(dir)) files.push(dir);
    else if (ts.sys.directoryExists(full)) listSources(full, root, files);
  }

  const edges = new Map<string, Map<string, TImportKind>>();
  for (const file of files) {
    const absolute = path.join(root, file);
    const source = ts.createSourceFile(absolute, ts.sys.readFile(absolute) ?? "", ts.ScriptTarget.Latest, false);
    const targets = new Map<string, TImportKind>();
    const add = (specifier: string, kind: TImportKind) => {
      const resolved = ts.resolveModuleName(specifier, absolute, options, ts.sys, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return;
      const target = path.relative(root, resolved.resolvedFileName);
      if (target.startsWith("..") || target.endsWith(".d.ts") || target.includes("node_modules")) return;
      if (targets.get(target) !== "value") targets.set(target, kind);
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, importKind(node));
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, exportKind(node));
      } else if (ts.isCallExpression(node) && isModuleCall(node) && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, "value");
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    edges.set(file, targets);
  }
  return edges;
}

function importKind(node: ts.ImportDeclaration): TImportKind {
  const clause = node.importClause;
  if (!clause) return "value"; // a side-effect import runs the module
  if (clause.isTypeOnly) return "type";
  if (clause.name) return "value";
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0) {
    return bindings.elements.every((element) => element.isTypeOnly) ? "type" : "value";
  }
  return "value";
}

function exportKind(node: ts.ExportDeclaration): TImportKind {
  if (node.isTypeOnly) return "type";
  const clause = node.exportClause;
  if (clause && ts.isNamedExports(clause) && clause.elements.length > 0) {
    return clause.elements.every((element) => element.isTypeOnly) ? "type" : "value";
  }
  return "value";
}

/** import("x"), vi.mock("x") and vi.importActual("x") name a module as much as an import does. */
function isModuleCall(node: ts.CallExpression): boolean {
  if (node.arguments.length === 0) return false;
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  const callee = node.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "vi" &&
    ["mock", "doMock", "importActual"].includes(callee.name.text)
  );
}

export function toGraph(
  edges: Map<string, Map<string, TImportKind>>,
  kinds: readonly TImportKind[] = ["type", "value"],
) {
  const graph: TImportGraph = new Map();
  for (const [file, targets] of edges) {
    graph.set(file, new Set([...targets].filter(([, kind]) => kinds.includes(kind)).map(([target]) => target)));
  }
  return graph;
}

/** Strongly connected components with more than one member (or a self-import): each one is a cycle. */
export function findCycles(graph: TImportGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];

  // Iterative Tarjan: the file graph is deep enough that recursion is a risk.
  for (const start of graph.keys()) {
    if (indices.has(start)) continue;
    const work: Array<{ node: string; edges: Iterator<string> }> = [];
    const visit = (node: string) => {
      indices.set(node, index);
      lowLinks.set(node, index);
      index++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: (graph.get(node) ?? new Set<string>()).values() });
    };
    visit(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const next = frame.edges.next();
      if (!next.done) {
        const target = next.value;
        if (!indices.has(target)) visit(target);
        else if (onStack.has(target)) {
          lowLinks.set(frame.node, Math.min(lowLinks.get(frame.node)!, indices.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLinks.set(parent, Math.min(lowLinks.get(parent)!, lowLinks.get(frame.node)!));
      }
      if (lowLinks.get(frame.node) === indices.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = graph.get(frame.node)?.has(frame.node) ?? false;
        if (component.length > 1 || selfImport) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** The lib/<feature> folder a file belongs to, or null outside lib/. */
export function featureOf(file: string): string | null {
  // Server actions are entry points, like routes in app/: they live beside their feature for
  // reading, but sit on top of every layer (they call the action wrapper of lib/api, which
  // authorizes through lib/auth), so they count as one composition layer of their own.
  if (/^lib\/[^/]+\/actions\.ts$/.test(file)) return "actions";
  const match = /^lib\/([^/]+)\//.exec(file);
  return match ? match[1] : null;
}

/** Feature → features it imports, with one example edge each (for messages and the diagram). */
export function featureGraph(graph: TImportGraph, skip: (file: string) => boolean = () => false) {
  const features: TImportGraph = new Map();
  const examples = new Map<string, string>();
  for (const [from, targets] of graph) {
    const source = featureOf(from);
    if (!source || skip(from)) continue;
    if (!features.has(source)) features.set(source, new Set());
    for (const to of targets) {
      const target = featureOf(to);
      if (!target || target === source || skip(to)) continue;
      features.get(source)!.add(target);
      const key = `${source} -> ${target}`;
      if (!examples.has(key)) examples.set(key, `${from} -> ${to}`);
    }
  }
  return { features, examples };
}
