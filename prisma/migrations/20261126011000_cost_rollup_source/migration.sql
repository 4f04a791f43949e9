-- The org overview splits cost by source (opencost, estimate, cloud-scaled) from the rollup too.
ALTER TABLE "cost_rollup_daily" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'estimate';
