-- Notifications: Slack, Microsoft Teams, email and signed webhooks, per team (docs/notifications.md).

-- A team's time zone: digests go out at a time of day in it.
ALTER TABLE "teams" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';

CREATE TYPE "notification_channel_kind" AS ENUM ('slack', 'slack_webhook', 'teams', 'email', 'webhook');
CREATE TYPE "notification_connection_status" AS ENUM ('ok', 'broken');
CREATE TYPE "notification_subscription_kind" AS ENUM ('events', 'digest');
CREATE TYPE "digest_period" AS ENUM ('daily', 'weekly');

-- Where messages can go: a Slack workspace (bot token), a Slack incoming webhook, a Teams
-- Workflows webhook, an SMTP server (an org's own; without one, email uses the install's), or an
-- HTTPS endpoint. Secrets are sealed (AES-256-GCM, context "notification-connection:<id>").
CREATE TABLE "notification_connections" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "kind" "notification_channel_kind" NOT NULL,
  "name" TEXT NOT NULL,
  "secret_ciphertext" TEXT NOT NULL,
  "secret_hint" TEXT NOT NULL,
  "settings" JSONB NOT NULL DEFAULT '{}',
  "status" "notification_connection_status" NOT NULL DEFAULT 'ok',
  "broken_reason" TEXT,
  "broken_at" TIMESTAMPTZ(3),
  "last_delivered_at" TIMESTAMPTZ(3),
  "last_error_at" TIMESTAMPTZ(3),
  "last_error" JSONB,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_connections_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notification_connections_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notification_connections_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "notification_connections_org_id_name_key" ON "notification_connections" ("org_id", "name");
CREATE INDEX "notification_connections_org_id_team_id_idx" ON "notification_connections" ("org_id", "team_id");

-- Who gets what: an org's (team_id NULL), a team's, or one member's (user_id: email only).
-- Events subscriptions match like alert rules and fire per alert group; digest subscriptions
-- send a daily or weekly summary at a local hour. An org baseline subscription goes to every
-- team's own channel (its oldest subscription's), or to its own target for a team without one.
CREATE TABLE "notification_subscriptions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "user_id" UUID,
  "kind" "notification_subscription_kind" NOT NULL DEFAULT 'events',
  "name" TEXT NOT NULL,
  "connection_id" UUID,
  "target" TEXT NOT NULL DEFAULT '',
  "target_label" TEXT NOT NULL DEFAULT '',
  "events" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "match" JSONB NOT NULL DEFAULT '{}',
  "grouping" "alert_grouping" NOT NULL DEFAULT 'check',
  "baseline" BOOLEAN NOT NULL DEFAULT false,
  "digest_period" "digest_period",
  "digest_hour" INTEGER,
  "digest_weekday" INTEGER,
  "send_empty" BOOLEAN NOT NULL DEFAULT true,
  "next_digest_at" TIMESTAMPTZ(3),
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "created_by" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_subscriptions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notification_subscriptions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notification_subscriptions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notification_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notification_subscriptions_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "notification_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notification_subscriptions_digest_hour_check" CHECK ("digest_hour" IS NULL OR "digest_hour" BETWEEN 0 AND 23),
  CONSTRAINT "notification_subscriptions_digest_weekday_check" CHECK ("digest_weekday" IS NULL OR "digest_weekday" BETWEEN 0 AND 6),
  CONSTRAINT "notification_subscriptions_baseline_check" CHECK (NOT "baseline" OR "team_id" IS NULL)
);
CREATE INDEX "notification_subscriptions_org_id_team_id_idx" ON "notification_subscriptions" ("org_id", "team_id");
CREATE INDEX "notification_subscriptions_user_id_idx" ON "notification_subscriptions" ("user_id");
CREATE INDEX "notification_subscriptions_connection_id_idx" ON "notification_subscriptions" ("connection_id");
CREATE INDEX "notification_subscriptions_next_digest_at_idx" ON "notification_subscriptions" ("next_digest_at") WHERE "kind" = 'digest' AND "enabled";

-- The outbox becomes every channel's: PagerDuty events as before, and messages. A message row's
-- destination_id is its subscription, key_fingerprint the pacing key (a Slack channel, a webhook,
-- an SMTP server), payload the neutral message (lib/notifications/message.ts).
CREATE TYPE "outbox_channel" AS ENUM ('pagerduty', 'slack', 'slack_webhook', 'teams', 'email', 'webhook');
ALTER TYPE "alert_action" ADD VALUE 'notify';
ALTER TABLE "alert_events"
  ADD COLUMN "channel" "outbox_channel" NOT NULL DEFAULT 'pagerduty',
  ADD COLUMN "connection_id" UUID,
  ADD COLUMN "target" TEXT,
  ADD COLUMN "thread_key" TEXT,
  ADD COLUMN "provider_ref" TEXT,
  ADD COLUMN "pace_per_minute" INTEGER,
  ALTER COLUMN "routing_key_ciphertext" DROP NOT NULL;
-- A thread reply finds the message that opened its thread.
CREATE INDEX "alert_events_thread_idx" ON "alert_events" ("destination_id", "thread_key");
