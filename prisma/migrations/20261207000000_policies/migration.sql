-- Policy settings (docs/policies.md): per org and check, what runs and what blocks; per team, only
-- stricter overrides; exemptions by scope; the admission decision log; CI scan results.

ALTER TABLE "organizations" ADD COLUMN "policy_passive" BOOLEAN NOT NULL DEFAULT false;

-- Patterns (`*` wildcards) of the repositories a team owns, for CI scan results.
ALTER TABLE "teams" ADD COLUMN "repository_patterns" TEXT[] NOT NULL DEFAULT '{}';

-- A row only where the org differs from the check's defaults (enabled, default severity, warn only).
CREATE TABLE "policy_settings" (
  "org_id" UUID NOT NULL,
  "check_id" TEXT NOT NULL,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "severity" "severity_level",
  "block_admission" BOOLEAN NOT NULL DEFAULT false,
  "block_ci" BOOLEAN NOT NULL DEFAULT false,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "policy_settings_pkey" PRIMARY KEY ("org_id", "check_id"),
  CONSTRAINT "policy_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- A team can only tighten the org's setting: turn on a check the org turned off, raise its
-- severity, make it block. The effective setting is the stricter of the two, so an org change
-- never has to rewrite team rows.
CREATE TABLE "team_policy_settings" (
  "org_id" UUID NOT NULL,
  "team_id" UUID NOT NULL,
  "check_id" TEXT NOT NULL,
  "enabled" BOOLEAN NOT NULL DEFAULT false,
  "severity" "severity_level",
  "block_admission" BOOLEAN NOT NULL DEFAULT false,
  "block_ci" BOOLEAN NOT NULL DEFAULT false,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "team_policy_settings_pkey" PRIMARY KEY ("team_id", "check_id"),
  CONSTRAINT "team_policy_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "team_policy_settings_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "team_policy_settings_org_id_idx" ON "team_policy_settings" ("org_id");

-- Checks that do not apply to the objects a scope selects (same patterns as team scope rules).
CREATE TABLE "policy_exemptions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "team_id" UUID,
  "check_ids" TEXT[] NOT NULL,
  "cluster" TEXT NOT NULL DEFAULT '*',
  "namespace" TEXT NOT NULL DEFAULT '*',
  "kind" TEXT NOT NULL DEFAULT '*',
  "name" TEXT NOT NULL DEFAULT '*',
  "reason" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "policy_exemptions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "policy_exemptions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "policy_exemptions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "policy_exemptions_org_id_idx" ON "policy_exemptions" ("org_id");

CREATE TYPE "admission_outcome" AS ENUM ('allowed', 'warned', 'denied');

-- One row per recorded (not dry-run) admission review of a create or update.
CREATE TABLE "admission_decisions" (
  "id" BIGSERIAL NOT NULL,
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "team_id" UUID,
  "uid" TEXT NOT NULL,
  "operation" TEXT NOT NULL,
  "namespace" TEXT NOT NULL DEFAULT '',
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL DEFAULT '',
  "username" TEXT NOT NULL DEFAULT '',
  "outcome" "admission_outcome" NOT NULL,
  -- Passive mode: the checks that would have denied it.
  "passive" BOOLEAN NOT NULL DEFAULT false,
  "blocking" TEXT[] NOT NULL DEFAULT '{}',
  "warned" TEXT[] NOT NULL DEFAULT '{}',
  "exempted" TEXT[] NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "admission_decisions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "admission_decisions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "admission_decisions_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "admission_decisions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "admission_decisions_org_id_created_at_idx" ON "admission_decisions" ("org_id", "created_at" DESC);
CREATE INDEX "admission_decisions_org_id_team_id_created_at_idx" ON "admission_decisions" ("org_id", "team_id", "created_at" DESC);
CREATE INDEX "admission_decisions_cluster_id_idx" ON "admission_decisions" ("cluster_id");

-- CI scan results: about manifests on a branch, not running objects, so they are kept apart from
-- findings (a feature branch must not add to a team's open findings) and shown on their own tab.
CREATE TABLE "ci_scans" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "repository" TEXT NOT NULL,
  "branch" TEXT NOT NULL,
  "commit" TEXT NOT NULL,
  "owner_team_id" UUID,
  "results" INTEGER NOT NULL,
  "blocking" INTEGER NOT NULL,
  "opened" INTEGER NOT NULL,
  "fixed" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ci_scans_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ci_scans_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ci_scans_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ci_scans_org_id_created_at_idx" ON "ci_scans" ("org_id", "created_at" DESC);

-- One row per (repository, branch, check, object): the latest scan of the branch decides whether
-- it is open or fixed.
CREATE TABLE "ci_findings" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "fingerprint" TEXT NOT NULL,
  "repository" TEXT NOT NULL,
  "branch" TEXT NOT NULL,
  "commit" TEXT NOT NULL,
  "owner_team_id" UUID,
  "check_id" TEXT NOT NULL,
  "category" TEXT NOT NULL,
  "severity" "severity_level" NOT NULL,
  "title" TEXT NOT NULL,
  "namespace" TEXT NOT NULL DEFAULT '',
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "file" TEXT NOT NULL DEFAULT '',
  "line" INTEGER,
  "messages" JSONB NOT NULL DEFAULT '[]',
  "blocking" BOOLEAN NOT NULL DEFAULT false,
  "status" "finding_status" NOT NULL DEFAULT 'open',
  "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "fixed_at" TIMESTAMPTZ(3),
  CONSTRAINT "ci_findings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ci_findings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ci_findings_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ci_findings_org_id_fingerprint_key" ON "ci_findings" ("org_id", "fingerprint");
CREATE INDEX "ci_findings_org_id_repository_branch_status_idx" ON "ci_findings" ("org_id", "repository", "branch", "status");
CREATE INDEX "ci_findings_org_id_owner_team_id_status_idx" ON "ci_findings" ("org_id", "owner_team_id", "status");
