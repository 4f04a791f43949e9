import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/server/env";

// pg-boss on the application's own database (schema `pgboss`): recurring jobs without a second
// datastore. Schedules and jobs live in the database, so any number of workers may run: each
// cron slot is queued once and taken by one of them.

export const BOSS_SCHEMA = "pgboss";

export type TRecurringJob = {
  /** Queue name (letters, digits, dashes). */
  name: string;
  /** Five-field cron in UTC. */
  cron: string;
  /** Returns a line worth logging, or nothing. A throw fails the run; the next slot tries again. */
  run: () => Promise<string | void>;
};

export function createBoss(): PgBoss {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  return new PgBoss({ connectionString, schema: BOSS_SCHEMA, application_name: "bumpers-jobs", max: 3 });
}

/** Declares each job's queue and schedule on a started boss, and works the jobs in this process. */
export async function registerRecurringJobs(
  boss: PgBoss,
  jobs: readonly TRecurringJob[],
  log: (line: string) => void,
): Promise<void> {
  for (const job of jobs) {
    // `stately`: at most one run queued and one active, so a slow run never piles up a backlog.
    await boss.createQueue(job.name, { name: job.name, policy: "stately", retryLimit: 0, expireInSeconds: 15 * 60 });
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work(job.name, { pollingIntervalSeconds: 5 }, async () => {
      const line = await job.run();
      if (line) log(`${job.name}: ${line}`);
    });
  }
}

export type TJobRunner = { stop: () => Promise<void> };

/**
 * Starts pg-boss with `jobs` in the background. If the database is not reachable yet, it logs
 * and tries again every `retryMs`, so the worker's other loops keep going meanwhile.
 */
export function runRecurringJobs(
  jobs: readonly TRecurringJob[],
  options: { log: (line: string) => void; retryMs?: number },
): TJobRunner {
  const { log, retryMs = 15_000 } = options;
  let stopped = false;
  let boss: PgBoss | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function attempt(): Promise<void> {
    const candidate = createBoss();
    candidate.on("error", (err) => log(`jobs: ${err.message}`));
    try {
      await candidate.start();
      await registerRecurringJobs(candidate, jobs, log);
      boss = candidate;
      if (stopped) return;
      log(`jobs: ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ")}`);
    } catch (err) {
      await candidate.stop({ graceful: false, wait: true }).catch(() => undefined);
      if (stopped) return;
      log(`jobs: cannot start (${(err as Error).message}); retrying in ${retryMs} ms`);
      retry = setTimeout(() => void (starting = attempt()), retryMs);
    }
  }

  let starting = attempt();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await starting;
      // Lets a run in progress finish (its transaction commits) before the pool closes.
      await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
