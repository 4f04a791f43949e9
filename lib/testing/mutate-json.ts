import fc from "fast-check";

// Mutations of real reports for property-based fuzzing: a few edits at random places of the tree
// (replace a value by random JSON, drop a key, null it, turn it into a string or an array), so
// the parsers and the ingest pipeline meet documents that are almost right, the hardest kind.

type TPath = (string | number)[];
export type TMutation = { at: number; op: "replace" | "delete" | "null" | "stringify" | "wrap"; value: unknown };

export const mutationsArbitrary = (maxEdits = 4): fc.Arbitrary<TMutation[]> =>
  fc.array(
    fc.record({
      at: fc.nat(),
      op: fc.constantFrom("replace", "delete", "null", "stringify", "wrap"),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
    { minLength: 1, maxLength: maxEdits },
  ) as fc.Arbitrary<TMutation[]>;

/** Every path in a JSON tree, parents before children (bounded: huge reports are sampled). */
export function pathsOf(root: unknown, limit = 5000): TPath[] {
  const out: TPath[] = [];
  const walk = (node: unknown, path: TPath) => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(root, []);
  return out;
}

/** A mutated deep copy of `root`; `paths` comes from pathsOf(root) (computed once per fixture). */
export function mutate(root: unknown, paths: TPath[], mutations: TMutation[]): unknown {
  let doc = structuredClone(root);
  for (const m of mutations) {
    const path = paths[m.at % paths.length];
    if (path.length === 0) {
      doc = m.op === "delete" || m.op === "null" ? null : m.op === "wrap" ? [doc] : m.value;
      continue;
    }
    const parent = resolve(doc, path.slice(0, -1));
    if (!parent || typeof parent !== "object") continue; // an earlier edit removed this branch
    const key = path[path.length - 1] as never;
    const current = (parent as Record<string, unknown>)[key];
    if (m.op === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
    } else {
      (parent as Record<string, unknown>)[key] =
        m.op === "null"
          ? null
          : m.op === "stringify"
            ? JSON.stringify(current ?? null)
            : m.op === "wrap"
              ? [current]
              : m.value;
    }
  }
  return doc;
}

function resolve(doc: unknown, path: TPath): unknown {
  let node = doc;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
