-- The findings list grouped by check reads a team's findings in one state by (source, check): with
-- every column that view aggregates included, PostgreSQL answers it from this index alone instead
-- of fetching each finding from the table (thousands of scattered pages for a large team).
-- Not in schema.prisma: like the other indexes on the generated "state" column, Prisma does not model it.
CREATE INDEX "findings_team_state_check_idx" ON "findings" ("org_id", "owner_team_id", "state", "source", "check_id")
  INCLUDE ("score", "first_seen_at", "cluster_id", "namespace", "kind", "name", "category", "title");
