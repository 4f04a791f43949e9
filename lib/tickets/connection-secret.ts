import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/server/secret-box";
import type { TTicketSecret } from "./schemas";

// A ticket connection's credentials and webhook secret, sealed like every notification
// connection's secret: one JSON object under the connection's id as context, so a ciphertext
// copied onto another row does not open.

const contextOf = (connectionId: string) => `notification-connection:${connectionId}`;

export function sealTicketSecret(connectionId: string, secret: TTicketSecret): string {
  return encryptSecret(JSON.stringify(secret), contextOf(connectionId));
}

export function openTicketSecret(connectionId: string, sealed: string): TTicketSecret {
  return JSON.parse(decryptSecret(sealed, contextOf(connectionId))) as TTicketSecret;
}
