import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { recordBreakGlassSignIns } from "./break-glass";
import { verifyPassword } from "./passwords";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "./sign-in-throttle";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

/**
 * Email/password check behind the next-auth credentials provider: null for a wrong pair,
 * SignInThrottledError (with a message for the user) after too many failures. `origin` is the
 * app's base URL, for the unlock link mailed when the account-wide ceiling is reached. An owner of
 * an org that enforces SSO is let in (break-glass) and audited in each such org.
 */
export async function authorizeCredentials(
  credentials: unknown,
  clientIp: string | null,
  origin: string = env().NEXTAUTH_URL ?? "http://localhost:3000",
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertSignInAllowed(email, clientIp);
  const user = await db.user.findUnique({ where: { email } });
  // Always one bcrypt comparison (against a dummy hash of the same cost when there is no user or
  // no password), so the answer takes as long whether or not the account exists.
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid) {
    await recordFailedSignIn(email, clientIp, origin);
    return null;
  }
  await clearFailedSignIns(email, clientIp);
  await recordBreakGlassSignIns(user);
  return { id: user.id, email: user.email, name: user.name };
}
