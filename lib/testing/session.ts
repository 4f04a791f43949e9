import type { TSessionUser } from "@/lib/auth/session";
import type { TSessionSignIn } from "@/lib/auth/session-user";

let user: TSessionUser | null = null;

const PASSWORD: TSessionSignIn = { method: "password", ssoOrgId: null };

/**
 * Makes every guard see `next` as the signed-in user (null: signed out), with a session opened the
 * way `signIn` says (default: a password sign-in).
 */
export function signInAs(
  next: { id: string; email: string; name: string } | null,
  signIn: TSessionSignIn = PASSWORD,
): void {
  user = next ? { id: next.id, email: next.email, name: next.name, signIn } : null;
}

export function currentTestUser(): TSessionUser | null {
  return user;
}
