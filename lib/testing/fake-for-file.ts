import { afterAll, beforeAll, beforeEach } from "vitest";

/**
 * A fake server for the tests of one file: started once, emptied before each test, closed at the
 * end. The fake exists only once beforeAll has run, so what is returned stands in for it and
 * reaches it when a test uses it.
 */
export function startFakeForFile<TFake extends { reset: () => void; close: () => Promise<void> }>(
  start: () => Promise<TFake>,
): TFake {
  let fake: TFake | undefined;
  beforeAll(async () => {
    fake = await start();
  });
  afterAll(() => fake?.close());
  beforeEach(() => fake?.reset());
  return new Proxy({} as TFake, {
    get: (_target, key) => {
      if (!fake) throw new Error("The fake is not started yet: use it inside a test.");
      const value: unknown = Reflect.get(fake, key);
      return typeof value === "function" ? value.bind(fake) : value;
    },
  });
}
