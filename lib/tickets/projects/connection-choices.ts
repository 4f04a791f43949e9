import { isTicketConnectionKind, type TTicketConnectionKind } from "../schemas";

/** The Jira and GitHub connections of a list (the project form's choices). */
export function ticketConnectionChoices(
  connections: readonly { id: string; name: string; kind: string; teamName: string | null }[],
): { id: string; name: string; kind: TTicketConnectionKind; teamName: string | null }[] {
  return connections.flatMap(({ id, name, kind, teamName }) =>
    isTicketConnectionKind(kind) ? [{ id, name, kind, teamName }] : [],
  );
}
