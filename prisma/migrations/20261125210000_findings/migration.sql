-- Findings: one row per problem (fingerprint), with its lifecycle across reports and its triage.

CREATE TYPE "finding_status" AS ENUM ('open', 'fixed', 'removed');
CREATE TYPE "finding_resolution" AS ENUM ('will_not_fix', 'working_as_intended');
CREATE TYPE "severity_level" AS ENUM ('critical', 'high', 'medium', 'low', 'none');
CREATE TYPE "finding_event_kind" AS ENUM (
  'opened', 'fixed', 'reopened', 'removed',
  'resolved', 'unresolved', 'snoozed', 'unsnoozed', 'assigned', 'unassigned', 'commented'
);

-- What the workloads inventory knows about an object beyond its identity (containers, replicas,
-- node capacity); cost estimates and the inventory pages read it.
ALTER TABLE "resources" ADD COLUMN "details" JSONB NOT NULL DEFAULT '{}';

-- Set when team scopes change; the worker then re-derives the owning team of findings and clears it.
ALTER TABLE "organizations" ADD COLUMN "finding_owners_stale_since" TIMESTAMPTZ(3);

-- Why a report was processed without changing anything (e.g. a newer one was processed first).
ALTER TABLE "reports" ADD COLUMN "summary" JSONB;

CREATE TABLE "images" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  -- The digest when known, else the name: one row per image content per org.
  "key" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "digest" TEXT NOT NULL DEFAULT '',
  "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "images_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "images_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "images_org_id_key_key" ON "images"("org_id", "key");

-- The CVE catalog of an org (title, description, links), once per vulnerability id.
CREATE TABLE "vulnerabilities" (
  "org_id" UUID NOT NULL,
  "vuln_id" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "severity" "severity_level" NOT NULL,
  "score" REAL NOT NULL,
  "references" JSONB NOT NULL DEFAULT '[]',
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "vulnerabilities_pkey" PRIMARY KEY ("org_id", "vuln_id"),
  CONSTRAINT "vulnerabilities_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Which workloads of a cluster run an image (from the cluster's latest Trivy report).
CREATE TABLE "image_workloads" (
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "image_id" UUID NOT NULL,
  "resource_id" UUID NOT NULL,
  "container" TEXT NOT NULL DEFAULT '',
  CONSTRAINT "image_workloads_pkey" PRIMARY KEY ("cluster_id", "image_id", "resource_id", "container"),
  CONSTRAINT "image_workloads_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "image_workloads_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "image_workloads_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "image_workloads_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "image_workloads_resource_id_idx" ON "image_workloads"("resource_id");
CREATE INDEX "image_workloads_image_id_idx" ON "image_workloads"("image_id");

CREATE TABLE "findings" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  -- SHA-256 (hex) of org, cluster, source, check, resource identity, container, image, vulnerability.
  "fingerprint" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "check_id" TEXT NOT NULL,
  "category" TEXT NOT NULL,
  "severity" "severity_level" NOT NULL,
  "score" REAL NOT NULL,
  "title" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "remediation" TEXT NOT NULL DEFAULT '',
  "namespace" TEXT NOT NULL DEFAULT '',
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "container" TEXT NOT NULL DEFAULT '',
  "image_id" UUID,
  "vulnerability_id" TEXT NOT NULL DEFAULT '',
  "resource_id" UUID,
  "owner_team_id" UUID,
  "evidence" JSONB NOT NULL DEFAULT '{}',
  "status" "finding_status" NOT NULL DEFAULT 'open',
  "resolution" "finding_resolution",
  "resolution_reason" TEXT,
  "resolved_at" TIMESTAMPTZ(3),
  "resolved_by_id" UUID,
  "snoozed_until" TIMESTAMPTZ(3),
  "assignee_id" UUID,
  "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "fixed_at" TIMESTAMPTZ(3),
  "reopened_count" INTEGER NOT NULL DEFAULT 0,
  "last_report_id" UUID,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "findings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "findings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "findings_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "findings_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "findings_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "findings_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "findings_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "findings_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "findings_last_report_id_fkey" FOREIGN KEY ("last_report_id") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "findings_org_id_fingerprint_key" ON "findings"("org_id", "fingerprint");
-- Lifecycle: the open findings of one cluster and source, compared with each new report.
CREATE INDEX "findings_cluster_id_source_status_idx" ON "findings"("cluster_id", "source", "status");
-- Team views, worst first.
CREATE INDEX "findings_org_id_owner_team_id_status_score_idx" ON "findings"("org_id", "owner_team_id", "status", "score" DESC);
CREATE INDEX "findings_resource_id_idx" ON "findings"("resource_id");
CREATE INDEX "findings_image_id_idx" ON "findings"("image_id");

CREATE TABLE "finding_events" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "finding_id" UUID NOT NULL,
  "kind" "finding_event_kind" NOT NULL,
  "actor_id" UUID,
  "report_id" UUID,
  "data" JSONB NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "finding_events_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "finding_events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "finding_events_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "findings"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "finding_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "finding_events_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "finding_events_finding_id_created_at_idx" ON "finding_events"("finding_id", "created_at");
-- Trends: introduced / fixed per day.
CREATE INDEX "finding_events_org_id_created_at_idx" ON "finding_events"("org_id", "created_at");
