"use server";

import { z } from "zod";
import { canOrg } from "@/lib/auth/permissions";
import { fail, fromZodError } from "@/lib/server/action-result";
import { addFieldIssues, orgAction, redirectTo, teamAction } from "@/lib/api/action";
import { addTeamMember } from "./add-team-member";
import { authorizeTeamSettings } from "./authorize";
import { changeTeamMemberRole } from "./change-team-member-role";
import { createTeam } from "./create-team";
import { deleteTeam } from "./delete-team";
import { removeTeamMember } from "./remove-team-member";
import { parsePatternLines } from "./repository-patterns";
import { previewTeamScope } from "./resource-queries";
import { ZNewTeam, ZScopeRulesDraft, ZTeamMemberInput, ZTeamUpdate } from "./schemas";
import { setTeamRepositories } from "./set-team-repositories";
import { setTeamScope } from "./set-team-scope";
import { updateTeam } from "./update-team";

// Team settings (name, priority, scope, repositories, deletion) are for org owners and admins
// (authorizeTeamSettings); a team's members are managed by its team admins as well. The org layout
// lists the user's teams and settings pages show member counts, so changes revalidate the org.
const ORG_LAYOUT = { path: "", type: "layout" } as const;

export const createTeamAction = orgAction(
  { permission: "org:teams:manage", input: ZNewTeam, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const team = await createTeam(access.org.id, actor, input);
    return { slug: team.slug };
  },
);

export const updateTeamAction = teamAction(
  { guard: authorizeTeamSettings, input: ZTeamUpdate, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const { reassigned } = await updateTeam(access.org.id, actor, access.team.id, input);
    return { reassigned };
  },
);

/** On success it goes to the teams list: the deleted team's own page is gone. */
export const deleteTeamAction = teamAction(
  { guard: authorizeTeamSettings, input: z.object({ confirm: z.string().default("") }), revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    await deleteTeam(access.org.id, actor, access.team.id, { confirmSlug: input.confirm });
    return redirectTo(`/o/${access.org.slug}/settings/teams`);
  },
);

const ZScopeInput = z.object({ rules: ZScopeRulesDraft });

/** Saves the editor's rules (called with an object); field errors are keyed `rules.<row>.<field>`. */
export const saveTeamScopeAction = teamAction(
  { guard: authorizeTeamSettings, input: ZScopeInput, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const { reassigned } = await setTeamScope(access.org.id, actor, access.team.id, input.rules);
    return { reassigned };
  },
);

/** What the team would own with the editor's unsaved rules. Reads only. */
export const previewTeamScopeAction = teamAction(
  { guard: authorizeTeamSettings, input: ZScopeInput },
  ({ input, access }) => previewTeamScope(access.org.id, access.team.id, input.rules),
);

/** The repository patterns typed one per line; each invalid line is named under the field. */
const ZPatternLines = z.object({ patterns: z.string().default("") }).transform((value, ctx) => {
  const { patterns, errors } = parsePatternLines(value.patterns);
  if (errors.length) addFieldIssues(ctx, { patterns: errors });
  return patterns;
});

export const saveTeamRepositoriesAction = teamAction(
  {
    guard: authorizeTeamSettings,
    input: ZPatternLines,
    onInvalid: (error) => {
      const result = fromZodError(error);
      return fail("bad_request", "Please correct the patterns below.", result.ok ? {} : result.error.fieldErrors);
    },
    revalidate: ORG_LAYOUT,
  },
  ({ input, access, actor }) => setTeamRepositories(access.org.id, actor, access.team.id, input),
);

// A team's members: its team admins, and org owners/admins who act as admin of every team.

export const addTeamMemberAction = teamAction(
  { permission: "team:members:manage", input: ZTeamMemberInput, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    await addTeamMember(access.org.id, actor, access.team.id, input);
    return { userId: input.userId };
  },
);

export const changeTeamMemberRoleAction = teamAction(
  { permission: "team:members:manage", input: ZTeamMemberInput, revalidate: ORG_LAYOUT },
  async ({ input, access, actor }) => {
    const { changed } = await changeTeamMemberRole(access.org.id, actor, access.team.id, input);
    return { changed };
  },
);

export const removeTeamMemberAction = teamAction(
  {
    permission: "team:members:manage",
    input: z.object({ userId: z.uuid("Choose a member.") }),
    revalidate: ORG_LAYOUT,
  },
  async ({ input, access, actor }) => {
    await removeTeamMember(access.org.id, actor, access.team.id, input);
    // A team admin who leaves loses the page they are on; org admins keep every team.
    const keepsAccess = input.userId !== access.user.id || canOrg(access.role, "org:teams:manage");
    return keepsAccess ? { userId: input.userId } : redirectTo(`/o/${access.org.slug}`);
  },
);
