import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { findingScopeOf } from "@/lib/auth/visibility-scope";
import { listOrgChecks } from "@/lib/policies/queries";
import { ChecksTables } from "@/components/policies/checks-table";
import { PolicyModeCard } from "@/components/policies/policy-mode-card";

export const metadata: Metadata = { title: "Policies" };

export default async function PolicyChecksPage({ params }: PageProps<"/o/[org]/policies">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const scope = findingScopeOf(access);
  const { passive, checks } = await listOrgChecks(scope);
  const editable = canOrg(access.role, "org:settings:manage");
  return (
    <div className="space-y-6">
      <PolicyModeCard orgSlug={access.org.slug} passive={passive} editable={editable} />
      <p className="text-sm text-slate-500">
        {editable
          ? "The org's baseline for every team. A check that is on warns when it fails; one that blocks also denies the object at admission or fails the CI run. Teams can only make a check stricter for themselves. Each row saves on its own."
          : "The org's baseline for every team, set by org admins. Your team's admins can make a check stricter for your team under Team overrides."}
      </p>
      <ChecksTables
        orgSlug={access.org.slug}
        checks={checks}
        editable={editable}
        findingsScope={scope.teamIds === null ? "the org" : "your teams"}
      />
    </div>
  );
}
