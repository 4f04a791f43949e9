import "server-only";
import { createHash } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/server/secret-box";

// A routing key is sealed with its destination's id as the authenticated context, so a sealed key
// copied onto another destination's row does not open. Routes and outbox events copy the sealed
// value together with that destination id: a resolve still reaches the key that got the trigger
// after the destination is renamed, re-keyed or deleted.

const contextOf = (destinationId: string) => `alert-destination:${destinationId}`;

export function sealRoutingKey(destinationId: string, routingKey: string): string {
  return encryptSecret(routingKey, contextOf(destinationId));
}

export function openRoutingKey(destinationId: string, sealed: string): string {
  return decryptSecret(sealed, contextOf(destinationId));
}

/** First 16 hex of SHA-256: tells keys apart (rate limit, key changes) without storing them readable. */
export function keyFingerprint(routingKey: string): string {
  return createHash("sha256").update(routingKey).digest("hex").slice(0, 16);
}

/** What lists show instead of the key. */
export function maskKey(last4: string): string {
  return `••••${last4}`;
}

/** A destination in its audit rows: name, owning team and the masked key. */
export function destinationAudit(d: { name: string; teamId: string | null; keyLast4: string }) {
  return { name: d.name, teamId: d.teamId, key: maskKey(d.keyLast4) };
}
