import Link from "next/link";
import type { TTeamOverrideSummary } from "@/lib/policies/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

/** The teams the caller can open, with how many checks each makes stricter. */
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
            <Th className="text-right">Checks made stricter</Th>
            <Th className="text-right">Blocking only for this team</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {teams.map((team) => (
            <tr key={team.id}>
              <Td>
                <Link
                  href={`${base}/${team.slug}`}
                  className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {team.name}
                </Link>
              </Td>
              <Td className="text-right tabular-nums">
                {team.tightened ? (
                  team.tightened
                ) : (
                  <span className="text-slate-400">none, the org&apos;s baseline</span>
                )}
              </Td>
              <Td className="text-right tabular-nums">
                {team.blocksAdmission ? (
                  `${team.blocksAdmission} in admission`
                ) : (
                  <span className="text-slate-300" aria-label="none">
                    –
                  </span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
