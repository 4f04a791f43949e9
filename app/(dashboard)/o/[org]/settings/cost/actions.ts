"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { authorizeOrg } from "@/lib/auth/access";
import { PRICE_FIELDS, parsePriceFields } from "@/lib/cost/forms/price-form";
import { updateClusterPrices, updateCostSettings } from "@/lib/cost/update-cost-settings";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

const ZRef = z.object({ org: z.string().min(1) });
const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** The org's currency and unit prices (org admins); empty prices fall back to OpenCost's list prices. */
export async function updateCostSettingsAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const ref = ZRef.safeParse({ org: text(form, "org") });
  if (!ref.success) return fromZodError(ref.error);
  const prices = parsePriceFields((name) => text(form, name), PRICE_FIELDS);
  if (!prices.ok) return fail("bad_request", "Please correct the highlighted fields.", prices.fieldErrors);
  try {
    const access = await authorizeOrg(ref.data.org, "org:settings:manage");
    await updateCostSettings(access, { currency: text(form, "currency"), ...prices.values });
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok(null);
  } catch (err) {
    return err instanceof ZodError ? fromZodError(err) : fromError(err);
  }
}

/** One cluster's own prices or node hourly cost (org admins); all empty clears them. */
export async function updateClusterPricesAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const ref = ZRef.extend({ clusterId: z.uuid() }).safeParse({
    org: text(form, "org"),
    clusterId: text(form, "clusterId"),
  });
  if (!ref.success) return fromZodError(ref.error);
  const prices = parsePriceFields((name) => text(form, name), [...PRICE_FIELDS, "nodeHourPrice"] as const);
  if (!prices.ok) return fail("bad_request", "Please correct the highlighted fields.", prices.fieldErrors);
  try {
    const access = await authorizeOrg(ref.data.org, "org:settings:manage");
    await updateClusterPrices(access, ref.data.clusterId, prices.values);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok(null);
  } catch (err) {
    return err instanceof ZodError ? fromZodError(err) : fromError(err);
  }
}
