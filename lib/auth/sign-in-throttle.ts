import "server-only";
import { env } from "@/lib/server/env";
import { clearWindow, countEvent, currentWindow } from "@/lib/server/rate-limit";
import { accountAddressKey, accountKey, addressKey } from "./sign-in-keys";
import { mailUnlockLink } from "./sign-in-unlock";

// Failed sign-ins are counted three ways:
// - per (account, client address): a few wrong passwords lock that account from that address
//   only, so a stranger cannot lock someone out of their own account by failing on purpose;
// - per client address over all accounts (4× room, addresses are shared by offices and NAT), so
//   spraying many accounts from one place does not go far;
// - per account over all addresses, with a much higher ceiling over a longer window: an attack
//   spread over many addresses still stops, and the account's owner is mailed a single-use link
//   that lifts the lock (lib/auth/sign-in-unlock.ts).
// An unknown address (no trusted proxy, so no client IP: see client-ip.ts) has no per-address
// bucket: one shared per-account bucket of a few failures would let anyone lock anyone out again.
// Only the account-wide ceiling and its unlock link apply then.

export class SignInThrottledError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: "address" | "account" = "address",
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    const wait = `${minutes} minute${minutes === 1 ? "" : "s"}`;
    // The same words whether or not the account exists: the lock must not reveal that.
    super(
      scope === "account"
        ? `Too many failed sign-ins for this account. Use the unlock link sent to its email address, or try again in ${wait}.`
        : `Too many failed sign-ins. Try again in ${wait}.`,
    );
    this.name = "SignInThrottledError";
  }
}

const secondsUntil = (date: Date) => Math.ceil((date.getTime() - Date.now()) / 1000);

export async function assertSignInAllowed(email: string, clientIp: string | null): Promise<void> {
  const { BUMPERS_SIGNIN_MAX_FAILURES: max, BUMPERS_SIGNIN_ACCOUNT_MAX_FAILURES: ceiling } = env();
  const account = await currentWindow(accountKey(email));
  if (account && account.count >= ceiling) throw new SignInThrottledError(secondsUntil(account.resetAt), "account");
  const limits: [string, number][] = clientIp
    ? [
        [accountAddressKey(email, clientIp), max],
        [addressKey(clientIp), max * 4],
      ]
    : [];
  for (const [key, limit] of limits) {
    const window = await currentWindow(key);
    if (window && window.count >= limit) throw new SignInThrottledError(secondsUntil(window.resetAt));
  }
}

/** Counts one failure; the one that reaches the account-wide ceiling mails the unlock link. */
export async function recordFailedSignIn(email: string, clientIp: string | null, origin: string): Promise<void> {
  const {
    BUMPERS_SIGNIN_WINDOW_SECONDS: seconds,
    BUMPERS_SIGNIN_ACCOUNT_WINDOW_SECONDS: accountSeconds,
    BUMPERS_SIGNIN_ACCOUNT_MAX_FAILURES: ceiling,
  } = env();
  if (clientIp) {
    await countEvent(accountAddressKey(email, clientIp), seconds);
    await countEvent(addressKey(clientIp), seconds);
  }
  const account = await countEvent(accountKey(email), accountSeconds);
  // Exactly once per window: later failures find the account locked before they are counted.
  if (account.count === ceiling) await mailUnlockLink(email, origin, account.resetAt);
}

/** A right password from this address forgets this address's failures, not the account-wide count. */
export async function clearFailedSignIns(email: string, clientIp: string | null): Promise<void> {
  if (clientIp) await clearWindow(accountAddressKey(email, clientIp));
}
