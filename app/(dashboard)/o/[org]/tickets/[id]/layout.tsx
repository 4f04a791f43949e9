import type { ReactNode } from "react";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { ticketForPage } from "./ticket-for-page";

// The access check runs here, outside the page's loading boundary: a ticket the caller may not
// see must fail before the skeleton streams a 200.
export default async function TicketLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  await ticketForPage(await requireOrgPage(org), id);
  return children;
}
