import type { Route } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";

/** No Jira or GitHub connection to file through yet: where to add one. */
export function NoTicketConnection({ href, linkText }: { href: string; linkText: string }) {
  return (
    <EmptyState icon={<EmptyIcon name="bell" />} title="No Jira or GitHub connection yet">
      Add one in{" "}
      <Link href={href as Route} className="font-medium text-brand-700 underline">
        {linkText}
      </Link>
      , then choose the project or repository tickets go to.
    </EmptyState>
  );
}
