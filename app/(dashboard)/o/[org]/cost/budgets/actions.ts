"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { authorizeOrg } from "@/lib/auth/access";
import { createBudget } from "@/lib/cost/budgets/create-budget";
import { deleteBudget } from "@/lib/cost/budgets/delete-budget";
import { updateBudget } from "@/lib/cost/budgets/update-budget";
import { budgetFieldOf, parseBudgetForm, type TBudgetFormFields } from "@/lib/cost/forms/budget-form";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

const ZRef = z.object({ org: z.string().min(1), budgetId: z.uuid().optional() });
const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function formFields(form: FormData): TBudgetFormFields {
  return {
    name: text(form, "name"),
    scope: text(form, "scope"),
    teamId: text(form, "teamId"),
    value: text(form, "value"),
    labelKey: text(form, "labelKey"),
    monthlyAmount: text(form, "monthlyAmount"),
    actualThresholds: text(form, "actualThresholds"),
    forecastThresholds: text(form, "forecastThresholds"),
  };
}

/** Creates (no budgetId) or updates a budget from the budget form; field errors name the form's fields. */
export async function saveBudgetAction(_prev: unknown, form: FormData): Promise<TActionResult<{ id: string }>> {
  const ref = ZRef.safeParse({ org: text(form, "org"), budgetId: text(form, "budgetId") || undefined });
  if (!ref.success) return fromZodError(ref.error);
  const parsed = parseBudgetForm(formFields(form));
  if (!parsed.ok) return fail("bad_request", "Please correct the highlighted fields.", parsed.fieldErrors);
  try {
    const access = await authorizeOrg(ref.data.org);
    const budget = ref.data.budgetId
      ? await updateBudget(access, ref.data.budgetId, parsed.input)
      : await createBudget(access, parsed.input);
    revalidatePath(`/o/${access.org.slug}/cost`, "layout");
    return ok({ id: budget.id });
  } catch (err) {
    if (err instanceof ZodError) {
      const mapped = fromZodError(err);
      if (!mapped.ok && mapped.error.fieldErrors) {
        const fieldErrors: Record<string, string[]> = {};
        for (const [path, messages] of Object.entries(mapped.error.fieldErrors))
          (fieldErrors[budgetFieldOf(path, parsed.input)] ??= []).push(...messages);
        return fail("bad_request", mapped.error.message, fieldErrors);
      }
      return mapped;
    }
    return fromError(err);
  }
}

export async function deleteBudgetAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const ref = ZRef.required({ budgetId: true }).safeParse({ org: text(form, "org"), budgetId: text(form, "budgetId") });
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeOrg(ref.data.org);
    await deleteBudget(access, ref.data.budgetId);
    revalidatePath(`/o/${access.org.slug}/cost`, "layout");
    return ok(null);
  } catch (err) {
    return fromError(err);
  }
}
