import "server-only";
import { env } from "@/lib/server/env";
import { clearWindow, countEvent, currentWindow } from "@/lib/server/rate-limit";

// Failed sign-ins are counted per email and per client address, so neither guessing one
// account's password nor spraying many accounts from one address goes far.

const keysFor = (email: string, clientIp: string | null) => [
  `signin:email:${email}`,
  ...(clientIp ? [`signin:ip:${clientIp}`] : []),
];

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "SignInThrottledError";
  }
}

export async function assertSignInAllowed(email: string, clientIp: string | null): Promise<void> {
  const { BUMPERS_SIGNIN_MAX_FAILURES: max } = env();
  for (const key of keysFor(email, clientIp)) {
    const window = await currentWindow(key);
    // Addresses are shared (offices, NAT), so they get more room than a single account.
    const limit = key.startsWith("signin:ip:") ? max * 4 : max;
    if (window && window.count >= limit) {
      throw new SignInThrottledError(Math.ceil((window.resetAt.getTime() - Date.now()) / 1000));
    }
  }
}

export async function recordFailedSignIn(email: string, clientIp: string | null): Promise<void> {
  const { BUMPERS_SIGNIN_WINDOW_SECONDS: seconds } = env();
  for (const key of keysFor(email, clientIp)) await countEvent(key, seconds);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await clearWindow(`signin:email:${email}`);
}
