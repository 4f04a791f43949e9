import { describe, expect, it } from "vitest";
import { createBoss, registerRecurringJobs } from "./boss";

describe("pg-boss", () => {
  it("declares a recurring job's queue and schedule and runs it in this process", async () => {
    const boss = createBoss();
    const lines: string[] = [];
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const name = `test-job-${Date.now()}`;
    await boss.start();
    try {
      await registerRecurringJobs(
        boss,
        [
          {
            name,
            cron: "*/5 * * * *",
            run: async () => {
              ran();
              return "did it";
            },
          },
        ],
        (line) => lines.push(line),
      );
      expect((await boss.getSchedules()).find((s) => s.name === name)).toMatchObject({ cron: "*/5 * * * *" });
      expect(await boss.getQueue(name)).toMatchObject({ policy: "stately" });
      await boss.send(name, {});
      await done;
    } finally {
      await boss.unschedule(name);
      await boss.stop({ graceful: true, wait: true });
    }
    expect(lines).toEqual([`${name}: did it`]);
  });
});
