import type { Route } from "next";
import Link from "next/link";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import type { TImageRef } from "@/lib/vulnerabilities/queries";

/** Why the vulnerabilities list is empty, and what to do about it. */
export function VulnerabilitiesEmpty({
  reason,
  orgSlug,
  resetHref,
  firstPageHref,
  teamSelected,
}: {
  reason: "no-report" | "none" | "filtered" | "end";
  orgSlug: string;
  resetHref?: string;
  firstPageHref?: string;
  teamSelected?: boolean;
}) {
  if (reason === "no-report") {
    return (
      <EmptyState
        icon={<EmptyIcon name="shield" />}
        title="No Trivy report yet"
        action={<LinkButton href={`/o/${orgSlug}/clusters` as Route}>Go to clusters</LinkButton>}
      >
        Vulnerabilities appear here once a cluster&apos;s agent sends a Trivy scan of the images it runs: enable trivy
        in the insights-agent chart (<code className="font-mono text-xs">trivy.enabled=true</code>).
      </EmptyState>
    );
  }
  if (reason === "end" || reason === "filtered") {
    const retry =
      reason === "end"
        ? {
            title: "No more results",
            href: firstPageHref,
            label: "Back to the first page",
            text: "The list changed since the previous page (a new scan may have fixed something).",
          }
        : {
            title: "Nothing matches these filters",
            href: resetHref,
            label: "Clear the search",
            text: "Try part of a name, or include vulnerabilities without a published fix.",
          };
    return (
      <EmptyState
        title={retry.title}
        action={
          <Link href={(retry.href ?? "?") as Route} className={buttonClass("secondary")}>
            {retry.label}
          </Link>
        }
      >
        {retry.text}
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<EmptyIcon name="shield" />} title="No open vulnerabilities">
      {teamSelected
        ? "None of the images this team runs has a known open vulnerability in the latest Trivy scans."
        : "None of the images you can see has a known open vulnerability in the latest Trivy scans."}
    </EmptyState>
  );
}

export function ImageFilterNote({ image, clearHref }: { image: TImageRef; clearHref: string }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      <span>
        Vulnerabilities in <span className="font-mono text-slate-900">{image.name}</span>
      </span>
      <Link href={clearHref as Route} className="font-medium text-brand-600 hover:text-brand-700">
        Show every image&apos;s
      </Link>
    </p>
  );
}
