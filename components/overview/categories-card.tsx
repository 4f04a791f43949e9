import type { Route } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { FINDING_CATEGORIES } from "@/lib/domain/categories";
import type { TFindingsLinker } from "./links";
import { CATEGORY_LABEL, prepareCategories } from "./prepare-breakdown";

export function CategoriesCard({
  byCategory,
  link,
}: {
  byCategory: Record<(typeof FINDING_CATEGORIES)[number], number>;
  link: TFindingsLinker;
}) {
  const { total, rows } = prepareCategories(byCategory);
  return (
    <Card className="h-full">
      <CardHeader title="Open by category" />
      <CardBody>
        {total === 0 ? (
          <p className="py-2 text-sm text-slate-500">No open findings in any category.</p>
        ) : (
          <ul className="space-y-2.5" aria-label="Open findings by category">
            {rows.map((r) => (
              <li key={r.key}>
                <Link href={link({ category: [r.key] }) as Route} className="group block">
                  <span className="flex items-baseline justify-between gap-3 text-sm">
                    <span className="text-slate-700 group-hover:text-brand-700">{CATEGORY_LABEL[r.key]}</span>
                    <span className="font-medium tabular-nums text-slate-900">{r.count.toLocaleString("en-US")}</span>
                  </span>
                  <span className="mt-1 block h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                    <span
                      className="block h-full rounded-full bg-brand-500/70 group-hover:bg-brand-500"
                      style={{ width: `${Math.max(r.scale * 100, 2)}%` }}
                    />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
