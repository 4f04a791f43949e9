-- Automation rules and SLAs (docs/automation.md): ordered, declarative rules that change findings
-- (severity, assignee, owner team, tags, snooze, resolution, due date) and say so on the finding,
-- and due dates per severity counted from first seen (or reopened), paused while snoozed.

ALTER TYPE "finding_event_kind" ADD VALUE 'severity_changed';
ALTER TYPE "finding_event_kind" ADD VALUE 'tagged';
ALTER TYPE "finding_event_kind" ADD VALUE 'untagged';
ALTER TYPE "finding_event_kind" ADD VALUE 'due_changed';
ALTER TYPE "finding_event_kind" ADD VALUE 'moved';
ALTER TYPE "finding_event_kind" ADD VALUE 'sla_breached';

CREATE TYPE "automation_trigger" AS ENUM ('report', 'admission', 'ci', 'triage', 'schedule', 'apply');
CREATE TYPE "automation_job_status" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

-- What rules did to a finding, so that a rule's change can be explained, kept when the rule still
-- applies, and undone when it no longer does. Keys: severity, assignee, team, snooze, resolution,
-- due (a rule id, 'manual' once a person decided, or 'done:<rule id>' once a one-off change such
-- as a snooze ran out), tags ({tag: rule id}), sent ({rule id: true}: its ticket/notify/page
-- actions fired for this finding).
ALTER TABLE "findings" ADD COLUMN "rule_marks" JSONB;
-- The tool's own severity while a rule has changed `severity` (null: severity is as reported).
ALTER TABLE "findings" ADD COLUMN "reported_severity" "severity_level";
ALTER TABLE "findings" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT '{}';
-- A resolution that lifts by itself (the finding is open for triage again then).
ALTER TABLE "findings" ADD COLUMN "resolution_expires_at" TIMESTAMPTZ(3);
-- The SLA clock: started when the finding opened or came back, paused while snoozed (the
-- findings_sla_pause trigger adds the snoozed time), and a rule's own due days when one set them.
ALTER TABLE "findings" ADD COLUMN "sla_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now();
ALTER TABLE "findings" ADD COLUMN "sla_paused" INTERVAL NOT NULL DEFAULT '0';
ALTER TABLE "findings" ADD COLUMN "sla_days" INTEGER;
-- When its breach was announced (once per SLA clock: reopening starts a new one).
ALTER TABLE "findings" ADD COLUMN "sla_breached_at" TIMESTAMPTZ(3);
UPDATE "findings" SET "sla_started_at" = CASE WHEN "status" = 'open' THEN "last_seen_at" ELSE "first_seen_at" END;
CREATE INDEX "findings_resolution_expires_at_idx" ON "findings" ("resolution_expires_at") WHERE "resolution_expires_at" IS NOT NULL;
CREATE INDEX "findings_tags_idx" ON "findings" USING GIN ("tags") WHERE "tags" <> '{}';

-- A snooze pauses the SLA clock: every change of snoozed_until moves the credit by the snoozed time
-- still ahead (credited in full when the snooze is set, taken back when it ends early).
CREATE FUNCTION "findings_sla_pause"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sla_paused := greatest(interval '0', NEW.sla_paused
    + (greatest(coalesce(NEW.snoozed_until, now()), now()) - greatest(coalesce(OLD.snoozed_until, now()), now())));
  RETURN NEW;
END $$;
CREATE TRIGGER "findings_sla_pause" BEFORE UPDATE OF "snoozed_until" ON "findings"
  FOR EACH ROW WHEN (OLD."snoozed_until" IS DISTINCT FROM NEW."snoozed_until") EXECUTE FUNCTION "findings_sla_pause"();

-- Org rules (team_id null, org admins) run first, then each team's own (team admins), in position order.
CREATE TABLE "automation_rules" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "position" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  -- [{field, values|op+value, negate}] and {severity, assign, team, tags, snooze, resolve, due,
  -- ticket, notify, page} (lib/automation/schemas.ts).
  "conditions" JSONB NOT NULL DEFAULT '[]',
  "actions" JSONB NOT NULL DEFAULT '{}',
  "stop_processing" BOOLEAN NOT NULL DEFAULT false,
  "expires_at" TIMESTAMPTZ(3),
  "note" TEXT NOT NULL DEFAULT '',
  "created_by_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "automation_rules_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "automation_rules_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_rules_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_rules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "automation_rules_org_id_team_id_position_idx" ON "automation_rules" ("org_id", "team_id", "position");

