import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { getDestination } from "@/lib/alerting/destinations/queries";
import { AppError } from "@/lib/server/errors";

// Checked outside the page's loading boundary, so the answers are real statuses: 403 for members
// (a destination's page is for those who manage destinations, like other admin pages), 404 for
// another org's destination id.
export default async function DestinationLayout({
  children,
  params,
}: LayoutProps<"/o/[org]/alerting/destinations/[id]">) {
  const { org, id } = await params;
  const access = await requireOrgPage(org, "org:integrations:manage");
  try {
    await getDestination(access.org.id, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  return children;
}
