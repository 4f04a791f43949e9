-- Pruning old reports (lib/retention) deletes rows that findings and finding events point at with
-- ON DELETE SET NULL. Without these indexes each deleted report makes PostgreSQL scan both tables.
-- Partial (only rows that point at a report), so they stay small; not in schema.prisma, which does
-- not model partial indexes.
CREATE INDEX "findings_last_report_id_idx" ON "findings" ("last_report_id") WHERE "last_report_id" IS NOT NULL;
CREATE INDEX "finding_events_report_id_idx" ON "finding_events" ("report_id") WHERE "report_id" IS NOT NULL;
