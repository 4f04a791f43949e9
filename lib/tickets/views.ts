// How tickets appear next to findings, groups and CVEs (a chip linking out), shared by queries
// and components.

export type TTicketState = "creating" | "open" | "done" | "wont_do" | "failed";

export type TTicketChip = {
  id: string;
  provider: "jira" | "github";
  /** "PAY-12", "acme/payments#12"; null while the provider has not answered. */
  key: string | null;
  url: string | null;
  state: TTicketState;
  /** The provider's status name ("In Progress"). */
  providerStatus: string;
};

export const TICKET_STATE_LABELS: Readonly<Record<TTicketState, string>> = {
  creating: "Creating…",
  open: "Open",
  done: "Done",
  wont_do: "Won't do",
  failed: "Not created",
};
