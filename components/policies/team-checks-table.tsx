import type { TTeamCheckRow } from "@/lib/policies/effective";
import type { TTeamCheckView } from "@/lib/policies/queries";
import { Badge } from "@/components/ui/badge";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { BlockHeadCells, Cell, CheckCell, HeadCell, SaveHeadCell } from "./check-cells";
import { CheckCategoryCards } from "./check-category-cards";
import { SettingSummary } from "./setting-badges";
import { TeamCheckRow } from "./team-check-row";

/** What a team's own row adds, for readers: nothing, or each field it tightens. */
function OverrideSummary({ team, view }: { team: TTeamCheckRow | null; view: TTeamCheckView }) {
  const parts = [
    team?.enabled && !view.org.enabled ? <Badge key="on">turned on</Badge> : null,
    team?.severity && team.severity !== view.org.severity && view.effective.severity === team.severity ? (
      <SeverityBadge key="sev" severity={team.severity} />
    ) : null,
    team?.blockAdmission && !view.org.blockAdmission ? (
      <Badge key="adm" tone="red">
        blocks admission
      </Badge>
    ) : null,
    team?.blockCi && !view.org.blockCi ? (
      <Badge key="ci" tone="red">
        blocks CI
      </Badge>
    ) : null,
  ].filter(Boolean);
  if (!parts.length) return <span className="text-slate-300">–</span>;
  return <span className="inline-flex flex-wrap gap-1">{parts}</span>;
}

/** A team's page: per check the org baseline, the team's override (editable by its admins) and what applies. */
export function TeamChecksTables({
  orgSlug,
  teamSlug,
  checks,
  editable,
}: {
  orgSlug: string;
  teamSlug: string;
  checks: readonly TTeamCheckView[];
  editable: boolean;
}) {
  const columns = editable ? 7 : 4;
  return (
    <CheckCategoryCards
      checks={checks}
      describe={(rows) => {
        const stricter = rows.filter((r) => JSON.stringify(r.effective) !== JSON.stringify(r.org)).length;
        return [stricter ? `${stricter} stricter for this team` : null];
      }}
      caption={(label) => `${label} checks: the org's baseline, the team's override and what applies`}
      head={
        <>
          <tr>
            <HeadCell rowSpan={editable ? 2 : 1} className="align-bottom">
              Check
            </HeadCell>
            <HeadCell rowSpan={editable ? 2 : 1} className="align-bottom">
              Org baseline
            </HeadCell>
            {editable ? (
              <HeadCell colSpan={3} scope="colgroup" className="pb-0 text-center">
                Team override
              </HeadCell>
            ) : (
              <HeadCell>Team override</HeadCell>
            )}
            <HeadCell rowSpan={editable ? 2 : 1} className="align-bottom" title="What the webhook and CI use">
              Applies
            </HeadCell>
            {editable ? <SaveHeadCell /> : null}
          </tr>
          {editable ? (
            <tr>
              <HeadCell>Severity</HeadCell>
              <BlockHeadCells whose="team" />
            </tr>
          ) : null}
        </>
      }
      row={(view) =>
        editable ? (
          <TeamCheckRow
            key={view.check.id}
            orgSlug={orgSlug}
            teamSlug={teamSlug}
            check={view.check}
            org={view.org}
            team={view.team}
            effective={view.effective}
            columns={columns}
          />
        ) : (
          <tr key={view.check.id}>
            <CheckCell check={view.check} muted={!view.effective.enabled} />
            <Cell>
              <SettingSummary setting={view.org} />
            </Cell>
            <Cell>
              <OverrideSummary team={view.team} view={view} />
            </Cell>
            <Cell>
              <SettingSummary setting={view.effective} />
            </Cell>
          </tr>
        )
      }
    />
  );
}
