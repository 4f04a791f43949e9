import { requireTeamPage } from "@/lib/auth/page-guards";

// The access check runs here, outside the page's loading boundary: once the skeleton has streamed
// the status is already 200, so a team the user may not see must fail before that to be a real 404.
export default async function TeamLayout({ children, params }: LayoutProps<"/o/[org]/teams/[team]">) {
  const { org, team } = await params;
  await requireTeamPage(org, team);
  return children;
}
