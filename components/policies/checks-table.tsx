import { CHECK_CATEGORIES, type TOrgCheckView } from "@/lib/policies/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { CheckCell, FindingsCell, TeamsCell } from "./check-cells";
import { OrgCheckRow } from "./org-check-row";
import { CATEGORY_LABELS, FlagText } from "./setting-badges";

/** Every built-in check by category, with the org's setting: editable for org admins, read-only otherwise. */
export function ChecksTables({
  orgSlug,
  checks,
  editable,
  findingsScope,
}: {
  orgSlug: string;
  checks: readonly TOrgCheckView[];
  editable: boolean;
  /** "org" or "your teams": whose open findings the counts are. */
  findingsScope: string;
}) {
  const columns = editable ? 9 : 8;
  const findingsHref = (checkId: string) => `/o/${orgSlug}/findings?check=${encodeURIComponent(checkId)}`;
  return (
    <div className="space-y-6">
      {CHECK_CATEGORIES.map((category) => {
        const rows = checks.filter((c) => c.check.category === category);
        if (!rows.length) return null;
        const blocking = rows.filter((r) => r.setting.enabled && r.setting.blockAdmission).length;
        const off = rows.filter((r) => !r.setting.enabled).length;
        const label = CATEGORY_LABELS[category];
        return (
          <Card key={category}>
            <CardHeader
              title={label}
              description={[
                `${rows.length} check${rows.length === 1 ? "" : "s"}`,
                blocking ? `${blocking} block${blocking === 1 ? "s" : ""} admission` : null,
                off ? `${off} off` : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            />
            <Table>
              <caption className="sr-only">{`${label} checks and the org's setting of each`}</caption>
              <thead>
                <tr>
                  <Th>Check</Th>
                  <Th>Default</Th>
                  <Th className="text-center">On</Th>
                  <Th>Severity</Th>
                  <Th className="text-center" title="A failing check denies the object at admission">
                    Blocks admission
                  </Th>
                  <Th className="text-center" title="A failing check fails the CI command">
                    Blocks CI
                  </Th>
                  <Th className="text-right" title={`Open findings of ${findingsScope}, any source`}>
                    Open
                  </Th>
                  <Th className="text-right" title="Teams whose override is stricter than the org's setting">
                    Teams
                  </Th>
                  {editable ? (
                    <Th>
                      <span className="sr-only">Save</span>
                    </Th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) =>
                  editable ? (
                    <OrgCheckRow
                      key={row.check.id}
                      orgSlug={orgSlug}
                      check={row.check}
                      setting={row.setting}
                      openFindings={row.openFindings}
                      findingsHref={findingsHref(row.check.id)}
                      tighteningTeams={row.tighteningTeams}
                      columns={columns}
                    />
                  ) : (
                    <tr key={row.check.id} className={row.setting.enabled ? undefined : "bg-slate-50/60"}>
                      <CheckCell check={row.check} muted={!row.setting.enabled} />
                      <Td>
                        <SeverityBadge severity={row.check.defaultSeverity} />
                      </Td>
                      <Td className="text-center">
                        <FlagText on={row.setting.enabled} label="On" />
                      </Td>
                      <Td>
                        <SeverityBadge severity={row.setting.severity} />
                      </Td>
                      <Td className="text-center">
                        <FlagText on={row.setting.blockAdmission} label="Blocks" />
                      </Td>
                      <Td className="text-center">
                        <FlagText on={row.setting.blockCi} label="Blocks" />
                      </Td>
                      <FindingsCell
                        count={row.openFindings}
                        href={findingsHref(row.check.id)}
                        title={row.check.title}
                      />
                      <TeamsCell count={row.tighteningTeams} />
                    </tr>
                  ),
                )}
              </tbody>
            </Table>
          </Card>
        );
      })}
    </div>
  );
}
