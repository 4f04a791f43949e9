import type { TDigestEmailProps } from "../email/digest-model";
import { DIGEST_SEVERITIES, type TDigest } from "./types";

/** What the digest mail shows of a computed digest (lib/notifications/email/digest-email.tsx). */
export function digestEmailProps(d: TDigest, unsubscribe?: { page: string; oneClick: string }): TDigestEmailProps {
  const f = d.findings;
  return {
    cadence: d.kind,
    periodLabel: d.period.label,
    orgName: d.org.name,
    ...(d.team ? { teamName: d.team.name } : {}),
    link: d.links.home,
    severities: DIGEST_SEVERITIES.map((severity) => ({
      severity,
      current: { new: f.new[severity], fixed: f.fixed[severity], open: f.open[severity] },
      previous: { new: f.previous.new[severity], fixed: f.previous.fixed[severity], open: f.previous.open[severity] },
    })),
    topFixes: d.topToFix.map((t) => ({
      title: t.title,
      severity: t.severity,
      where: `${t.source}/${t.check}`,
      count: t.findings,
      link: t.link,
    })),
    cost: {
      currency: d.cost.currency,
      current: d.cost.total,
      previous: d.cost.previous,
      daily: d.cost.daily.map((x) => ({ day: x.day, amount: x.cost })),
      movers: d.cost.movers.map((m) => ({
        name: `${m.cluster.name} / ${m.namespace}`,
        current: m.cost,
        previous: m.previous,
      })),
    },
    budgets: d.budgets.map((b) => ({
      name: b.name,
      spent: b.monthToDate,
      amount: b.monthlyAmount,
      currency: d.cost.currency,
      status: b.ratio >= 1 ? "over" : b.crossed.length || (b.forecast ?? 0) > b.monthlyAmount ? "warning" : "ok",
      link: d.links.budgets,
    })),
    staleClusters: d.staleClusters.map((c) => ({
      name: c.name,
      lastSeen: c.hoursSilent < 48 ? `${c.hoursSilent} hours ago` : `${Math.floor(c.hoursSilent / 24)} days ago`,
      link: d.links.clusters,
    })),
    ...(unsubscribe ? { unsubscribeUrl: unsubscribe.page, oneClickUnsubscribeUrl: unsubscribe.oneClick } : {}),
  };
}
