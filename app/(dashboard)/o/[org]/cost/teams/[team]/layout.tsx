import { requireOrgPage } from "@/lib/auth/page-guards";
import { costTeamOr404 } from "@/lib/cost/loaders/page";

// The guard runs here, outside the pages' loading boundary, so a team the caller may not read (or
// another org's) answers with a real 404 status rather than a streamed not-found page.
export default async function TeamCostLayout({ children, params }: LayoutProps<"/o/[org]/cost/teams/[team]">) {
  const { org, team } = await params;
  const access = await requireOrgPage(org);
  await costTeamOr404(access, team);
  return children;
}
