-- Cost: daily rows per workload (OpenCost, estimate from the inventory, or scaled to the cloud
-- bill), two rollups rebuilt per cluster-day at ingest, cloud bills, unit prices and budgets.

CREATE TABLE "cost_daily" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "day" DATE NOT NULL,
  "namespace" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "workload" TEXT NOT NULL,
  "container" TEXT NOT NULL DEFAULT '',
  "allocation" TEXT NOT NULL DEFAULT 'workload',
  "source" TEXT NOT NULL,
  "resource_id" UUID,
  "owner_team_id" UUID,
  "service" TEXT NOT NULL,
  "labels" JSONB NOT NULL DEFAULT '{}',
  "cpu_core_hours_requested" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "cpu_core_hours_used" DOUBLE PRECISION,
  "memory_gib_hours_requested" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "memory_gib_hours_used" DOUBLE PRECISION,
  "gpu_hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "cpu_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "memory_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "gpu_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "storage_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "network_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "shared_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "total_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "in_cluster_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "used_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "requested_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cost_daily_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_daily_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_daily_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "cost_daily_org_id_cluster_id_day_namespace_kind_workload_container_key"
  ON "cost_daily" ("org_id", "cluster_id", "day", "namespace", "kind", "workload", "container");
CREATE INDEX "cost_daily_org_id_owner_team_id_day_idx" ON "cost_daily" ("org_id", "owner_team_id", "day");
CREATE INDEX "cost_daily_org_id_day_idx" ON "cost_daily" ("org_id", "day");

CREATE TABLE "cost_rollup_daily" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "day" DATE NOT NULL,
  "owner_team_id" UUID,
  "namespace" TEXT NOT NULL,
  "allocation" TEXT NOT NULL,
  "cpu_core_hours_requested" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "memory_gib_hours_requested" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "gpu_hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "cpu_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "memory_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "gpu_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "storage_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "network_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "shared_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "total_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "in_cluster_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "used_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "requested_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  CONSTRAINT "cost_rollup_daily_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_rollup_daily_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_rollup_daily_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "cost_rollup_daily_org_id_day_idx" ON "cost_rollup_daily" ("org_id", "day");
CREATE INDEX "cost_rollup_daily_org_id_cluster_id_day_idx" ON "cost_rollup_daily" ("org_id", "cluster_id", "day");

CREATE TABLE "cost_label_daily" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "day" DATE NOT NULL,
  "owner_team_id" UUID,
  "label_key" TEXT NOT NULL,
  "label_value" TEXT NOT NULL,
  "total_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "used_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "requested_cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
  CONSTRAINT "cost_label_daily_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_label_daily_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_label_daily_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "cost_label_daily_org_id_label_key_day_idx" ON "cost_label_daily" ("org_id", "label_key", "day");
CREATE INDEX "cost_label_daily_org_id_cluster_id_day_idx" ON "cost_label_daily" ("org_id", "cluster_id", "day");

CREATE TABLE "cloud_cost_daily" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "day" DATE NOT NULL,
  "provider" TEXT NOT NULL,
  "account" TEXT NOT NULL DEFAULT '',
  "service" TEXT NOT NULL,
  "tag_key" TEXT NOT NULL DEFAULT '',
  "tag_value" TEXT NOT NULL DEFAULT '',
  "cost" DOUBLE PRECISION NOT NULL,
  "hours" INTEGER NOT NULL DEFAULT 24,
  CONSTRAINT "cloud_cost_daily_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cloud_cost_daily_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "cloud_cost_daily_org_id_cluster_id_day_provider_account_service_tag_key_tag_value_key"
  ON "cloud_cost_daily" ("org_id", "cluster_id", "day", "provider", "account", "service", "tag_key", "tag_value");
CREATE INDEX "cloud_cost_daily_org_id_day_idx" ON "cloud_cost_daily" ("org_id", "day");

CREATE TABLE "cost_settings" (
  "org_id" UUID NOT NULL,
  "currency" TEXT NOT NULL DEFAULT 'USD',
  "cpu_hour_price" DOUBLE PRECISION,
  "memory_gib_hour_price" DOUBLE PRECISION,
  "gpu_hour_price" DOUBLE PRECISION,
  "storage_gib_hour_price" DOUBLE PRECISION,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cost_settings_pkey" PRIMARY KEY ("org_id"),
  CONSTRAINT "cost_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "cluster_cost_prices" (
  "cluster_id" UUID NOT NULL,
  "org_id" UUID NOT NULL,
  "cpu_hour_price" DOUBLE PRECISION,
  "memory_gib_hour_price" DOUBLE PRECISION,
  "gpu_hour_price" DOUBLE PRECISION,
  "storage_gib_hour_price" DOUBLE PRECISION,
  "node_hour_price" DOUBLE PRECISION,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cluster_cost_prices_pkey" PRIMARY KEY ("cluster_id"),
  CONSTRAINT "cluster_cost_prices_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cluster_cost_prices_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "cluster_cost_prices_org_id_idx" ON "cluster_cost_prices" ("org_id");

CREATE TABLE "cost_budgets" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "scope" TEXT NOT NULL,
  "team_id" UUID,
  "value" TEXT NOT NULL DEFAULT '',
  "label_key" TEXT NOT NULL DEFAULT '',
  "name" TEXT NOT NULL,
  "monthly_amount" DOUBLE PRECISION NOT NULL,
  "thresholds" JSONB NOT NULL DEFAULT '[]',
  "created_by_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cost_budgets_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cost_budgets_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_budgets_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "cost_budgets_org_id_team_id_idx" ON "cost_budgets" ("org_id", "team_id");

CREATE TABLE "cost_budget_alerts" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "budget_id" UUID NOT NULL,
  "period" DATE NOT NULL,
  "threshold" TEXT NOT NULL,
  "amount" DOUBLE PRECISION NOT NULL,
  "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "cost_budget_alerts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cost_budget_alerts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "cost_budget_alerts_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "cost_budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "cost_budget_alerts_budget_id_period_threshold_key" ON "cost_budget_alerts" ("budget_id", "period", "threshold");
CREATE INDEX "cost_budget_alerts_org_id_raised_at_idx" ON "cost_budget_alerts" ("org_id", "raised_at" DESC);
