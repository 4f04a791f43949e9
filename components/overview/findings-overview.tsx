import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { SEVERITY_NAMES } from "@/lib/domain/severity";
import type { TOverview } from "@/lib/findings/overview";
import { CategoriesCard } from "./categories-card";
import type { TFindingsLinker } from "./links";
import { NewestCriticalCard } from "./newest-critical-card";
import { formatShare } from "./prepare-breakdown";
import { SeverityCard } from "./severity-card";
import { StatTile } from "./stat-tile";
import { TrendCard } from "./trend-card";
import { WorstPlacesCard } from "./worst-places-card";

/**
 * The findings overview of one scope (the caller's org view, or one team): headline numbers, the
 * 30-day trend, breakdowns and where the worst findings are. Every figure links to the list.
 */
export function FindingsOverview({
  orgSlug,
  overview,
  link,
  scopeHint,
  unassignedOpen = null,
  showTeam,
  empty,
  now = new Date(),
}: {
  orgSlug: string;
  overview: TOverview;
  link: TFindingsLinker;
  /** Under the open count: whose findings these are. */
  scopeHint: string;
  /** Org admins: open findings no team owns; null hides the tile. */
  unassignedOpen?: number | null;
  showTeam: boolean;
  /** What to show when there is no finding at all yet (title, text, next step). */
  empty: { title: string; body: ReactNode; action?: ReactNode };
  now?: Date;
}) {
  const { byState, bySeverity } = overview;
  if (Object.values(byState).every((n) => n === 0)) {
    return (
      <EmptyState icon={<EmptyIcon name="shield" />} title={empty.title} action={empty.action}>
        {empty.body}
      </EmptyState>
    );
  }
  const open = byState.open;
  const fixed30 = overview.trend.reduce((sum, d) => sum + d.fixed, 0);
  const ofOpen = (n: number) => (open ? `${formatShare(n / open)} of open` : "none open");
  return (
    <div className="space-y-6">
      <div
        data-testid="headline"
        className={
          unassignedOpen === null
            ? "grid grid-cols-2 gap-4 md:grid-cols-5"
            : "grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6"
        }
      >
        <StatTile label="Open findings" value={open} href={link()} hint={scopeHint} />
        {(["critical", "high"] as const).map((severity) => (
          <StatTile
            key={severity}
            label={SEVERITY_NAMES[severity]}
            value={bySeverity[severity]}
            href={link({ severity: [severity] })}
            hint={ofOpen(bySeverity[severity])}
            tone={severity}
          />
        ))}
        <StatTile
          label="Fixed"
          value={fixed30}
          href={link({ status: ["fixed"], sort: "last_seen" })}
          hint="in the last 30 days"
          tone="good"
        />
        <StatTile
          label="Triaged"
          value={byState.snoozed + byState.resolved}
          href={link({ status: ["snoozed", "resolved"] })}
          hint="snoozed, resolved"
          title={`${byState.snoozed.toLocaleString("en-US")} snoozed, ${byState.resolved.toLocaleString("en-US")} resolved`}
        />
        {unassignedOpen !== null ? (
          <StatTile
            label="Unassigned"
            value={unassignedOpen}
            href={link({ team: ["unassigned"] })}
            hint="owned by no team"
          />
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <TrendCard days={overview.trend} />
        </div>
        <div className="lg:col-span-2">
          <SeverityCard bySeverity={bySeverity} link={link} />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <NewestCriticalCard
            orgSlug={orgSlug}
            findings={overview.newestCritical}
            link={link}
            showTeam={showTeam}
            now={now}
          />
        </div>
        <div className="lg:col-span-2">
          <CategoriesCard byCategory={overview.byCategory} link={link} />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <WorstPlacesCard title="Namespaces with the most to fix" places={overview.worstNamespaces} link={link} />
        </div>
        <div className="lg:col-span-2">
          <WorstPlacesCard title="Open findings by cluster" places={overview.worstClusters} link={link} />
        </div>
      </div>
    </div>
  );
}
