import { randomSecret, sha256Hex } from "@/lib/server/crypto";

// Invitation links carry a secret; only its SHA-256 is stored, so a database leak yields no
// usable links and a lost link cannot be shown again (a new one replaces it).

export type TInvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export function generateInvitationSecret(): string {
  return randomSecret();
}

export function hashInvitationSecret(secret: string): string {
  return sha256Hex(secret);
}

export function invitationLink(origin: string, secret: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${secret}`;
}

export function invitationExpiry(now: Date, ttlHours: number): Date {
  return new Date(now.getTime() + ttlHours * 60 * 60 * 1000);
}

/** Used and revoked win over expired: they say what happened, expiry only what did not. */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): TInvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export const INVITATION_STATUS_MESSAGES: Record<Exclude<TInvitationStatus, "pending">, string> = {
  accepted: "This invitation was already used.",
  revoked: "This invitation was revoked.",
  expired: "This invitation has expired.",
};