-- The ledger: one row per rule and run (a report, a triage action, a scheduled pass, an
-- apply-to-existing job) in which the rule matched something or failed.
CREATE TABLE "automation_rule_runs" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "rule_id" UUID NOT NULL,
  "trigger" "automation_trigger" NOT NULL,
  "report_id" UUID,
  "job_id" UUID,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "duration_ms" INTEGER NOT NULL DEFAULT 0,
  "matched" INTEGER NOT NULL DEFAULT 0,
  "changed" INTEGER NOT NULL DEFAULT 0,
  "error" TEXT,
  CONSTRAINT "automation_rule_runs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "automation_rule_runs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_rule_runs_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_rule_runs_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "automation_rule_runs_rule_id_started_at_idx" ON "automation_rule_runs" ("rule_id", "started_at");
-- A job's batches add up into one row per rule.
CREATE UNIQUE INDEX "automation_rule_runs_job_rule_key" ON "automation_rule_runs" ("job_id", "rule_id") WHERE "job_id" IS NOT NULL;
CREATE INDEX "automation_rule_runs_org_id_started_at_idx" ON "automation_rule_runs" ("org_id", "started_at");

-- "Apply to existing findings" and the daily pass: batches in finding id order; `cursor` is the
-- last id done, committed with its batch, so a killed worker resumes where it stopped.
CREATE TABLE "automation_jobs" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  -- The rule whose matches are re-run (null: every finding the org's rules could touch).
  "rule_id" UUID,
  "trigger" "automation_trigger" NOT NULL DEFAULT 'apply',
  "status" "automation_job_status" NOT NULL DEFAULT 'queued',
  "requested_by_id" UUID,
  "total" INTEGER NOT NULL DEFAULT 0,
  "processed" INTEGER NOT NULL DEFAULT 0,
  "changed" INTEGER NOT NULL DEFAULT 0,
  "cursor" UUID,
  "error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "started_at" TIMESTAMPTZ(3),
  "finished_at" TIMESTAMPTZ(3),
  CONSTRAINT "automation_jobs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "automation_jobs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_jobs_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_jobs_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "automation_jobs_org_id_created_at_idx" ON "automation_jobs" ("org_id", "created_at");
CREATE INDEX "automation_jobs_rule_id_idx" ON "automation_jobs" ("rule_id");

ALTER TABLE "automation_rule_runs" ADD CONSTRAINT "automation_rule_runs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "automation_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ticket, notify and page actions leave the transaction that matched as rows here; the worker
-- sends them (createTicket, the notifications outbox, PagerDuty) and stamps them done.
CREATE TABLE "automation_dispatches" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "rule_id" UUID NOT NULL,
  -- ticket, notify or page.
  "action" TEXT NOT NULL,
  "finding_ids" UUID[] NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "done_at" TIMESTAMPTZ(3),
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "error" TEXT,
  CONSTRAINT "automation_dispatches_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "automation_dispatches_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "automation_dispatches_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "automation_dispatches_pending_idx" ON "automation_dispatches" ("created_at") WHERE "done_at" IS NULL;
CREATE INDEX "automation_dispatches_org_id_idx" ON "automation_dispatches" ("org_id");
CREATE INDEX "automation_dispatches_rule_id_idx" ON "automation_dispatches" ("rule_id");

-- Due days per severity: the org's (team_id null) and a team's stricter own. Null: no SLA.
CREATE TABLE "sla_policies" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "critical_days" INTEGER,
  "high_days" INTEGER,
  "medium_days" INTEGER,
  "low_days" INTEGER,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sla_policies_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "sla_policies_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "sla_policies_owner_key" ON "sla_policies" ("org_id", COALESCE("team_id", '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX "sla_policies_team_id_idx" ON "sla_policies" ("team_id");
