-- Notification events that are not alert groups: admission denials, blocked CI runs, cost
-- anomalies, the PagerDuty mirror and assigned findings (docs/notifications-sources.md).

-- A day's cost above the trailing 14-day mean times this factor is a cost anomaly.
ALTER TABLE "organizations" ADD COLUMN "cost_anomaly_factor" DOUBLE PRECISION NOT NULL DEFAULT 1.5;

-- How far the every-minute sources job has read each source of an org: each source row becomes
-- events once (the cursor moves in the transaction that queues its messages).
CREATE TABLE "notification_source_cursors" (
  "org_id" UUID NOT NULL,
  "source" TEXT NOT NULL,
  "last_at" TIMESTAMPTZ(3) NOT NULL,
  "last_id" TEXT NOT NULL DEFAULT '',
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_source_cursors_pkey" PRIMARY KEY ("org_id", "source"),
  CONSTRAINT "notification_source_cursors_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- One message per event group and window: repeats inside the window are only counted.
CREATE TABLE "notification_event_windows" (
  "org_id" UUID NOT NULL,
  "group_key" TEXT NOT NULL,
  "opened_at" TIMESTAMPTZ(3) NOT NULL,
  "count" INTEGER NOT NULL,
  "reported" INTEGER NOT NULL,
  CONSTRAINT "notification_event_windows_pkey" PRIMARY KEY ("org_id", "group_key"),
  CONSTRAINT "notification_event_windows_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
