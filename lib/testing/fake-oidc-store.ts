import type { Adapter, TAdapterPayload } from "oidc-provider";

// Storage for the fake identity provider (lib/testing/fake-oidc-provider.ts): sessions,
// interactions, codes and grants in memory, and clients read from a map the fake owns, which is
// what lets a test or the demo seed register a client after the provider started (oidc-provider
// only takes static clients at construction).

type TEntry = { payload: TAdapterPayload; expiresAt: number };

const SWEEP_EVERY = 200;

export function memoryAdapter(clients: ReadonlyMap<string, TAdapterPayload>): (model: string) => Adapter {
  const store = new Map<string, TEntry>();
  let writes = 0;

  // A long-running demo would otherwise keep every expired code and interaction.
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  };

  const read = (key: string): TAdapterPayload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const findBy = (model: string, field: string, value: string) => {
    for (const [key, entry] of store) {
      if (key.startsWith(`${model}:`) && entry.payload[field] === value) return read(key);
    }
    return undefined;
  };

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (++writes % SWEEP_EVERY === 0) sweep();
        const expiresAt = typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 : Infinity;
        store.set(keyOf(id), { payload, expiresAt });
      },
      async find(id) {
        return model === "Client" ? clients.get(id) : read(keyOf(id));
      },
      async findByUid(uid) {
        return findBy(model, "uid", uid);
      },
      async findByUserCode(userCode) {
        return findBy(model, "userCode", userCode);
      },
      async consume(id) {
        const payload = read(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
      },
    };
  };
}
