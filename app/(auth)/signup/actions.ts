"use server";

import { ZSignUp } from "@/lib/orgs/schemas";
import { signUp } from "@/lib/orgs/sign-up";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";

export async function signUpAction(_prev: unknown, form: FormData): Promise<TActionResult<{ orgSlug: string }>> {
  const parsed = ZSignUp.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const { org } = await signUp(parsed.data);
    return ok({ orgSlug: org.slug });
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") {
      const field = (err.details as { field?: string } | undefined)?.field;
      return fail("conflict", err.message, field ? { [field]: [err.message] } : undefined);
    }
    return fromError(err);
  }
}
