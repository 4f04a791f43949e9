import type { Route } from "next";
import Link from "next/link";
import type { TTeamOverrideSummary } from "@/lib/policies/queries";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { blocksText } from "./setting-badges";

const SHOWN = 6;

/** The teams the caller can open, with the checks each makes stricter than the org. */
export function TeamOverridesList({
  base,
  teams,
  allTeams,
}: {
  base: string;
  teams: readonly TTeamOverrideSummary[];
  /** Org admins see every team; members their own. */
  allTeams: boolean;
}) {
  return (
    <Card>
      <CardHeader
        title={allTeams ? "Teams" : "Your teams"}
        description="A team's admins can make checks stricter for the team's own workloads: turn on a check the org turned off, raise its severity, make it block. They can never loosen the org's baseline."
      />
      <Table>
        <thead>
          <tr>
            <Th>Team</Th>
            <Th>Stricter than the org</Th>
            <Th>
              <span className="sr-only">Open</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {teams.map((team) => (
            <tr key={team.id} className="align-top">
              <Td className="whitespace-nowrap">
                <Link
                  href={`${base}/${team.slug}` as Route}
                  className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {team.name}
                </Link>
              </Td>
              <Td>
                {team.stricter.length ? (
                  <ul className="flex flex-wrap gap-1.5" aria-label={`Checks ${team.name} makes stricter`}>
                    {team.stricter.slice(0, SHOWN).map((s) => (
                      <li
                        key={s.checkId}
                        className="rounded-md bg-slate-50 px-2 py-1 text-xs ring-1 ring-inset ring-slate-200"
                      >
                        <span className="font-medium text-slate-800">{s.title}</span>{" "}
                        <span className="text-slate-500">
                          · {s.effective.severity}
                          {blocksText(s.effective) ? `, ${blocksText(s.effective)}` : ""}
                        </span>
                      </li>
                    ))}
                    {team.stricter.length > SHOWN ? (
                      <li className="px-1 py-1 text-xs text-slate-500">+{team.stricter.length - SHOWN} more</li>
                    ) : null}
                  </ul>
                ) : (
                  <span className="text-slate-500">Nothing: the org&apos;s baseline applies as it is.</span>
                )}
              </Td>
              <Td className="text-right">
                <Link href={`${base}/${team.slug}` as Route} className={buttonClass("secondary", "sm")}>
                  Overrides
                  <span className="sr-only"> of {team.name}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
