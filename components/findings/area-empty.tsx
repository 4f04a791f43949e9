import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * An area with nothing to show: either the report type was never sent (say which chart value turns
 * it on, and link to the clusters page), or it was and nothing the caller sees has a problem.
 */
export function AreaEmpty({
  sent,
  tool,
  chartValue,
  orgSlug,
  what,
  cleanTitle,
  cleanText,
}: {
  sent: boolean;
  tool: string;
  chartValue: string;
  orgSlug: string;
  /** What the section lists once the tool reports, e.g. "Deprecated API versions". */
  what: string;
  cleanTitle: string;
  cleanText: string;
}) {
  if (!sent) {
    return (
      <EmptyState title={`No ${tool} report yet`}>
        {what} appear here once a cluster&apos;s agent sends a {tool} report: enable it in the insights-agent chart (
        <code className="font-mono text-xs">{chartValue}</code>). See{" "}
        <Link href={`/o/${orgSlug}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
          Clusters
        </Link>{" "}
        for what each agent has sent.
      </EmptyState>
    );
  }
  return <EmptyState title={cleanTitle}>{cleanText}</EmptyState>;
}
