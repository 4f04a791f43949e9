import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { authOptions } from "./options";

export type TSessionUser = { id: string; email: string; name: string };

/** The signed-in user, read from the database once per request; null when signed out or deleted. */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

export async function requireUser(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
