import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/orgs/queries";
import { CreateOrganizationForm } from "@/components/orgs/create-organization-form";
import { createOrganizationAction } from "@/lib/orgs/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/orgs/new");
  const orgs = await listUserOrganizations(user.id);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create an organization</h1>
      {orgs.length ? (
        <p className="mt-1 text-sm text-slate-500">
          You will be its owner. Your other organizations stay as they are; switch between them from the sidebar.
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-500">
          You are not a member of any organization yet. Create one and invite your teams, or open the invitation link a
          colleague sent you to join theirs.
        </p>
      )}
      <CreateOrganizationForm action={createOrganizationAction} />
      {orgs.length ? (
        <p className="mt-6 text-center text-sm text-slate-500">
          <Link href={`/o/${orgs[0].slug}`} className="font-medium text-brand-600 hover:text-brand-700">
            Back to {orgs[0].name}
          </Link>
        </p>
      ) : null}
    </>
  );
}
