"use server";

import { getSessionUser } from "@/lib/auth/session";
import { createOrganization } from "@/lib/orgs/create-organization";
import { ZNewOrganization } from "@/lib/orgs/schemas";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";

/** A signed-in user creates another organization and becomes its owner. */
export async function createOrganizationAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ orgSlug: string }>> {
  const user = await getSessionUser();
  if (!user) return fail("unauthorized", "Please sign in.");
  const parsed = ZNewOrganization.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const org = await createOrganization(user.id, { slug: parsed.data.orgSlug, name: parsed.data.orgName });
    return ok({ orgSlug: org.slug });
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") {
      return fail("conflict", err.message, { orgSlug: [err.message] });
    }
    return fromError(err);
  }
}
