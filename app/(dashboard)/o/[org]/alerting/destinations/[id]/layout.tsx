import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { getDestination } from "@/lib/alerting/destinations/queries";
import { AppError } from "@/lib/server/errors";

// Checked outside the page's loading boundary, so another org's destination id is a real 404.
export default async function DestinationLayout({
  children,
  params,
}: LayoutProps<"/o/[org]/alerting/destinations/[id]">) {
  const { org, id } = await params;
  const access = await requireOrgPage(org);
  try {
    await getDestination(access.org.id, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  return children;
}
