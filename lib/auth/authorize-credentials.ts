import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { verifyPassword } from "./passwords";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "./sign-in-throttle";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

/**
 * Email/password check behind the next-auth credentials provider: null for a wrong pair,
 * SignInThrottledError (with a message for the user) after too many failures.
 */
export async function authorizeCredentials(
  credentials: unknown,
  clientIp: string | null,
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertSignInAllowed(email, clientIp);
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    await recordFailedSignIn(email, clientIp);
    return null;
  }
  await clearFailedSignIns(email);
  return { id: user.id, email: user.email, name: user.name };
}
