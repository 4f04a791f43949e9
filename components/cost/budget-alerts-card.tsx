import { formatMoney } from "@/lib/cost/format/numbers";
import type { TBudgetAlertView } from "@/lib/cost/budgets/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { thresholdLabel } from "./budget-list";

/** The budget thresholds crossed lately, newest first. */
export function BudgetAlertsCard({ alerts, currency }: { alerts: readonly TBudgetAlertView[]; currency: string }) {
  return (
    <Card>
      <CardHeader
        title="Recent budget alerts"
        description="Each threshold is raised once a month, here and through the alerting rules."
      />
      {alerts.length ? (
        <Table>
          <caption className="sr-only">Recent budget alerts</caption>
          <thead>
            <tr>
              <Th>Raised</Th>
              <Th>Budget</Th>
              <Th>Team</Th>
              <Th>Threshold</Th>
              <Th className="text-right">At</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {alerts.map((a) => (
              <tr key={a.id}>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(a.raisedAt)}</Td>
                <Td className="font-medium text-slate-900">{a.budget.name}</Td>
                <Td>{a.team?.name ?? <span className="italic text-slate-500">Organization</span>}</Td>
                <Td>{thresholdLabel(a.threshold)}</Td>
                <Td className="text-right tabular-nums">
                  {formatMoney(a.amount, currency)} of {formatMoney(a.monthlyAmount, currency)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">No budget threshold has been crossed yet.</p>
      )}
    </Card>
  );
}
