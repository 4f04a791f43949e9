"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { authorizeOrg } from "@/lib/auth/access";
import { checkById } from "@/lib/policies/checks";
import { createPolicyExemption, deletePolicyExemption } from "@/lib/policies/exemptions-admin";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

const ZOrgRef = z.object({ org: z.string().min(1) });
const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** "a, b c" → ["a", "b", "c"]: the form takes check ids as a list, like the alert rules do. */
const listOf = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** A date without a time means the whole day: the rule expires at its end (UTC). */
function expiryOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
}

/** Zod names "checkIds.2"; the form has one "checkIds" field. */
function withFormFields<T>(result: TActionResult<T>): TActionResult<T> {
  if (result.ok || !result.error.fieldErrors) return result;
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(result.error.fieldErrors)) {
    (fields[key.split(".")[0]!] ??= []).push(...messages);
  }
  return fail(result.error.code, result.error.message, fields);
}

export async function createExemptionAction(_prev: unknown, form: FormData): Promise<TActionResult<{ id: string }>> {
  const ref = ZOrgRef.safeParse({ org: text(form, "org") });
  if (!ref.success) return fromZodError(ref.error);
  const checkIds = listOf(text(form, "checkIds"));
  const unknown = checkIds.filter((id) => id !== "*" && !checkById(id));
  if (unknown.length)
    return fail("bad_request", "Please correct the highlighted fields.", {
      checkIds: [`Unknown check ${unknown.join(", ")}: use the ids on the Checks tab, or * for every check.`],
    });
  try {
    const access = await authorizeOrg(ref.data.org, "org:settings:manage");
    const created = await createPolicyExemption(access, {
      checkIds,
      teamId: text(form, "teamId"),
      cluster: text(form, "cluster"),
      namespace: text(form, "namespace"),
      kind: text(form, "kind"),
      name: text(form, "name"),
      reason: text(form, "reason"),
      expiresAt: expiryOf(text(form, "expiresAt")),
    });
    revalidatePath(`/o/${access.org.slug}/policies`, "layout");
    return ok({ id: created.id });
  } catch (err) {
    return withFormFields(err instanceof ZodError ? fromZodError(err) : fromError(err));
  }
}

export async function deleteExemptionAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const ref = ZOrgRef.extend({ id: z.string().min(1) }).safeParse({ org: text(form, "org"), id: text(form, "id") });
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeOrg(ref.data.org, "org:settings:manage");
    await deletePolicyExemption(access, ref.data.id);
    revalidatePath(`/o/${access.org.slug}/policies`, "layout");
    return ok(null);
  } catch (err) {
    return fromError(err);
  }
}
