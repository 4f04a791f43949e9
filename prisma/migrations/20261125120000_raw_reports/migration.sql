-- Raw agent uploads, stored before any parsing so a report is never lost to a parser bug.

CREATE TYPE "report_status" AS ENUM ('received', 'processed', 'failed');

CREATE TABLE "reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "agent_version" TEXT,
    "report_version" TEXT,
    "chart_version" TEXT,
    "status" "report_status" NOT NULL DEFAULT 'received',
    "error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);
-- A retried upload of the same bytes is the same report (idempotency key).
CREATE UNIQUE INDEX "reports_cluster_id_type_sha256_key" ON "reports"("cluster_id", "type", "sha256");
CREATE INDEX "reports_org_id_cluster_id_type_received_at_idx" ON "reports"("org_id", "cluster_id", "type", "received_at" DESC);

CREATE TABLE "agent_failures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agent_failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "agent_failures_org_id_cluster_id_received_at_idx" ON "agent_failures"("org_id", "cluster_id", "received_at" DESC);

ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agent_failures" ADD CONSTRAINT "agent_failures_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agent_failures" ADD CONSTRAINT "agent_failures_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
