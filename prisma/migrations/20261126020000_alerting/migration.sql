-- PagerDuty routing (docs/alerting.md): destinations, baseline and team rules, alert groups with
-- the routes their firing went to, the event outbox (which is also the delivery log), and the
-- per routing key pacing shared by every worker.

CREATE TYPE "alert_rule_kind" AS ENUM ('findings', 'stale_cluster', 'budget');
CREATE TYPE "alert_grouping" AS ENUM ('check', 'check_cluster', 'check_namespace', 'workload');
CREATE TYPE "pagerduty_severity" AS ENUM ('critical', 'error', 'warning', 'info');
CREATE TYPE "alert_group_status" AS ENUM ('open', 'resolved');
CREATE TYPE "alert_action" AS ENUM ('trigger', 'acknowledge', 'resolve');
CREATE TYPE "alert_delivery_status" AS ENUM ('pending', 'delivered', 'failed');

CREATE TABLE "alert_destinations" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "name" TEXT NOT NULL,
  "routing_key_ciphertext" TEXT NOT NULL,
  "key_last4" TEXT NOT NULL,
  "key_fingerprint" TEXT NOT NULL,
  "last_delivered_at" TIMESTAMPTZ(3),
  "last_error_at" TIMESTAMPTZ(3),
  "last_error" JSONB,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "alert_destinations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alert_destinations_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "alert_destinations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "alert_destinations_org_id_name_key" ON "alert_destinations" ("org_id", "name");
CREATE INDEX "alert_destinations_org_id_team_id_idx" ON "alert_destinations" ("org_id", "team_id");

CREATE TABLE "alert_rules" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "kind" "alert_rule_kind" NOT NULL DEFAULT 'findings',
  "position" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "match" JSONB NOT NULL DEFAULT '{}',
  "destination_id" UUID,
  "use_team_destination" BOOLEAN NOT NULL DEFAULT false,
  "pd_severity" "pagerduty_severity" NOT NULL,
  "grouping" "alert_grouping" NOT NULL DEFAULT 'check',
  "continue_matching" BOOLEAN NOT NULL DEFAULT false,
  "no_page" BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alert_rules_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "alert_rules_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "alert_rules_destination_id_fkey" FOREIGN KEY ("destination_id") REFERENCES "alert_destinations"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "alert_rules_org_id_team_id_kind_position_idx" ON "alert_rules" ("org_id", "team_id", "kind", "position");
CREATE INDEX "alert_rules_destination_id_idx" ON "alert_rules" ("destination_id");

CREATE TABLE "alert_groups" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "kind" "alert_rule_kind" NOT NULL,
  "group_key" TEXT NOT NULL,
  "grouping" "alert_grouping" NOT NULL,
  "subject" TEXT NOT NULL,
  "scope" JSONB NOT NULL DEFAULT '{}',
  "title" TEXT NOT NULL,
  "epoch" INTEGER NOT NULL DEFAULT 1,
  "status" "alert_group_status" NOT NULL DEFAULT 'open',
  "dedup_key" TEXT NOT NULL,
  "paged" BOOLEAN NOT NULL DEFAULT false,
  "pd_severity" "pagerduty_severity" NOT NULL,
  "affected_count" INTEGER NOT NULL DEFAULT 0,
  "details" JSONB NOT NULL DEFAULT '{}',
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolved_at" TIMESTAMPTZ(3),
  CONSTRAINT "alert_groups_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alert_groups_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "alert_groups_org_id_group_key_key" ON "alert_groups" ("org_id", "group_key");
CREATE INDEX "alert_groups_org_id_status_updated_at_idx" ON "alert_groups" ("org_id", "status", "updated_at" DESC);
CREATE INDEX "alert_groups_org_id_team_id_updated_at_idx" ON "alert_groups" ("org_id", "team_id", "updated_at" DESC);

CREATE TABLE "alert_routes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "group_id" UUID NOT NULL,
  "destination_id" UUID NOT NULL,
  "routing_key_ciphertext" TEXT NOT NULL,
  "key_fingerprint" TEXT NOT NULL,
  "epoch" INTEGER NOT NULL,
  "status" "alert_group_status" NOT NULL DEFAULT 'open',
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolved_at" TIMESTAMPTZ(3),
  CONSTRAINT "alert_routes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alert_routes_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "alert_routes_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "alert_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_routes_group_id_status_idx" ON "alert_routes" ("group_id", "status");
CREATE INDEX "alert_routes_org_id_destination_id_status_idx" ON "alert_routes" ("org_id", "destination_id", "status");

CREATE TABLE "alert_events" (
  "id" BIGSERIAL NOT NULL,
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "group_id" UUID,
  "destination_id" UUID NOT NULL,
  "destination_name" TEXT NOT NULL,
  "routing_key_ciphertext" TEXT NOT NULL,
  "key_fingerprint" TEXT NOT NULL,
  "action" "alert_action" NOT NULL,
  "dedup_key" TEXT NOT NULL,
  "payload" JSONB NOT NULL,
  "status" "alert_delivery_status" NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lease_until" TIMESTAMPTZ(3),
  "last_attempt_at" TIMESTAMPTZ(3),
  "response_status" INTEGER,
  "response" JSONB,
  "error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "delivered_at" TIMESTAMPTZ(3),
  CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alert_events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "alert_events_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "alert_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_events_status_next_attempt_at_idx" ON "alert_events" ("status", "next_attempt_at");
CREATE INDEX "alert_events_group_id_destination_id_id_idx" ON "alert_events" ("group_id", "destination_id", "id");
CREATE INDEX "alert_events_org_id_created_at_idx" ON "alert_events" ("org_id", "created_at" DESC);
CREATE INDEX "alert_events_org_id_destination_id_created_at_idx" ON "alert_events" ("org_id", "destination_id", "created_at" DESC);
CREATE INDEX "alert_events_org_id_team_id_created_at_idx" ON "alert_events" ("org_id", "team_id", "created_at" DESC);

CREATE TABLE "alert_rate_limits" (
  "key_fingerprint" TEXT NOT NULL,
  "tat" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "alert_rate_limits_pkey" PRIMARY KEY ("key_fingerprint")
);
