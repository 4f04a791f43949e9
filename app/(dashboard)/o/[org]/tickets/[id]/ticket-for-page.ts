import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import type { TOrgAccess } from "@/lib/auth/access";
import { findingScopeOf, scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { getTicket } from "@/lib/tickets/queries";
import { ZTicketId } from "@/lib/tickets/schemas";

// Read once per request by the layout (outside the loading boundary, so a hidden ticket is a
// real 404), the title and the page.
const ticketById = cache((orgId: string, id: string) => getTicket(orgId, id));

/**
 * The ticket if the caller may see its team's findings (the findings pages' rule: org admins see
 * every team's, and the tickets of a deleted team with the unassigned findings), else the 404 page.
 */
export async function ticketForPage(access: TOrgAccess, id: string) {
  if (!ZTicketId.safeParse(id).success) notFound();
  const ticket = await ticketById(access.org.id, id);
  const scope = findingScopeOf(access, "team:read");
  if (!ticket || !scopeIncludesTeam(scope, ticket.team?.id ?? null)) notFound();
  return { ticket, scope };
}
