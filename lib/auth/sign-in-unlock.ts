import "server-only";
import { db, pool } from "@/lib/server/db";
import { randomSecret, sha256Hex } from "@/lib/server/crypto";
import { AppError } from "@/lib/server/errors";
import { renderUnlockEmail } from "@/lib/server/email/account-emails";
import { sendMail } from "@/lib/server/mail";
import { accountAddressKeyPrefix, accountKey } from "./sign-in-keys";

// When failed sign-ins from everywhere reach the account-wide ceiling, the account is locked for
// every address, its owner's included. The owner gets a single-use link that lifts the lock; it
// proves control of the mailbox, which the person guessing passwords does not have. Only the
// SHA-256 of the link's secret is stored.

export const unlockLink = (origin: string, secret: string) => `${origin.replace(/\/+$/, "")}/unlock/${secret}`;

/** Mails the unlock link when the account exists; nothing happens (and nothing shows) otherwise. */
export async function mailUnlockLink(email: string, origin: string, lockedUntil: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  const secret = randomSecret();
  await db.signInUnlock.create({ data: { userId: user.id, tokenHash: sha256Hex(secret), expiresAt: lockedUntil } });
  const link = unlockLink(origin, secret);
  await sendMail({ to: email, ...renderUnlockEmail({ link, lockedUntil }), link, revealLinkInLog: true });
}

/** Lifts the account's sign-in lock; each link works once, and not after the lock would have ended. */
export async function unlockSignIn(secret: string): Promise<{ email: string }> {
  const { rows } = await pool.query<{ email: string }>(
    `DELETE FROM sign_in_unlocks u USING users
      WHERE u.token_hash = $1 AND u.expires_at > now() AND users.id = u.user_id
      RETURNING users.email`,
    [sha256Hex(secret)],
  );
  const email = rows[0]?.email;
  if (!email) throw new AppError("not_found", "This unlock link is not valid, was already used or has expired.");
  await pool.query("DELETE FROM rate_limits WHERE key = $1 OR starts_with(key, $2)", [
    accountKey(email),
    accountAddressKeyPrefix(email),
  ]);
  return { email };
}
