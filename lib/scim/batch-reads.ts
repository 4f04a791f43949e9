import type { Tx } from "@/lib/server/db";

// The directory sync (lib/sso/directory-access.ts) reads the org's group mappings and its linked
// SCIM groups for every person it syncs: the same two org-wide lists each time. When a SCIM
// request syncs many people (a group gaining 100 members), this view of the transaction answers
// those two reads once for the whole batch. It is only used while the batch runs, and the sync
// writes memberships, never mappings or groups, so every person still sees exactly what the
// database holds; a read with other arguments simply goes to the database.

const ORG_WIDE_LISTS = ["ssoGroupMapping", "scimGroup"] as const;

export function withBatchReads(tx: Tx): Tx {
  const answers = new Map<string, Promise<unknown>>();
  const delegates = new Map<PropertyKey, unknown>(
    ORG_WIDE_LISTS.map((model) => {
      // Both delegates take findMany arguments; only their JSON matters here.
      const real = tx[model] as unknown as { findMany(args: unknown): Promise<unknown> };
      const findMany = (args: unknown) => {
        const key = `${model} ${JSON.stringify(args)}`;
        // Prisma's promise runs its query when first awaited; one plain promise is shared instead.
        if (!answers.has(key)) answers.set(key, Promise.resolve(real.findMany(args)));
        return answers.get(key);
      };
      return [
        model,
        new Proxy(real, { get: (target, prop) => (prop === "findMany" ? findMany : Reflect.get(target, prop)) }),
      ];
    }),
  );
  return new Proxy(tx, {
    get: (target, prop) => (delegates.has(prop) ? delegates.get(prop) : Reflect.get(target, prop)),
  });
}
