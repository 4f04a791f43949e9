-- The findings workspace: one derived state per finding, rollups the overview reads instead of
-- scanning findings, text search, and saved views.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What a user sees: lifecycle first (fixed, removed), then triage (resolved, snoozed), else open.
-- Expired snoozes are cleared by the worker's snooze job, so the state never depends on the clock.
CREATE TYPE "finding_state" AS ENUM ('open', 'snoozed', 'resolved', 'fixed', 'removed');

ALTER TABLE "findings" ADD COLUMN "state" "finding_state" NOT NULL GENERATED ALWAYS AS (
  CASE
    WHEN "status" = 'fixed' THEN 'fixed'::"finding_state"
    WHEN "status" = 'removed' THEN 'removed'::"finding_state"
    WHEN "resolution" IS NOT NULL THEN 'resolved'::"finding_state"
    WHEN "snoozed_until" IS NOT NULL THEN 'snoozed'::"finding_state"
    ELSE 'open'::"finding_state"
  END
) STORED;

-- List views: a team's (or the whole org's) findings in one state, worst first, keyset on id.
DROP INDEX "findings_org_id_owner_team_id_status_score_idx";
CREATE INDEX "findings_team_state_score_idx" ON "findings" ("org_id", "owner_team_id", "state", "score" DESC, "id");
CREATE INDEX "findings_org_state_score_idx" ON "findings" ("org_id", "state", "score" DESC, "id");
CREATE INDEX "findings_org_state_first_seen_idx" ON "findings" ("org_id", "state", "first_seen_at" DESC, "id");
CREATE INDEX "findings_org_check_idx" ON "findings" ("org_id", "check_id");
CREATE INDEX "findings_assignee_idx" ON "findings" ("assignee_id") WHERE "assignee_id" IS NOT NULL;
CREATE INDEX "findings_snoozed_until_idx" ON "findings" ("snoozed_until") WHERE "snoozed_until" IS NOT NULL;
-- Free text over the title and the object's name.
CREATE INDEX "findings_search_idx" ON "findings" USING gin (("title" || ' ' || "name") gin_trgm_ops);

-- Open/snoozed/resolved/fixed/removed counts per cluster, namespace, team, source, category and
-- severity, kept current by statement-level triggers on findings (one aggregate per statement).
CREATE TABLE "finding_counts" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "cluster_id" UUID NOT NULL,
  "owner_team_id" UUID,
  "namespace" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "category" TEXT NOT NULL,
  "severity" "severity_level" NOT NULL,
  "state" "finding_state" NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "finding_counts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "finding_counts_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "finding_counts_key" ON "finding_counts"
  ("org_id", "cluster_id", "owner_team_id", "namespace", "source", "category", "severity", "state") NULLS NOT DISTINCT;

-- Transitions per day and owning team (at the time of the event), for the trend chart.
CREATE TABLE "finding_daily" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "org_id" UUID NOT NULL,
  "owner_team_id" UUID,
  "day" DATE NOT NULL,
  "opened" INTEGER NOT NULL DEFAULT 0,
  "reopened" INTEGER NOT NULL DEFAULT 0,
  "fixed" INTEGER NOT NULL DEFAULT 0,
  "removed" INTEGER NOT NULL DEFAULT 0,
  "resolved" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "finding_daily_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "finding_daily_key" ON "finding_daily" ("org_id", "owner_team_id", "day") NULLS NOT DISTINCT;

-- One function per operation: a trigger function can only name the transition tables its trigger
-- has. Rows go in key order, so concurrent statements lock rollup rows in the same order.
CREATE FUNCTION "finding_counts_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_counts AS c (org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, count)
  SELECT org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (org_id, cluster_id, owner_team_id, namespace, source, category, severity, state)
  DO UPDATE SET count = c.count + EXCLUDED.count;
  RETURN NULL;
END $$;

