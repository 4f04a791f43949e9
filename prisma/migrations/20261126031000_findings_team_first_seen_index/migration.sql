-- A team's findings newest first: the list sorted by first seen, and the overview's newest critical
-- findings of a team. Without it PostgreSQL walks the whole org's findings in first-seen order and
-- skips every other team's (tens of thousands of rows in a large org).
-- Not in schema.prisma: like the other indexes on the generated "state" column, Prisma does not model it.
CREATE INDEX "findings_team_state_first_seen_idx" ON "findings" ("org_id", "owner_team_id", "state", "first_seen_at" DESC, "id");
