import type { Route } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

const LINK = "font-medium text-brand-600 hover:text-brand-700";

function Snippet({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-left font-mono text-xs leading-relaxed text-slate-100"
    >
      <code>{children}</code>
    </pre>
  );
}

/**
 * The CI tab before any scan arrived: how to run `bumpers check --server` in a pipeline with a
 * CI token, and how repositories come to belong to teams.
 */
export function CiSetup({
  orgSlug,
  serverUrl,
  canManageOrg,
}: {
  orgSlug: string;
  serverUrl: string;
  /** Org admins get links to the token and team settings; others are told whom to ask. */
  canManageOrg: boolean;
}) {
  const base = `/o/${encodeURIComponent(orgSlug)}`;
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8">
      <div className="mx-auto max-w-2xl">
        <h3 className="text-sm font-semibold text-slate-900">No CI results yet</h3>
        <p className="mt-1 text-sm text-slate-500">
          <code className="font-mono text-xs">bumpers check</code> runs the same policy checks as the admission webhook
          on your repository&apos;s manifests, before they reach a cluster. With{" "}
          <code className="font-mono text-xs">--server</code> it applies the organization&apos;s settings (which checks
          block a merge) and reports the failures here, per repository and branch.
        </p>
        <ol className="mt-5 list-decimal space-y-4 pl-5 text-sm text-slate-700 marker:font-semibold marker:text-slate-400">
          <li>
            {canManageOrg ? (
              <>
                Create a token of kind <strong>CI</strong> in{" "}
                <Link href={`${base}/settings/tokens` as Route} className={LINK}>
                  Settings → Tokens
                </Link>
              </>
            ) : (
              <>
                Ask an org admin for a token of kind <strong>CI</strong> (Settings → Tokens)
              </>
            )}{" "}
            and store it in your CI system&apos;s secrets as <code className="font-mono text-xs">BUMPERS_TOKEN</code>.
            It can only read policy settings and upload results.
          </li>
          <li>
            Run the check on your manifests in the pipeline, for example in GitHub Actions:
            <div className="mt-2">
              <Snippet label="GitHub Actions step">{`- name: Kubernetes policy checks
  run: npx bumpers check --server ${serverUrl} deploy/
  env:
    BUMPERS_TOKEN: \${{ secrets.BUMPERS_TOKEN }}`}</Snippet>
            </div>
            <p className="mt-2 text-slate-500">
              The repository, branch and commit come from GitHub Actions&apos; or GitLab CI&apos;s variables (or{" "}
              <code className="font-mono text-xs whitespace-nowrap">--repository</code>,{" "}
              <code className="font-mono text-xs">--branch</code>, <code className="font-mono text-xs">--commit</code>).
              The run fails when a blocking check fails. Rendered charts work too, from standard input:
            </p>
            <div className="mt-2">
              <Snippet label="Helm chart">{`helm template ./chart | npx bumpers check --server ${serverUrl} -`}</Snippet>
            </div>
          </li>
          <li>
            Give each team its repositories in{" "}
            {canManageOrg ? (
              <Link href={`${base}/settings/teams` as Route} className={LINK}>
                Settings → Teams
              </Link>
            ) : (
              "Settings → Teams"
            )}{" "}
            (patterns such as <code className="font-mono text-xs">acme/payments-*</code>), so its members see their
            results here and the team&apos;s stricter policy settings apply.
          </li>
        </ol>
      </div>
    </div>
  );
}

/** Why a branch named by a link shows nothing; the same words whether or not other branches do. */
export function unseenBranchText(repository: string, branch: string): string {
  return `No scan of the branch ${branch} of ${repository} that you can see: it has not been scanned, or the repository belongs to a team you are not on.`;
}

/** Scans exist, but none of a repository the caller's teams own, or none the filters or link match. */
export function CiNothingVisible({
  filtered,
  branch,
  clearHref,
}: {
  filtered: boolean;
  /** The repository and branch a link named, when it did. */
  branch: { repository: string; branch: string } | null;
  clearHref: string;
}) {
  const showAll = (
    <Link href={clearHref as Route} className={LINK}>
      Show every repository
    </Link>
  );
  if (branch) {
    return (
      <EmptyState title="Nothing to show for this branch" action={showAll}>
        {unseenBranchText(branch.repository, branch.branch)}
      </EmptyState>
    );
  }
  return filtered ? (
    <EmptyState title="No CI scans match these filters" action={showAll} />
  ) : (
    <EmptyState title="No CI results for your teams">
      Scans have been uploaded, but none of a repository your teams own. Repositories belong to teams through the
      patterns org admins set in each team&apos;s settings.
    </EmptyState>
  );
}
