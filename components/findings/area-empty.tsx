import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** The agent's optional reports an area lists, by the chart key that turns each on. */
const TOOLS = { pluto: "Pluto", nova: "Nova", "kube-bench": "kube-bench" } as const;

type TAreaEmpty = {
  sent: boolean;
  report: keyof typeof TOOLS;
  /** What the section lists once the tool reports, e.g. "Deprecated API versions". */
  what: string;
  cleanTitle: string;
  cleanText: string;
};

/**
 * An area with nothing to show: either the report type was never sent (say which chart value turns
 * it on, and link to the clusters page), or it was and nothing the caller sees has a problem.
 */
export function AreaEmpty({ sent, report, what, cleanTitle, cleanText, orgSlug }: TAreaEmpty & { orgSlug: string }) {
  if (!sent) {
    const tool = TOOLS[report];
    return (
      <EmptyState title={`No ${tool} report yet`}>
        {what} appear here once a cluster&apos;s agent sends a {tool} report: enable it in the insights-agent chart (
        <code className="font-mono text-xs">{report}.enabled=true</code>). See{" "}
        <Link href={`/o/${orgSlug}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
          Clusters
        </Link>{" "}
        for what each agent has sent.
      </EmptyState>
    );
  }
  return <EmptyState title={cleanTitle}>{cleanText}</EmptyState>;
}

/** One section of an area page: its rows when there are some (`children`), else why there are none. */
export function AreaCard({
  title,
  description,
  orgSlug,
  empty,
  children,
}: {
  title: string;
  description: string;
  orgSlug: string;
  /** Set when there are no rows. */
  empty: TAreaEmpty | null;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      {empty ? (
        <CardBody>
          <AreaEmpty {...empty} orgSlug={orgSlug} />
        </CardBody>
      ) : (
        children
      )}
    </Card>
  );
}
