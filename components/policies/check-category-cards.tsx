import type { ReactNode } from "react";
import { CHECK_CATEGORIES, type TCheckCategory } from "@/lib/domain/categories";
import type { TCheckInfo } from "@/lib/policies/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { CATEGORY_LABELS } from "./setting-badges";

/**
 * The checks in one card per category (a category without checks is left out), each a table whose
 * card can be linked to by the category's id. The org's Checks tab and a team's page differ in
 * their columns, the description of a category and the rows.
 */
export function CheckCategoryCards<R extends { check: TCheckInfo }>({
  checks,
  describe,
  caption,
  head,
  row,
}: {
  checks: readonly R[];
  /** What the card's description says after the number of checks, e.g. "2 off". */
  describe: (rows: readonly R[]) => (string | null)[];
  caption: (categoryLabel: string) => string;
  /** The rows of the table's head. */
  head: ReactNode;
  row: (check: R) => ReactNode;
}) {
  return (
    <div className="space-y-6">
      {CHECK_CATEGORIES.map((category: TCheckCategory) => {
        const rows = checks.filter((c) => c.check.category === category);
        if (!rows.length) return null;
        const label = CATEGORY_LABELS[category];
        return (
          <div key={category} id={category} className="scroll-mt-6">
            <Card>
              <CardHeader
                title={label}
                description={[`${rows.length} check${rows.length === 1 ? "" : "s"}`, ...describe(rows)]
                  .filter(Boolean)
                  .join(" · ")}
              />
              <Table>
                <caption className="sr-only">{caption(label)}</caption>
                <thead>{head}</thead>
                <tbody className="divide-y divide-slate-100">{rows.map(row)}</tbody>
              </Table>
            </Card>
          </div>
        );
      })}
    </div>
  );
}
