import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/orgs/queries";

export const dynamic = "force-dynamic";

/** Signed out → sign-in; otherwise the user's first organization, or a page to create one. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const orgs = await listUserOrganizations(user.id);
  redirect(orgs.length ? `/o/${orgs[0].slug}` : "/orgs/new");
}
