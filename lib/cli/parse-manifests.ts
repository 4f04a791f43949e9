import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type YAMLError } from "yaml";
import { isRecord } from "../policies/pod-spec";
import type { TKubeObject } from "../policies/types";
import { usageError } from "./errors";

/** One Kubernetes object read from the inputs, with where it came from. */
export type TManifest = {
  /** Path relative to the working directory with forward slashes, or the name given to stdin. */
  file: string;
  /** 1-based line where the object starts. */
  line: number;
  object: TKubeObject;
  apiVersion: string;
  kind: string;
  /** "" when the manifest has none (helm template output often leaves it to the install). */
  namespace: string;
  name: string;
  /** Line of a field given as a check's JSON path (`spec.template.spec.containers[0].image`): its deepest part present in the file. */
  lineOf: (path: string) => number;
};

export type TSourceLanguage = "yaml" | "json";

function syntaxError(file: string, language: TSourceLanguage, error: YAMLError, more: number): Error {
  const [start] = error.linePos ?? [];
  const where = start ? `${file}:${start.line}:${start.col}` : file;
  const [headline, ...snippet] = error.message.split("\n");
  const reason = headline.replace(/ at line \d+, column \d+:?$/, "");
  const context = snippet.filter((line) => line.trim() !== "").map((line) => `    ${line}`);
  const tail = more > 0 ? `\n(${more} more error${more === 1 ? "" : "s"} after this one)` : "";
  const label = language === "json" ? "JSON" : "YAML";
  return usageError(`${where}: invalid ${label}: ${reason}${context.length ? `\n${context.join("\n")}` : ""}${tail}`);
}

function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return segments;
    if (match[1]) segments.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function makeLineOf(root: YamlNode, objectLine: number, lineCounter: LineCounter): (path: string) => number {
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  return (path) => {
    let node: unknown = root;
    let line = objectLine;
    for (const segment of pathSegments(path)) {
      if (typeof segment === "string" && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
        if (!pair) break;
        // The key's line: for a nested mapping value, the value itself starts a line later.
        if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else if (typeof segment === "number" && isSeq(node)) {
        const item = node.items[segment];
        if (!item) break;
        if ((isMap(item) || isSeq(item) || isScalar(item)) && item.range) line = lineAt(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
}

function isListKind(kind: unknown): boolean {
  // `kubectl get -o yaml` writes kind: List; the API itself answers DeploymentList, PodList, …
  return typeof kind === "string" && kind.endsWith("List");
}

function toManifest(
  value: unknown,
  node: YamlNode | undefined,
  file: string,
  lineCounter: LineCounter,
  fallbackLine: number,
): TManifest | null {
  if (!isRecord(value)) return null;
  const { apiVersion, kind } = value;
  // Documents without both (Helm values, Chart.yaml, CI configs found in a folder) are not Kubernetes objects.
  if (typeof kind !== "string" || kind === "" || typeof apiVersion !== "string" || apiVersion === "") return null;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name =
    typeof metadata.name === "string"
      ? metadata.name
      : typeof metadata.generateName === "string"
        ? metadata.generateName
        : "";
  const line = node?.range ? lineCounter.linePos(node.range[0]).line : fallbackLine;
  return {
    file,
    line,
    object: value,
    apiVersion,
    kind,
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : "",
    name,
    lineOf: node ? makeLineOf(node, line, lineCounter) : () => line,
  };
}

/**
 * Every Kubernetes object in a YAML stream or JSON text: each `---` document, the elements of a
 * top-level array, and the items of a `kind: List`. Throws a CliError (exit 2) naming the file,
 * line and column of the first syntax error.
 */
export function parseManifests(text: string, file: string, language: TSourceLanguage): TManifest[] {
  const lineCounter = new LineCounter();
  // YAML 1.1 is what the Kubernetes API machinery decodes (yes/on are booleans, 0644 is octal), so
  // a manifest means here what it means to the cluster. JSON keeps the JSON-compatible 1.2 core schema.
  const documents = parseAllDocuments(text, { lineCounter, version: language === "json" ? "1.2" : "1.1" });
  const manifests: TManifest[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw syntaxError(file, language, document.errors[0], document.errors.length - 1);
    }
    const root = document.contents;
    if (root === null) continue;
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      const line = root.range ? lineCounter.linePos(root.range[0]).line : 1;
      throw usageError(
        `${file}:${line}: cannot read the document: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const rootLine = root.range ? lineCounter.linePos(root.range[0]).line : 1;
    const push = (item: unknown, node: YamlNode | undefined) => {
      const manifest = toManifest(item, node, file, lineCounter, rootLine);
      if (manifest) manifests.push(manifest);
    };
    if (Array.isArray(value)) {
      const nodes = isSeq(root) ? root.items : [];
      value.forEach((item, index) => push(item, nodes[index] as YamlNode | undefined));
    } else if (isRecord(value) && isListKind(value.kind) && Array.isArray(value.items)) {
      const itemsNode = isMap(root) ? root.get("items", true) : undefined;
      const nodes = isSeq(itemsNode) ? itemsNode.items : [];
      value.items.forEach((item, index) => push(item, nodes[index] as YamlNode | undefined));
    } else {
      push(value, root);
    }
  }
  return manifests;
}
