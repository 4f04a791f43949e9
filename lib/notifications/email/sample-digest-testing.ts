import type { TDigestEmailProps } from "./digest-model";

// A weekly team digest with something in every section, for the template, chart and SMTP tests.

const counts = (n: number, f: number, o: number) => ({ new: n, fixed: f, open: o });

export function sampleDigest(overrides: Partial<TDigestEmailProps> = {}): TDigestEmailProps {
  return {
    cadence: "weekly",
    periodLabel: "2 to 8 March 2026",
    orgName: "Acme",
    teamName: "Payments",
    link: "https://bumpers.test/o/acme/overview?team=payments",
    severities: [
      { severity: "critical", current: counts(2, 1, 5), previous: counts(1, 0, 4) },
      { severity: "high", current: counts(4, 6, 12), previous: counts(3, 2, 14) },
      { severity: "medium", current: counts(1, 0, 20), previous: counts(0, 0, 19) },
      { severity: "low", current: counts(0, 3, 7), previous: counts(2, 1, 10) },
    ],
    topFixes: [
      {
        title: "Privileged containers",
        severity: "critical",
        where: "prod-us-east / payments",
        count: 3,
        link: "https://bumpers.test/o/acme/findings/1",
      },
      { title: "Image runs as root", severity: "high", count: 1, link: "https://bumpers.test/o/acme/findings/2" },
    ],
    cost: {
      currency: "USD",
      current: 1234.5,
      previous: 1100,
      daily: Array.from({ length: 7 }, (_, i) => ({ day: `2026-03-0${i + 2}`, amount: 150 + i * 10 })),
      movers: [{ name: "payments/api", current: 400, previous: 300 }],
    },
    budgets: [
      {
        name: "Payments prod",
        spent: 900,
        amount: 1000,
        currency: "USD",
        status: "warning",
        link: "https://bumpers.test/o/acme/cost/budgets",
      },
    ],
    staleClusters: [{ name: "staging-eu", lastSeen: "3 days ago" }],
    unsubscribeUrl: "https://bumpers.test/unsubscribe/token",
    ...overrides,
  };
}
