"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, authorizeOrg } from "@/lib/auth/access";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { authorizeTeamSettings } from "@/lib/teams/authorize";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { parsePatternLines } from "@/lib/teams/repository-patterns";
import { previewTeamScope } from "@/lib/teams/resource-queries";
import { ZNewTeam, ZScopeRulesDraft, ZTeamUpdate } from "@/lib/teams/schemas";
import type { TScopePreview } from "@/lib/teams/scope-preview";
import { setTeamRepositories } from "@/lib/teams/set-team-repositories";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { updateTeam } from "@/lib/teams/update-team";

// The org and team come from the page's URL as hidden fields; the guards re-check both, so a
// forged slug only ever reaches a team the caller may already manage.
const ZRef = z.string().trim().min(1).max(100);
const ZOrgRef = z.object({ org: ZRef });
const ZTeamRef = z.object({ org: ZRef, team: ZRef });
const ZScopeInput = ZTeamRef.extend({ rules: ZScopeRulesDraft });

const fields = (form: FormData) => Object.fromEntries(form);

export async function createTeamAction(_prev: unknown, form: FormData): Promise<TActionResult<{ slug: string }>> {
  const ref = ZOrgRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeOrg(ref.data.org, "org:teams:manage");
    const parsed = ZNewTeam.safeParse(fields(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const team = await createTeam(access.org.id, actorOf(access), parsed.data);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ slug: team.slug });
  } catch (err) {
    return fromError(err);
  }
}

export async function updateTeamAction(_prev: unknown, form: FormData): Promise<TActionResult<{ reassigned: number }>> {
  const ref = ZTeamRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeamSettings(ref.data.org, ref.data.team);
    const parsed = ZTeamUpdate.safeParse(fields(form));
    if (!parsed.success) return fromZodError(parsed.error);
    const { reassigned } = await updateTeam(access.org.id, actorOf(access), access.team.id, parsed.data);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ reassigned });
  } catch (err) {
    return fromError(err);
  }
}

/** On success it redirects to the teams list: the deleted team's own page is gone. */
export async function deleteTeamAction(_prev: unknown, form: FormData): Promise<TActionResult<never>> {
  const ref = ZTeamRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  let orgSlug: string;
  try {
    const access = await authorizeTeamSettings(ref.data.org, ref.data.team);
    await deleteTeam(access.org.id, actorOf(access), access.team.id, {
      confirmSlug: String(form.get("confirm") ?? ""),
    });
    orgSlug = access.org.slug;
  } catch (err) {
    return fromError(err);
  }
  revalidatePath(`/o/${orgSlug}`, "layout");
  redirect(`/o/${orgSlug}/settings/teams`);
}

/** Saves the editor's rules; field errors are keyed `rules.<row>.<field>`. */
export async function saveTeamScopeAction(input: unknown): Promise<TActionResult<{ reassigned: number }>> {
  const ref = ZTeamRef.safeParse(input);
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeamSettings(ref.data.org, ref.data.team);
    const parsed = ZScopeInput.safeParse(input);
    if (!parsed.success) return fromZodError(parsed.error);
    const { reassigned } = await setTeamScope(access.org.id, actorOf(access), access.team.id, parsed.data.rules);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ reassigned });
  } catch (err) {
    return fromError(err);
  }
}

/** What the team would own with the editor's unsaved rules. Reads only. */
export async function previewTeamScopeAction(input: unknown): Promise<TActionResult<TScopePreview>> {
  const ref = ZTeamRef.safeParse(input);
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeamSettings(ref.data.org, ref.data.team);
    const parsed = ZScopeInput.safeParse(input);
    if (!parsed.success) return fromZodError(parsed.error);
    return ok(await previewTeamScope(access.org.id, access.team.id, parsed.data.rules));
  } catch (err) {
    return fromError(err);
  }
}

/** Saves the repository patterns typed one per line; each invalid line is named in the error. */
export async function saveTeamRepositoriesAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ patterns: string[]; reassigned: number }>> {
  const ref = ZTeamRef.safeParse(fields(form));
  if (!ref.success) return fromZodError(ref.error);
  try {
    const access = await authorizeTeamSettings(ref.data.org, ref.data.team);
    const { patterns, errors } = parsePatternLines(String(form.get("patterns") ?? ""));
    if (errors.length) return fail("bad_request", "Please correct the patterns below.", { patterns: errors });
    const result = await setTeamRepositories(access.org.id, actorOf(access), access.team.id, patterns);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}
