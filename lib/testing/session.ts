import type { TSessionUser } from "@/lib/auth/session";

let user: TSessionUser | null = null;

/** Makes every guard see `next` as the signed-in user (null: signed out). */
export function signInAs(next: { id: string; email: string; name: string } | null): void {
  user = next ? { id: next.id, email: next.email, name: next.name } : null;
}

export function currentTestUser(): TSessionUser | null {
  return user;
}
