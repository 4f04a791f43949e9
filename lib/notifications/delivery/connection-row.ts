/** A connection as the senders read it from the outbox's query (its secret still sealed). */
export type TConnectionRow = {
  id: string;
  org_id: string;
  team_id: string | null;
  kind: string;
  name: string;
  secret_ciphertext: string;
  settings: Record<string, unknown>;
};
