"use server";

import { headers } from "next/headers";
import { clientIpOf } from "@/lib/auth/client-ip";
import { ZFinishSignUp, ZSignUp } from "@/lib/orgs/schemas";
import { confirmSignUp, requestSignUp } from "@/lib/orgs/sign-up";
import { appBaseUrl } from "@/lib/server/app-url";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

/** Mails a link to finish signing up; the answer is the same whether or not the email has an account. */
export async function signUpAction(_prev: unknown, form: FormData): Promise<TActionResult<{ email: string }>> {
  const parsed = ZSignUp.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    await requestSignUp(parsed.data, { clientIp: clientIpOf(await headers()), origin: await appBaseUrl() });
    return ok({ email: parsed.data.email });
  } catch (err) {
    return fromError(err);
  }
}

/** The emailed link's page: creates the account and organization; the form then signs in. */
export async function finishSignUpAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ email: string; orgSlug: string | null }>> {
  const parsed = ZFinishSignUp.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "token")) return fail("not_found", "This link is not valid.");
    return fromZodError(parsed.error);
  }
  try {
    return ok(await confirmSignUp(parsed.data.token, parsed.data.password));
  } catch (err) {
    return fromError(err);
  }
}
