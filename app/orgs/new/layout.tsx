import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { CenteredCard } from "@/components/shell/centered-card";
import { SwitchAccountButton } from "@/components/members/switch-account-button";

export default async function NewOrganizationLayout({ children }: LayoutProps<"/orgs/new">) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/orgs/new");
  return (
    <CenteredCard
      footer={
        <div className="flex items-center gap-3">
          <span>Signed in as {user.email}</span>
          <SwitchAccountButton returnTo="/login" variant="ghost" size="sm" className="h-7 px-2 text-xs">
            Sign out
          </SwitchAccountButton>
        </div>
      }
    >
      {children}
    </CenteredCard>
  );
}
