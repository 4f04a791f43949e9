import type { TTeamCheckRow } from "@/lib/policies/effective";
import { CHECK_CATEGORIES } from "@/lib/domain/categories";
import type { TTeamCheckView } from "@/lib/policies/queries";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { Cell, CheckCell, HeadCell } from "./check-cells";
import { CATEGORY_LABELS, SettingSummary } from "./setting-badges";
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
    <div className="space-y-6">
      {CHECK_CATEGORIES.map((category) => {
        const rows = checks.filter((c) => c.check.category === category);
        if (!rows.length) return null;
        const label = CATEGORY_LABELS[category];
        const stricter = rows.filter((r) => JSON.stringify(r.effective) !== JSON.stringify(r.org)).length;
        return (
          <div key={category} id={category} className="scroll-mt-6">
            <Card>
              <CardHeader
                title={label}
                description={`${rows.length} check${rows.length === 1 ? "" : "s"}${stricter ? ` · ${stricter} stricter for this team` : ""}`}
              />
              <Table>
                <caption className="sr-only">{`${label} checks: the org's baseline, the team's override and what applies`}</caption>
                <thead>
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
                    {editable ? (
                      <HeadCell rowSpan={2}>
                        <span className="sr-only">Save</span>
                      </HeadCell>
                    ) : null}
                  </tr>
                  {editable ? (
                    <tr>
                      <HeadCell>Severity</HeadCell>
                      <HeadCell className="text-center" title="A failing check denies the team's objects at admission">
                        Admission
                      </HeadCell>
                      <HeadCell className="text-center" title="A failing check fails the team's CI runs">
                        CI
                      </HeadCell>
                    </tr>
                  ) : null}
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((view) =>
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
                    ),
                  )}
                </tbody>
              </Table>
            </Card>
          </div>
        );
      })}
    </div>
  );
}
