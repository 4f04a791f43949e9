import type { TOrgCheckView } from "@/lib/policies/queries";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { BlockHeadCells, Cell, CheckCell, FindingsCell, HeadCell, SaveHeadCell, TeamsCell } from "./check-cells";
import { OrgCheckRow } from "./org-check-row";
import { CheckCategoryCards } from "./check-category-cards";
import { FlagText } from "./setting-badges";

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
  const columns = editable ? 8 : 7;
  const findingsHref = (checkId: string) => `/o/${orgSlug}/findings?check=${encodeURIComponent(checkId)}`;
  return (
    <CheckCategoryCards
      checks={checks}
      describe={(rows) => {
        const blocking = rows.filter((r) => r.setting.enabled && r.setting.blockAdmission).length;
        const off = rows.filter((r) => !r.setting.enabled).length;
        return [blocking ? `${blocking} block${blocking === 1 ? "s" : ""} admission` : null, off ? `${off} off` : null];
      }}
      caption={(label) => `${label} checks and the org's setting of each`}
      head={
        <>
          <tr>
            <HeadCell rowSpan={2} className="align-bottom">
              Check
            </HeadCell>
            <HeadCell rowSpan={2} className="text-center align-bottom">
              On
            </HeadCell>
            <HeadCell rowSpan={2} className="align-bottom">
              Severity
            </HeadCell>
            <HeadCell colSpan={2} scope="colgroup" className="pb-0 text-center">
              Blocks
            </HeadCell>
            <HeadCell
              rowSpan={2}
              className="text-right align-bottom"
              title={`Open findings of ${findingsScope}, any source`}
            >
              Open
            </HeadCell>
            <HeadCell
              rowSpan={2}
              className="text-right align-bottom"
              title="Teams whose override is stricter than the org's setting"
            >
              Teams
            </HeadCell>
            {editable ? <SaveHeadCell /> : null}
          </tr>
          <tr>
            <BlockHeadCells whose="org" />
          </tr>
        </>
      }
      row={(row) =>
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
            <Cell className="text-center">
              <FlagText on={row.setting.enabled} label="On" />
            </Cell>
            <Cell className="whitespace-nowrap">
              <SeverityBadge severity={row.setting.severity} />
              {row.setting.severity !== row.check.defaultSeverity ? (
                <span className="ml-1.5 text-xs text-slate-500">default {row.check.defaultSeverity}</span>
              ) : null}
            </Cell>
            <Cell className="text-center">
              <FlagText on={row.setting.blockAdmission} label="Blocks" tone="red" />
            </Cell>
            <Cell className="text-center">
              <FlagText on={row.setting.blockCi} label="Blocks" tone="red" />
            </Cell>
            <FindingsCell count={row.openFindings} href={findingsHref(row.check.id)} title={row.check.title} />
            <TeamsCell count={row.tighteningTeams} />
          </tr>
        )
      }
    />
  );
}
