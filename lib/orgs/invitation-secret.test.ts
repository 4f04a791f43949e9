import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import {
  generateInvitationSecret,
  hashInvitationSecret,
  invitationExpiry,
  invitationLink,
  invitationStatus,
} from "./invitation-secret";
import { ZInvitationSecret } from "./schemas";

describe("invitation secrets", () => {
  it("are 32 random bytes in base64url, different every time, and accepted by the link schema", () => {
    const a = generateInvitationSecret();
    const b = generateInvitationSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(ZInvitationSecret.safeParse(a).success).toBe(true);
    expect(ZInvitationSecret.safeParse(a + "x").success).toBe(false);
    expect(ZInvitationSecret.safeParse("../../etc/passwd").success).toBe(false);
  });

  it("are stored as their SHA-256 in hex", () => {
    const secret = generateInvitationSecret();
    expect(hashInvitationSecret(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it("make links under /invite without doubled slashes", () => {
    expect(invitationLink("https://bumpers.example.com/", "abc")).toBe("https://bumpers.example.com/invite/abc");
    expect(invitationLink("http://localhost:3000", "abc")).toBe("http://localhost:3000/invite/abc");
  });

  it("expire after the configured number of hours", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(invitationExpiry(now, 168).toISOString()).toBe("2026-01-08T00:00:00.000Z");
  });
});

describe("invitationStatus", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const future = new Date("2026-01-02T00:00:00Z");
  const past = new Date("2026-01-01T00:00:00Z");

  it("is pending until it expires, then expired", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: future }, now)).toBe("pending");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: past }, now)).toBe("expired");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
  });

  it("says used or revoked even after expiry", () => {
    expect(invitationStatus({ acceptedAt: past, revokedAt: null, expiresAt: past }, now)).toBe("accepted");
    expect(invitationStatus({ acceptedAt: null, revokedAt: past, expiresAt: past }, now)).toBe("revoked");
  });
});
