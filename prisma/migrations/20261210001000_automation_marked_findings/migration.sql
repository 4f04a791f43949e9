-- The automation engine asks "does any finding of this org carry a rule's mark?" before every run
-- (after each report, triage action and admission decision): with no active rule and no mark there
-- is nothing to apply or undo. A partial index keeps that an index-only lookup; it stays as small
-- as the set of findings rules have touched.
CREATE INDEX "findings_rule_marked_idx" ON "findings" ("org_id") WHERE "rule_marks" IS NOT NULL;
