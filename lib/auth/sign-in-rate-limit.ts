import "server-only";
import { env } from "@/lib/server/env";
import { errorBody } from "@/lib/server/errors";
import { enforceRateLimit, RateLimitedError } from "@/lib/server/rate-limit";
import { clientIpOf } from "./client-ip";

/** What the login form shows for it (components/auth/login-form.tsx). */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

/**
 * All password sign-in attempts per client address and minute, right or wrong: a flood from one
 * place gets 429 with Retry-After before any password is hashed. Answered in next-auth's own shape
 * (`{ url }` with `?error=`) so its client reports the error instead of failing to parse.
 */
export async function limitSignInAttempts(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return null;
  const ip = clientIpOf(req.headers);
  if (!ip) return null;
  try {
    const { BUMPERS_RATE_LIMIT_SIGNIN_PER_MINUTE: limit } = env();
    await enforceRateLimit(`signin:attempts:ip:${ip}`, limit, 60, "sign-in attempts from your address");
    return null;
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    const url = new URL(`/login?error=${SIGN_IN_RATE_LIMITED}`, req.url).toString();
    return Response.json(
      { url, ...errorBody(err) },
      { status: 429, headers: { "retry-after": String(err.retryAfterSeconds) } },
    );
  }
}
