/** A notification connection as the delivery path reads it (secret still sealed). */
export type TConnectionRow = {
  id: string;
  org_id: string;
  team_id: string | null;
  kind: string;
  name: string;
  secret_ciphertext: string;
  settings: Record<string, unknown>;
  status: "ok" | "broken";
  broken_reason: string | null;
};
