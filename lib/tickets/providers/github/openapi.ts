import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";

// GitHub's published OpenAPI 3.0 description (@octokit/openapi) as validators, for the contract
// test. OpenAPI 3.0's `nullable: true` is not JSON Schema: each nullable schema becomes
// anyOf [null, itself] (ajv's own `nullable` option misses `enum`s and `$ref` siblings). `$ref`s
// into #/components resolve because every compiled schema carries the document's components.

type TNode = Record<string, unknown>;
export type TOpenApi = { paths: Record<string, Record<string, TNode>>; components: TNode };

const FILE = "node_modules/@octokit/openapi/generated/api.github.com.json";

function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (!node || typeof node !== "object") return node;
  const out: TNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== "nullable" && key !== "example" && key !== "examples") out[key] = withoutNullable(value);
  }
  return (node as TNode).nullable === true ? { anyOf: [{ type: "null" }, out] } : out;
}

export function loadGithubOpenApi(root = process.cwd()): TOpenApi {
  const raw = JSON.parse(readFileSync(path.join(root, FILE), "utf8")) as TOpenApi;
  return { paths: raw.paths, components: withoutNullable(raw.components) as TNode };
}

/** The OpenAPI operation whose path template matches a concrete path (`/repos/acme/platform/issues/1`). */
export function operationFor(
  doc: TOpenApi,
  method: string,
  concretePath: string,
): { template: string; op: TNode } | null {
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    const op = item[method.toLowerCase()];
    if (op && pattern.test(concretePath)) return { template, op };
  }
  return null;
}

const deref = (doc: TOpenApi, node: TNode | undefined): TNode | undefined => {
  const ref = node?.$ref;
  if (typeof ref !== "string") return node;
  return ref
    .split("/")
    .slice(1)
    .reduce<unknown>((at, key) => (at as TNode)[key], doc) as TNode;
};

export function requestSchema(doc: TOpenApi, op: TNode): unknown {
  const body = deref(doc, op.requestBody as TNode | undefined);
  return ((body?.content as TNode | undefined)?.["application/json"] as TNode | undefined)?.schema;
}

export function responseSchema(doc: TOpenApi, op: TNode, status: number): unknown {
  const response = deref(doc, (op.responses as TNode)[String(status)] as TNode | undefined);
  return ((response?.content as TNode | undefined)?.["application/json"] as TNode | undefined)?.schema;
}

/** A validator for one schema of the document: errors as readable lines, none when valid. */
export function validatorFor(doc: TOpenApi) {
  const ajv = new Ajv({ allErrors: true, format: "full" });
  // OpenAPI's integer formats: the type says enough.
  for (const format of ["int32", "int64"]) ajv.addFormat(format, () => true);
  const compiled = new WeakMap<object, Ajv.ValidateFunction>();
  return (schema: unknown, data: unknown): string[] => {
    const key = schema as object;
    const validate =
      compiled.get(key) ?? ajv.compile({ ...(withoutNullable(schema) as TNode), components: doc.components });
    compiled.set(key, validate);
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => `${e.dataPath || "(root)"} ${e.message ?? ""}`);
  };
}
