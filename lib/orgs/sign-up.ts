import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { createOrganization } from "./create-organization";
import type { ZSignUp } from "./schemas";
import type { z } from "zod";

/** A new person and their new organization, owned by them. */
export async function signUp(input: z.infer<typeof ZSignUp>) {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.", { field: "email" });
  }
  const slugTaken = await db.organization.findUnique({ where: { slug: input.orgSlug }, select: { id: true } });
  if (slugTaken)
    throw new AppError("conflict", "That organization URL is taken; choose another.", { field: "orgSlug" });
  const user = await db.user.create({
    data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
  });
  try {
    const org = await createOrganization(user.id, { slug: input.orgSlug, name: input.orgName });
    return { user, org };
  } catch (err) {
    // Keep sign-up all-or-nothing: a lost race on the slug must not leave an org-less account.
    await db.user.delete({ where: { id: user.id } });
    throw err;
  }
}
