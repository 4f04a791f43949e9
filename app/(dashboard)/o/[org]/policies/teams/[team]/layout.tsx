import { requireTeamPage } from "@/lib/auth/page-guards";

// The guard runs here, outside the page's loading boundary, so a team the caller is not on (or
// another org's) answers with a real 404 status rather than a streamed not-found page.
export default async function TeamPolicyLayout({ children, params }: LayoutProps<"/o/[org]/policies/teams/[team]">) {
  const { org, team } = await params;
  await requireTeamPage(org, team);
  return children;
}
