import { json, withApi } from "@/lib/api/http";
import { getApplyJob } from "@/lib/automation/jobs/queries";
import { assertRuleListAccess } from "@/lib/automation/rules/access";
import { getRule } from "@/lib/automation/rules/queries";
import { notFound } from "@/lib/server/errors";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET /api/v1/automation/jobs/{id}: an apply job's status and progress. */
export const GET = withApi<{ id: string }>(
  async ({ org, principal, params }) => {
    const job = z.uuid().safeParse(params.id).success ? await getApplyJob(org.id, params.id) : null;
    if (!job) throw notFound("Job not found.");
    // A job is as visible as its rule's list (the org-wide daily pass as the org's list).
    const teamId = job.ruleId ? (await getRule(org.id, job.ruleId)).teamId : null;
    assertRuleListAccess(principal, teamId, "read");
    return json({ data: job });
  },
  { permission: "org:read" },
);
