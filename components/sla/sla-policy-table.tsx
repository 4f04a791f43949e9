import { formatSlaDays, SLA_SEVERITY_LABELS } from "@/lib/sla/policy-rules";
import { SLA_SEVERITIES, type TSlaPolicy } from "@/lib/sla/schemas";
import { Table, Td, Th } from "@/components/ui/table";

/** Read-only days per severity: what applies, and where a team's own days come from. */
export function SlaPolicyTable({
  policy,
  org,
  own,
  caption,
}: {
  policy: TSlaPolicy;
  org: TSlaPolicy;
  /** The team's own days, when it has a policy. */
  own: TSlaPolicy | null;
  caption: string;
}) {
  return (
    <Table wrapperClassName="rounded-md border border-slate-200">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <Th>Severity</Th>
          <Th>Due in</Th>
          <Th>Organization</Th>
          <Th>Team&apos;s own</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {SLA_SEVERITIES.map((s) => (
          <tr key={s}>
            <Td className="font-medium text-slate-900">{SLA_SEVERITY_LABELS[s]}</Td>
            <Td className="tabular-nums">{formatSlaDays(policy[s])}</Td>
            <Td className="tabular-nums text-slate-600">{formatSlaDays(org[s])}</Td>
            <Td className="tabular-nums text-slate-600">
              {own?.[s] === null || own?.[s] === undefined ? "—" : formatSlaDays(own[s])}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
