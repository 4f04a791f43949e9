-- Per-organization storage quotas. The install's operator may override the defaults
-- (BUMPERS_QUOTA_*) per organization: NULL keeps the default, 0 means no limit.
ALTER TABLE "organizations"
  ADD COLUMN "quota_clusters" INTEGER,
  ADD COLUMN "quota_report_bytes_per_day" BIGINT,
  ADD COLUMN "quota_report_bytes_total" BIGINT;

-- Raw report bytes stored per organization and UTC day (the daily quota), and uploads refused
-- over a quota that day (shown to org admins, whose agents only log the status).
CREATE TABLE "report_usage_daily" (
  "org_id" UUID NOT NULL,
  "day" DATE NOT NULL,
  "bytes" BIGINT NOT NULL DEFAULT 0,
  "reports" INTEGER NOT NULL DEFAULT 0,
  "refused" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "report_usage_daily_pkey" PRIMARY KEY ("org_id", "day"),
  CONSTRAINT "report_usage_daily_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Raw report bytes an organization holds now (the total quota): always sum(size_bytes) of its
-- reports, whoever inserts or deletes them (uploads, retention, a deleted cluster's cascade).
CREATE TABLE "report_storage" (
  "org_id" UUID NOT NULL,
  "bytes" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "report_storage_pkey" PRIMARY KEY ("org_id"),
  CONSTRAINT "report_storage_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Kept by statement-level triggers on reports: one aggregate per statement, in the same
-- transaction as the insert or delete, rows in key order so concurrent statements lock alike.
CREATE FUNCTION "report_storage_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_usage_daily AS u (org_id, day, bytes, reports)
  SELECT org_id, (received_at AT TIME ZONE 'UTC')::date, sum(size_bytes), count(*)::int
    FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (org_id, day) DO UPDATE SET bytes = u.bytes + EXCLUDED.bytes, reports = u.reports + EXCLUDED.reports;
  INSERT INTO report_storage AS s (org_id, bytes)
  SELECT org_id, sum(size_bytes) FROM new_rows GROUP BY 1 ORDER BY 1
  ON CONFLICT (org_id) DO UPDATE SET bytes = s.bytes + EXCLUDED.bytes;
  RETURN NULL;
END $$;

-- Deleted reports were counted when inserted, so their row exists: only decrement it (an INSERT
-- could recreate the row of an organization being deleted in the same statement). The daily
-- bytes stay: the daily quota counts what was stored that day, not what is left of it.
CREATE FUNCTION "report_storage_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_storage s SET bytes = s.bytes - d.bytes
    FROM (SELECT org_id, sum(size_bytes) AS bytes FROM old_rows GROUP BY 1) d
   WHERE s.org_id = d.org_id;
  RETURN NULL;
END $$;

CREATE TRIGGER "report_storage_insert" AFTER INSERT ON "reports"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_storage_on_insert"();
CREATE TRIGGER "report_storage_delete" AFTER DELETE ON "reports"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_storage_on_delete"();

-- What is already stored.
INSERT INTO report_storage (org_id, bytes)
SELECT org_id, sum(size_bytes) FROM reports GROUP BY org_id;
INSERT INTO report_usage_daily (org_id, day, bytes, reports)
SELECT org_id, (received_at AT TIME ZONE 'UTC')::date, sum(size_bytes), count(*)::int FROM reports GROUP BY 1, 2;
