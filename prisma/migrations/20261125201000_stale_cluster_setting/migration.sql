-- A cluster is stale when none of its reports arrived within this many hours (org setting).
ALTER TABLE "organizations" ADD COLUMN "stale_cluster_hours" INTEGER NOT NULL DEFAULT 24;
