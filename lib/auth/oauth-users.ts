import "server-only";
import { db } from "@/lib/server/db";

/** OAuth sign-ins join the same user table; the user then creates an org or accepts an invitation. */
export async function findOrCreateOAuthUser(email: string, name: string) {
  return db.user.upsert({ where: { email }, update: {}, create: { email, name } });
}