-- Deleted findings were counted when inserted, so their rows exist: only decrement them. (An
-- INSERT here could recreate a row for a cluster being deleted in the same statement.)
CREATE FUNCTION "finding_counts_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE finding_counts c SET count = c.count - d.n
    FROM (SELECT org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, count(*)::int AS n
            FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) d
   WHERE c.org_id = d.org_id AND c.cluster_id = d.cluster_id AND c.owner_team_id IS NOT DISTINCT FROM d.owner_team_id
     AND c.namespace = d.namespace AND c.source = d.source AND c.category = d.category
     AND c.severity = d.severity AND c.state = d.state;
  RETURN NULL;
END $$;

CREATE FUNCTION "finding_counts_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_counts AS c (org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, count)
  SELECT org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, sum(delta)::int
    FROM (
      SELECT org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, 1 AS delta FROM new_rows
      UNION ALL
      SELECT org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, -1 FROM old_rows
    ) d
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(delta) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (org_id, cluster_id, owner_team_id, namespace, source, category, severity, state)
  DO UPDATE SET count = c.count + EXCLUDED.count;
  RETURN NULL;
END $$;

CREATE TRIGGER "finding_counts_insert" AFTER INSERT ON "findings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "finding_counts_on_insert"();
CREATE TRIGGER "finding_counts_delete" AFTER DELETE ON "findings"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "finding_counts_on_delete"();
CREATE TRIGGER "finding_counts_update" AFTER UPDATE ON "findings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "finding_counts_on_update"();

CREATE FUNCTION "finding_daily_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_daily AS d (org_id, owner_team_id, day, opened, reopened, fixed, removed, resolved)
  SELECT e.org_id, f.owner_team_id, (e.created_at AT TIME ZONE 'UTC')::date,
         count(*) FILTER (WHERE e.kind = 'opened'), count(*) FILTER (WHERE e.kind = 'reopened'),
         count(*) FILTER (WHERE e.kind = 'fixed'), count(*) FILTER (WHERE e.kind = 'removed'),
         count(*) FILTER (WHERE e.kind = 'resolved')
    FROM new_events e JOIN findings f ON f.id = e.finding_id
   WHERE e.kind IN ('opened', 'reopened', 'fixed', 'removed', 'resolved')
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (org_id, owner_team_id, day) DO UPDATE SET
    opened = d.opened + EXCLUDED.opened, reopened = d.reopened + EXCLUDED.reopened, fixed = d.fixed + EXCLUDED.fixed,
    removed = d.removed + EXCLUDED.removed, resolved = d.resolved + EXCLUDED.resolved;
  RETURN NULL;
END $$;

CREATE TRIGGER "finding_daily_insert" AFTER INSERT ON "finding_events"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "finding_daily_on_insert"();

-- Recomputes both rollups of an org from the findings and their events (after bulk edits that
-- bypass the triggers' assumptions, e.g. backdated demo history; also a repair tool).
CREATE FUNCTION "rebuild_finding_rollups"(target UUID) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM finding_counts WHERE org_id = target;
  INSERT INTO finding_counts (org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, count)
  SELECT org_id, cluster_id, owner_team_id, namespace, source, category, severity, state, count(*)::int
    FROM findings WHERE org_id = target GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  DELETE FROM finding_daily WHERE org_id = target;
  INSERT INTO finding_daily (org_id, owner_team_id, day, opened, reopened, fixed, removed, resolved)
  SELECT e.org_id, f.owner_team_id, (e.created_at AT TIME ZONE 'UTC')::date,
         count(*) FILTER (WHERE e.kind = 'opened'), count(*) FILTER (WHERE e.kind = 'reopened'),
         count(*) FILTER (WHERE e.kind = 'fixed'), count(*) FILTER (WHERE e.kind = 'removed'),
         count(*) FILTER (WHERE e.kind = 'resolved')
    FROM finding_events e JOIN findings f ON f.id = e.finding_id
   WHERE e.org_id = target AND e.kind IN ('opened', 'reopened', 'fixed', 'removed', 'resolved')
   GROUP BY 1, 2, 3;
END $$;

-- A user's named findings views (the URL's query string), per org.
CREATE TABLE "saved_views" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "query" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "saved_views_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "saved_views_org_id_user_id_name_key" ON "saved_views" ("org_id", "user_id", "name");

-- Findings that exist already.
SELECT "rebuild_finding_rollups"("id") FROM "organizations";
