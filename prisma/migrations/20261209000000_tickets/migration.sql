-- Tickets: Jira and GitHub issues made from findings and kept in step both ways (docs/tickets.md).
-- Connections are notification connections of new kinds; calls go through the same outbox.

ALTER TYPE "notification_channel_kind" ADD VALUE 'jira_cloud';
ALTER TYPE "notification_channel_kind" ADD VALUE 'jira_server';
ALTER TYPE "notification_channel_kind" ADD VALUE 'github';
ALTER TYPE "outbox_channel" ADD VALUE 'jira';
ALTER TYPE "outbox_channel" ADD VALUE 'github';
ALTER TYPE "alert_action" ADD VALUE 'ticket';
-- Resolved because its ticket was closed as done: the next report of the cluster confirms it
-- (the finding is gone) or reopens it (still there).
ALTER TYPE "finding_resolution" ADD VALUE 'ticket_closed';
ALTER TYPE "finding_event_kind" ADD VALUE 'ticket';

CREATE TYPE "ticket_provider" AS ENUM ('jira', 'github');
-- creating: reserved, the provider has not answered yet (the outbox keeps trying);
-- failed: the provider refused the creation for good (kept for its log).
CREATE TYPE "ticket_state" AS ENUM ('creating', 'open', 'done', 'wont_do', 'failed');

-- Where a team's tickets go (team_id null: the org's default for teams without their own).
CREATE TABLE "ticket_projects" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "connection_id" UUID NOT NULL,
  -- Jira: project, issue type, components, labels, assignee, priorities, custom fields,
  -- transitions; GitHub: owner, repo, labels, assignees, milestone (lib/tickets/schemas.ts).
  "settings" JSONB NOT NULL DEFAULT '{}',
  -- A ticket closed while a fresh report still shows the problem is reopened (else only commented).
  "reopen_when_still_failing" BOOLEAN NOT NULL DEFAULT true,
  -- Comments on the ticket become notes on its findings.
  "comments_as_notes" BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "ticket_projects_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ticket_projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ticket_projects_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ticket_projects_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "notification_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- One default per org, one project per team.
CREATE UNIQUE INDEX "ticket_projects_owner_key" ON "ticket_projects" ("org_id", COALESCE("team_id", '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX "ticket_projects_connection_id_idx" ON "ticket_projects" ("connection_id");

CREATE TABLE "tickets" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  -- Kept (null) when the connection is deleted: the ticket's history stays readable.
  "connection_id" UUID,
  "provider" "ticket_provider" NOT NULL,
  -- SHA-256 (hex) of the problem: org, team and subject. One open ticket per problem.
  "problem_key" TEXT NOT NULL,
  -- What the ticket is about: a check (optionally in one cluster), a CVE, or chosen findings.
  "subject" JSONB NOT NULL,
  "title" TEXT NOT NULL,
  -- Jira's issue id / GitHub's issue number; key "PAY-12" / "acme/payments#12".
  "external_id" TEXT,
  "external_key" TEXT,
  "url" TEXT,
  "state" "ticket_state" NOT NULL DEFAULT 'creating',
  -- The provider's own status name ("In Progress", "closed").
  "provider_status" TEXT NOT NULL DEFAULT '',
  -- Linked by hand to an existing ticket (not made by Bumpers).
  "linked" BOOLEAN NOT NULL DEFAULT false,
  -- Findings of the problem still open, and all it covers, as last told to the ticket.
  "open_count" INTEGER NOT NULL DEFAULT 0,
  "affected_count" INTEGER NOT NULL DEFAULT 0,
  "last_growth_comment_at" TIMESTAMPTZ(3),
  -- When the provider said done / won't do (a later report checks done against the findings).
  "closed_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "created_by" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "tickets_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "tickets_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "tickets_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "tickets_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "notification_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "tickets_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Never two tickets for one problem, whoever clicks at the same time.
CREATE UNIQUE INDEX "tickets_one_open_per_problem" ON "tickets" ("org_id", "problem_key") WHERE "state" IN ('creating', 'open');
-- One row per provider ticket: linking a ticket twice finds the first row.
CREATE UNIQUE INDEX "tickets_external_key" ON "tickets" ("connection_id", "external_id") WHERE "external_id" IS NOT NULL;
CREATE INDEX "tickets_org_team_idx" ON "tickets" ("org_id", "team_id", "updated_at" DESC);
CREATE INDEX "tickets_org_state_idx" ON "tickets" ("org_id", "state");

-- The findings a ticket covers (a check's or a CVE's findings join as reports bring them).
CREATE TABLE "ticket_findings" (
  "org_id" UUID NOT NULL,
  "ticket_id" UUID NOT NULL,
  "finding_id" UUID NOT NULL,
  "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "ticket_findings_pkey" PRIMARY KEY ("ticket_id", "finding_id"),
  CONSTRAINT "ticket_findings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ticket_findings_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ticket_findings_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "findings"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ticket_findings_finding_id_idx" ON "ticket_findings" ("finding_id");

-- Every call to the provider and every webhook from it, with the answer: the sync log.
CREATE TABLE "ticket_sync_log" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "ticket_id" UUID,
  "connection_id" UUID,
  -- out: Bumpers called the provider; in: the provider's webhook.
  "direction" TEXT NOT NULL,
  -- create, comment, transition, link, test; or the webhook's event.
  "action" TEXT NOT NULL,
  "ok" BOOLEAN NOT NULL,
  "status" INTEGER,
  "summary" TEXT NOT NULL,
  "detail" JSONB,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "ticket_sync_log_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ticket_sync_log_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ticket_sync_log_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "notification_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ticket_sync_log_ticket_idx" ON "ticket_sync_log" ("org_id", "ticket_id", "id" DESC);
CREATE INDEX "ticket_sync_log_connection_idx" ON "ticket_sync_log" ("org_id", "connection_id", "id" DESC);

-- Webhook deliveries already applied (a provider's retry or a replay changes nothing).
CREATE TABLE "ticket_webhook_deliveries" (
  "connection_id" UUID NOT NULL,
  "delivery_id" TEXT NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "ticket_webhook_deliveries_pkey" PRIMARY KEY ("connection_id", "delivery_id"),
  CONSTRAINT "ticket_webhook_deliveries_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "notification_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ticket_webhook_deliveries_received_idx" ON "ticket_webhook_deliveries" ("received_at");

-- Ticket calls in the outbox: one ticket's calls go out in order (create before comment before close).
ALTER TABLE "alert_events" ADD COLUMN "ticket_id" UUID;
CREATE INDEX "alert_events_ticket_idx" ON "alert_events" ("ticket_id", "id") WHERE "ticket_id" IS NOT NULL;
