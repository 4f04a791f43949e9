"use server";

import { ZSignUp } from "@/lib/orgs/schemas";
import { signUp } from "@/lib/orgs/sign-up";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

export async function signUpAction(_prev: unknown, form: FormData): Promise<TActionResult<{ orgSlug: string }>> {
  const parsed = ZSignUp.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const { org } = await signUp(parsed.data);
    return ok({ orgSlug: org.slug });
  } catch (err) {
    return fromError(err);
  }
}
