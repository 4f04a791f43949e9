import type pg from "pg";

// Times every statement the pool's connections run, so a benchmark can say how many round trips a
// request makes and how long each took. Prisma's adapter shares the same pool, so its statements
// are counted too. Only connections opened after `timeQueries` are timed: install it before the
// first query.

export type TStatement = { text: string; values: unknown[]; ms: number };
export type TQueryTimer = {
  /** Runs `fn` and returns what it ran, in order, with the time from sending each to its answer. */
  record: <T>(fn: () => Promise<T>) => Promise<{ result: T; statements: TStatement[] }>;
};

function textOf(query: unknown): { text: string; values: unknown[] } {
  if (typeof query === "string") return { text: query, values: [] };
  const config = query as { text?: unknown; values?: unknown } | null;
  return {
    text: typeof config?.text === "string" ? config.text : "",
    values: Array.isArray(config?.values) ? config.values : [],
  };
}

export function timeQueries(pool: pg.Pool): TQueryTimer {
  let sink: TStatement[] | null = null;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // pg's query has a dozen overloads (promise, callback, submittable); the wrapper passes each through.
    client.query = ((...args: unknown[]) => {
      const started = performance.now();
      const { text, values } = textOf(args[0]);
      const statement = { text, values: Array.isArray(args[1]) ? args[1] : values, ms: 0 };
      const target = sink;
      const done = () => {
        statement.ms = performance.now() - started;
        target?.push(statement);
      };
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (...results: unknown[]) => {
          done();
          (callback as (...r: unknown[]) => void)(...results);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result instanceof Promise) return result.finally(done);
      done();
      return result;
    }) as typeof client.query;
  });
  return {
    async record(fn) {
      const statements: TStatement[] = [];
      sink = statements;
      try {
        return { result: await fn(), statements };
      } finally {
        sink = null;
      }
    },
  };
}
