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

// Bytes PostgreSQL cannot store, put into the strings of real reports (issue 16): NUL, lone
// surrogates (escaped in JSON as \ud800) and, after serializing, raw bytes that are not UTF-8.

/** A private-use character that stands for "invalid bytes here" until dirtyBytes replaces it. */
const INVALID_MARK = "\uE000";
const INVALID_MARK_BYTES = Buffer.from(INVALID_MARK);
const INVALID_SEQUENCES = [[0xff], [0xfe, 0xff], [0x80], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80]];

export type TDirt = { at: number; where: number; text: string };

export const dirtArbitrary = (): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff", "\uFFFD", "\u{1F600}", INVALID_MARK), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => parts.join(""));

/** Edits that put dirt into some of a document's strings and keys (`at` picks one, `where` a position in it). */
export const dirtsArbitrary = (maxEdits = 4): fc.Arbitrary<TDirt[]> =>
  fc.array(fc.record({ at: fc.nat(), where: fc.nat(), text: dirtArbitrary() }), { minLength: 1, maxLength: maxEdits });

/** A deep copy of `root` with dirt inserted into strings and object keys chosen by `dirts`. */
export function dirtyStrings(root: unknown, dirts: TDirt[]): unknown {
  let count = 0;
  const countStrings = (node: unknown): void => {
    if (typeof node === "string") count++;
    else if (Array.isArray(node)) node.forEach(countStrings);
    else if (node && typeof node === "object") {
      for (const [, v] of Object.entries(node)) {
        count++;
        countStrings(v);
      }
    }
  };
  countStrings(root);
  if (count === 0) return root;
  const byIndex = new Map<number, TDirt[]>();
  for (const d of dirts) byIndex.set(d.at % count, [...(byIndex.get(d.at % count) ?? []), d]);
  let i = 0;
  const dirty = (s: string, index: number) =>
    (byIndex.get(index) ?? []).reduce((acc, d) => {
      const cut = d.where % (acc.length + 1);
      return acc.slice(0, cut) + d.text + acc.slice(cut);
    }, s);
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return dirty(node, i++);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        const key = dirty(k, i++);
        out[key] = walk(v);
      }
      return out;
    }
    return node;
  };
  return walk(root);
}

/** The JSON bytes of `doc`, with each INVALID_MARK replaced by a byte sequence that is not UTF-8. */
export function dirtyBytes(doc: unknown, seed = 0): Buffer {
  const json = Buffer.from(JSON.stringify(doc) ?? "null");
  const parts: Buffer[] = [];
  let from = 0;
  let n = seed;
  for (let at = json.indexOf(INVALID_MARK_BYTES); at !== -1; at = json.indexOf(INVALID_MARK_BYTES, from)) {
    parts.push(json.subarray(from, at), Buffer.from(INVALID_SEQUENCES[n++ % INVALID_SEQUENCES.length]));
    from = at + INVALID_MARK_BYTES.length;
  }
  parts.push(json.subarray(from));
  return Buffer.concat(parts);
}
