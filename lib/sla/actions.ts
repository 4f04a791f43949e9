"use server";

import { z } from "zod";
import { orgAction, teamAction } from "@/lib/api/action";
import { slaContextOf } from "./context";
import { setOrgSlaPolicy } from "./set-org-sla-policy";
import { clearTeamSlaPolicy, setTeamSlaPolicy } from "./set-team-sla-policy";
import { ZSlaPolicy } from "./schemas";

// SLA policies: the org's (org admins, Settings → SLAs) and a team's stricter own (team admins,
// the team's SLA tab). The verbs check the caller again and write the audit rows.

/** The org's due days per severity; an empty field is "no SLA". */
export const setOrgSlaPolicyAction = orgAction(
  {
    permission: "org:settings:manage",
    input: ZSlaPolicy,
    revalidate: [{ path: "/settings/sla" }, { path: "", type: "layout" }],
  },
  async ({ input, access }) => setOrgSlaPolicy(slaContextOf(access), input),
);

/** A team's own days; an empty field follows the org's. */
export const setTeamSlaPolicyAction = teamAction(
  { permission: "team:policies:manage", input: ZSlaPolicy, revalidate: { path: "", type: "layout" } },
  async ({ input, access }) => ({ policy: await setTeamSlaPolicy(slaContextOf(access), access.team.id, input) }),
);

/** Back to the org's policy. */
export const clearTeamSlaPolicyAction = teamAction(
  { permission: "team:policies:manage", input: z.object({}), revalidate: { path: "", type: "layout" } },
  async ({ access }) => clearTeamSlaPolicy(slaContextOf(access), access.team.id),
);
