-- Every worker looks for queued jobs and jobs left running by a dead worker every 2 seconds
-- (lib/automation/jobs/run-pending.ts); finished jobs are kept for 90 days, so the lookup reads
-- only the few unfinished ones.
CREATE INDEX "automation_jobs_pending_idx" ON "automation_jobs" ("created_at") WHERE "status" IN ('queued', 'running');
