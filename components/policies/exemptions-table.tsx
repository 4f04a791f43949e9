import Link from "next/link";
import type { TExemptionView } from "@/lib/policies/queries";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { DeleteExemptionButton } from "./delete-exemption-button";

const PARTS = ["cluster", "namespace", "kind", "name"] as const;

/** "namespace payments-* · kind Deployment", or "Every object" when every pattern is *. */
function ScopeText({ rule }: { rule: TExemptionView }) {
  const parts = PARTS.filter((p) => rule[p] !== "*");
  if (!parts.length) return <span className="text-slate-500">Every object</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {parts.map((p) => (
        <div key={p} className="flex gap-1.5">
          <dt className="w-20 shrink-0 text-slate-500">{p}</dt>
          <dd className="break-words font-mono text-slate-800">{rule[p]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function checksLabel(checkIds: readonly string[]): string {
  return checkIds.includes("*") ? "every check" : checkIds.join(", ");
}

/** The org's exemption rules; expired ones stay listed (muted) until someone deletes them. */
export function ExemptionsTable({
  orgSlug,
  rules,
  editable,
  now,
}: {
  orgSlug: string;
  rules: readonly TExemptionView[];
  editable: boolean;
  now: Date;
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Checks</Th>
          <Th>Objects</Th>
          <Th>Team</Th>
          <Th>Reason</Th>
          <Th>Expires</Th>
          {editable ? (
            <Th>
              <span className="sr-only">Delete</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rules.map((rule) => {
          const expired = Boolean(rule.expiresAt && rule.expiresAt <= now);
          return (
            <tr key={rule.id} className={expired ? "bg-slate-50/60 text-slate-500" : "align-top"}>
              <Td className="max-w-56">
                {rule.checkIds.includes("*") ? (
                  <Badge tone="amber">every check</Badge>
                ) : (
                  <span className="flex flex-wrap gap-1">
                    {rule.checkIds.map((id) => (
                      <code key={id} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                        {id}
                      </code>
                    ))}
                  </span>
                )}
              </Td>
              <Td className="min-w-64">
                <ScopeText rule={rule} />
              </Td>
              <Td className="whitespace-nowrap">
                {rule.team ? (
                  <Link
                    href={`/o/${orgSlug}/policies/teams/${rule.team.slug}`}
                    className="hover:text-brand-700 hover:underline"
                  >
                    {rule.team.name}
                  </Link>
                ) : (
                  <span className="text-slate-500">Any team</span>
                )}
              </Td>
              <Td className="max-w-sm text-sm">{rule.reason}</Td>
              <Td className="whitespace-nowrap">
                {rule.expiresAt ? (
                  expired ? (
                    <Badge tone="neutral">expired {formatDate(rule.expiresAt)}</Badge>
                  ) : (
                    formatDate(rule.expiresAt)
                  )
                ) : (
                  <span className="text-slate-500">never</span>
                )}
                <div className="text-xs text-slate-400">added {formatDate(rule.createdAt)}</div>
              </Td>
              {editable ? (
                <Td className="text-right">
                  <DeleteExemptionButton orgSlug={orgSlug} id={rule.id} label={checksLabel(rule.checkIds)} />
                </Td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
