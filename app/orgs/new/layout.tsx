import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { Logo } from "@/components/shell/logo";
import { SwitchAccountButton } from "@/components/members/switch-account-button";

export default async function NewOrganizationLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/orgs/new");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4 py-12">
      <div className="mb-8">
        <Logo size="lg" />
      </div>
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
      <div className="mt-6 flex items-center gap-3 text-xs text-slate-500">
        <span>Signed in as {user.email}</span>
        <SwitchAccountButton returnTo="/login" variant="ghost" size="sm" className="h-7 px-2 text-xs">
          Sign out
        </SwitchAccountButton>
      </div>
    </main>
  );
}
