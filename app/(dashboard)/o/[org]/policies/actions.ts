"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { authorizeOrg, authorizeTeam } from "@/lib/auth/access";
import { setPolicyMode, updateOrgCheckSetting, updateTeamCheckSetting } from "@/lib/policies/update-settings";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";

const ZOrgRef = z.object({ org: z.string().min(1) });
const ZTeamRef = ZOrgRef.extend({ team: z.string().min(1) });

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const checkFields = (form: FormData) => ({
  checkId: text(form, "checkId"),
  enabled: form.get("enabled") ?? "",
  severity: text(form, "severity"),
  blockAdmission: form.get("blockAdmission") ?? "",
  blockCi: form.get("blockCi") ?? "",
});

const revalidate = (orgSlug: string) => revalidatePath(`/o/${orgSlug}/policies`, "layout");
const failed = (err: unknown) => (err instanceof ZodError ? fromZodError(err) : fromError(err));

/** The org's setting of one check (org admins). */
export async function updateOrgCheckAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ checkId: string }>> {
  const ref = ZOrgRef.safeParse({ org: text(form, "org") });
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeOrg(ref.data.org, "org:settings:manage");
    const fields = checkFields(form);
    await updateOrgCheckSetting(access, fields);
    revalidate(access.org.slug);
    return ok({ checkId: fields.checkId });
  } catch (err) {
    return failed(err);
  }
}

/** Passive mode on or off (org admins). */
export async function setPolicyModeAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ passive: boolean }>> {
  const ref = ZOrgRef.safeParse({ org: text(form, "org") });
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeOrg(ref.data.org, "org:settings:manage");
    const result = await setPolicyMode(access, { passive: text(form, "passive") });
    revalidate(access.org.slug);
    return ok(result);
  } catch (err) {
    return failed(err);
  }
}

/** A team's override of one check (its team admins; org admins act as admins of every team). */
export async function updateTeamCheckAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ checkId: string; saved: boolean }>> {
  const ref = ZTeamRef.safeParse({ org: text(form, "org"), team: text(form, "team") });
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeam(ref.data.org, ref.data.team, "team:policies:manage");
    const fields = checkFields(form);
    const { saved } = await updateTeamCheckSetting(access, fields);
    revalidate(access.org.slug);
    return ok({ checkId: fields.checkId, saved });
  } catch (err) {
    // Refused because the org's setting changed since the page loaded: show the page the new one.
    if (err instanceof AppError && err.code === "conflict") revalidate(ref.data.org);
    return failed(err);
  }
}
