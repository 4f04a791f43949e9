-- Alert rules of kind sla_breach page for findings past their SLA due date (lib/sla/due-sql.ts),
-- grouped like findings rules, and resolve once none of the group is overdue any more.
ALTER TYPE "alert_rule_kind" ADD VALUE 'sla_breach';
