-- The label views and label budgets read one key's rows of a range: with the value, team and sums
-- in the index they are an index-only scan instead of thousands of scattered heap reads.
DROP INDEX "cost_label_daily_org_id_label_key_day_idx";
CREATE INDEX "cost_label_daily_covering_idx" ON "cost_label_daily"
  ("org_id", "label_key", "day", "label_value", "owner_team_id", "total_cost", "used_cost", "requested_cost");
