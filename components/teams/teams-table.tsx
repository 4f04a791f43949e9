import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TTeamListItem } from "@/lib/teams/queries";

/** Teams in ownership order: the first team whose scope includes a resource owns it. */
export function TeamsTable({ orgSlug, teams }: { orgSlug: string; teams: TTeamListItem[] }) {
  const num = (n: number) => n.toLocaleString("en-US");
  return (
    <Table>
      <thead>
        <tr>
          <Th>Team</Th>
          <Th>Slug</Th>
          <Th className="text-right">Priority</Th>
          <Th className="text-right">Rules</Th>
          <Th className="text-right">Members</Th>
          <Th className="text-right">Owned workloads</Th>
          <Th>
            <span className="sr-only">Links</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {teams.map((team) => (
          <tr key={team.id}>
            <Td className="max-w-xs">
              <Link
                href={`/o/${orgSlug}/settings/teams/${team.slug}`}
                className="font-medium text-slate-900 hover:text-brand-700"
              >
                {team.name}
              </Link>
              {team.description ? <p className="truncate text-xs text-slate-500">{team.description}</p> : null}
            </Td>
            <Td className="whitespace-nowrap font-mono text-xs">{team.slug}</Td>
            <Td className="text-right tabular-nums">{num(team.priority)}</Td>
            <Td className="text-right tabular-nums">
              {team.ruleCount ? num(team.ruleCount) : <Badge tone="amber">none</Badge>}
            </Td>
            <Td className="text-right tabular-nums">{num(team.memberCount)}</Td>
            <Td className="text-right tabular-nums">{num(team.ownedWorkloads)}</Td>
            <Td className="whitespace-nowrap text-right">
              <Link
                href={`/o/${orgSlug}/teams/${team.slug}`}
                className="text-sm font-medium text-brand-600 hover:text-brand-700"
                aria-label={`Open the ${team.name} team page`}
              >
                Team page
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
