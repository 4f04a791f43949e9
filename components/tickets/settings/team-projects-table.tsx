import Link from "next/link";
import type { TTeamProjectRow } from "@/lib/tickets/projects/list-team-projects";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";

const SOURCE = {
  own: { label: "Own project", tone: "brand" },
  default: { label: "Org default", tone: "neutral" },
  none: { label: "None", tone: "red" },
} as const;

/** Which teams file into their own project, which into the org default, which nowhere. */
export function TeamProjectsTable({ orgSlug, rows }: { orgSlug: string; rows: TTeamProjectRow[] }) {
  return (
    <Table aria-label="Teams' tickets">
      <thead>
        <tr>
          <Th>Team</Th>
          <Th>Tickets go to</Th>
          <Th>Connection</Th>
          <Th>Where</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.teamId}>
            <Td>
              <Link href={`/o/${orgSlug}/teams/${r.teamSlug}/tickets/settings`} className="font-medium text-brand-700">
                {r.teamName}
              </Link>
            </Td>
            <Td>
              <Badge tone={SOURCE[r.source].tone}>{SOURCE[r.source].label}</Badge>
            </Td>
            <Td>{r.connectionName ?? <span className="text-slate-400">—</span>}</Td>
            <Td className="font-mono text-xs">{r.target ?? <span className="text-slate-400">—</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
