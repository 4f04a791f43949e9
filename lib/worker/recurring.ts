import "server-only";
import type { TRecurringJob } from "@/lib/jobs/boss";
import { STALE_CLUSTER_ALERTS_JOB, sweepAlerts } from "@/lib/alerting/stale-job";
import { PRUNE_JOB, pruneRetention } from "@/lib/retention/prune";
import { clearEndedBudgetAlerts } from "@/lib/cost/budgets/clear-ended-budget-alerts";
import { EXPIRE_SNOOZES_JOB, expireSnoozes } from "@/lib/jobs/expire-snoozes";
import { DIGESTS_JOB, runDueDigests } from "@/lib/notifications/digests/run-due";
import { NOTIFICATION_SOURCES_JOB, runNotificationSources } from "@/lib/notifications/sources/run-sources";
import { runSlaBreaches, SLA_BREACH_JOB } from "./sla-breach";
import { DAILY_RULES_PASS_JOB, startDailyPasses } from "@/lib/automation/jobs/daily-pass";
import { EXPIRE_RESOLUTIONS_JOB, expireResolutions } from "@/lib/automation/jobs/expire-resolutions";
import { DISPATCH_JOB, runDueDispatches } from "@/lib/automation/dispatch/run-dispatches";
import { syncRulePages } from "@/lib/automation/dispatch/sync-rule-pages";
import { createTicket } from "@/lib/tickets/create-ticket";
import { pruneSsoState } from "@/lib/sso/requests";

/** The jobs the worker runs on a schedule. */
export const RECURRING_JOBS: readonly TRecurringJob[] = [
  {
    name: EXPIRE_SNOOZES_JOB,
    cron: "* * * * *",
    run: async () => {
      const opened = await expireSnoozes();
      return opened > 0 ? `${opened} snoozed finding(s) open again` : undefined;
    },
  },
  {
    name: STALE_CLUSTER_ALERTS_JOB,
    cron: "* * * * *",
    run: async () => {
      const events = await sweepAlerts();
      return events > 0 ? `${events} alert event(s) enqueued (stale clusters, expired snoozes, team moves)` : undefined;
    },
  },
  {
    // Digests go out at a local hour: a minute's granularity keeps them on time in every zone.
    name: DIGESTS_JOB,
    cron: "* * * * *",
    run: async () => {
      const { queued, skipped, switchedOff } = await runDueDigests();
      return queued + skipped + switchedOff > 0
        ? `${queued} digest(s) queued, ${skipped} empty one(s) not sent, ${switchedOff} personal one(s) switched off (member left)`
        : undefined;
    },
  },
  {
    // Admission denials, blocked CI runs, cost anomalies, PagerDuty incidents and assignments.
    name: NOTIFICATION_SOURCES_JOB,
    cron: "* * * * *",
    run: async () => {
      const queued = await runNotificationSources();
      return queued > 0 ? `${queued} notification(s) queued` : undefined;
    },
  },
  {
    // Findings past their SLA due date: marked once per clock, then notified and paged.
    name: SLA_BREACH_JOB,
    cron: "*/5 * * * *",
    run: async () => {
      const { breached, alertEvents } = await runSlaBreaches();
      return breached > 0 ? `${breached} finding(s) past their SLA due date, ${alertEvents} alert event(s)` : undefined;
    },
  },
  {
    // A month's budget incidents resolve soon after the month ends (and a deleted budget's at once).
    name: "clear-ended-budget-alerts",
    cron: "*/10 * * * *",
    run: async () => {
      const cleared = await clearEndedBudgetAlerts();
      return cleared > 0 ? `${cleared} budget incident(s) of an ended month or a deleted budget resolved` : undefined;
    },
  },
  {
    // Automation rules' resolutions "for N days" lift on time.
    name: EXPIRE_RESOLUTIONS_JOB,
    cron: "* * * * *",
    run: async () => {
      const opened = await expireResolutions();
      return opened > 0 ? `${opened} finding(s) open for triage again (resolution expired)` : undefined;
    },
  },
  {
    // Rules' tickets, messages and pages (the worker's job loop also sends them within seconds of a
    // run); their PagerDuty incidents resolve once none of their findings is open.
    name: DISPATCH_JOB,
    cron: "* * * * *",
    run: async () => {
      const { done, failed, retried } = await runDueDispatches({ fileTicket: createTicket });
      const resolved = await syncRulePages();
      return done + failed + retried + resolved > 0
        ? `${done} rule action(s) sent, ${failed} kept with an error, ${retried} to retry; ${resolved} rule incident(s) resolved`
        : undefined;
    },
  },
  {
    // Age-based conditions, expired rules' changes undone, owners moved: every org's findings
    // through its rules again, as a background job per org. Nightly, before the retention prune.
    name: DAILY_RULES_PASS_JOB,
    cron: "41 2 * * *",
    run: async () => {
      const orgs = await startDailyPasses();
      return orgs > 0 ? `daily rules pass queued for ${orgs} organization(s)` : undefined;
    },
  },
  {
    // Sign-ins in flight, replay guards and sign-in tickets live minutes; what expired goes hourly.
    name: "prune-sso-state",
    cron: "23 * * * *",
    run: async () => {
      const pruned = await pruneSsoState();
      return pruned > 0 ? `pruned ${pruned} expired SSO sign-in state row(s)` : undefined;
    },
  },
  {
    // Nightly, off the hour most cron jobs pick.
    name: PRUNE_JOB,
    cron: "17 3 * * *",
    run: async () => {
      const pruned = await pruneRetention();
      const total = Object.values(pruned).reduce((sum, n) => sum + n, 0);
      return total > 0
        ? `pruned ${pruned.reports} report(s), ${pruned.findingEvents} finding event(s), ` +
            `${pruned.deliveryLog} delivery log event(s), ${pruned.admissionLog} admission decision(s), ` +
            `${pruned.ciScans} CI scan(s), ${pruned.ciFindings} CI finding(s), ` +
            `${pruned.ruleRuns} rule run(s), ${pruned.automationJobs} rule job(s)`
        : undefined;
    },
  },
];
