import { afterEach, describe, expect, it } from "vitest";
import { createTriageTenant } from "@/lib/findings/triage-testing";
import { runApplyJob } from "@/lib/automation/jobs/run-apply-job";
import { pool } from "@/lib/server/db";
import { actorFor } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import {
  applyJobStatusAction,
  applyRuleAction,
  cancelApplyJobAction,
  importRulesAction,
  previewRuleAction,
  saveRuleAction,
  setRuleEnabledAction,
} from "./actions";
import { createRule } from "./rules/create-rule";
import { listRules } from "./rules/queries";
import type { TAutomationRuleInput } from "./schemas";

// The pages' actions: who may change which list, the preview and its confirmation, and apply to
// existing findings through the real engine and job runner.

type TTenant = Awaited<ReturnType<typeof createTriageTenant>>;

const KUBE_SYSTEM_LOW: TAutomationRuleInput = {
  name: "kube-system findings on prod are low",
  conditions: [
    { field: "namespace", values: ["kube-system"] },
    { field: "cluster", values: ["prod"] },
    { field: "severity", op: "at_least", value: "medium" },
  ],
  actions: { severity: { to: "low", reason: "Platform noise" } },
};

/** "ok", "redirect:<path>" (a created rule's page), or "code: message". */
async function answer(promise: Promise<{ ok: boolean; error?: { code: string; message: string } }>) {
  try {
    const result = await promise;
    return result.ok ? "ok" : `${result.error!.code}: ${result.error!.message}`;
  } catch (err) {
    const digest = String((err as { digest?: string })?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
    throw err;
  }
}

const save = (t: TTenant, team: string, rule: TAutomationRuleInput, extra: Record<string, unknown> = {}) =>
  answer(saveRuleAction({ org: t.org.slug, team, rule, ...extra }));

async function openCount(orgId: string, teamId: string, where: string) {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND owner_team_id = $2 AND status = 'open' AND ${where}`,
    [orgId, teamId],
  );
  return rows[0].n;
}

afterEach(() => signInAs(null));

describe("automation actions", () => {
  it("org rules are org admins'; team rules their team admins' (a team they are not on is hidden)", async () => {
    const t = await createTriageTenant();
    for (const role of ["member", "teamAdmin", "editor"] as const) {
      signInAs(t.users[role]);
      expect(await save(t, "", KUBE_SYSTEM_LOW), role).toBe("forbidden: Your role does not allow this.");
    }
    signInAs(t.users.editor);
    expect(await save(t, t.team.slug, KUBE_SYSTEM_LOW)).toBe("forbidden: Your team role does not allow this.");
    signInAs(t.users.member);
    expect(await save(t, t.team.slug, KUBE_SYSTEM_LOW)).toBe("not_found: Team not found.");
    signInAs(t.users.teamAdmin);
    expect(await save(t, t.otherTeam.slug, KUBE_SYSTEM_LOW)).toBe("not_found: Team not found.");
    const created = await save(t, t.team.slug, KUBE_SYSTEM_LOW);
    const [rule] = await listRules(t.org.id, t.team.id);
    expect(created).toBe(`redirect:/o/${t.org.slug}/teams/${t.team.slug}/automation/${rule.id}`);
    // The rule of one list is not reachable through another.
    const through = (team: string) =>
      answer(setRuleEnabledAction({ org: t.org.slug, team, ruleId: rule.id, enabled: false }));
    expect(await through("")).toBe("forbidden: Your role does not allow this.");
    signInAs(t.users.admin);
    expect(await through(t.otherTeam.slug)).toBe("not_found: Rule not found.");
    expect(await through(t.team.slug)).toBe("ok");
    expect(await save(t, "", { ...KUBE_SYSTEM_LOW, name: "Org rule" })).toMatch(
      /^redirect:\/o\/.*\/settings\/automation\//,
    );
  });

  it("previews a draft, asks to confirm a rule that matches everything, and saves field errors by field", async () => {
    const t = await createTriageTenant();
    signInAs(t.users.teamAdmin);
    const preview = await previewRuleAction({ org: t.org.slug, team: t.team.slug, rule: KUBE_SYSTEM_LOW });
    if (!preview.ok) throw new Error(preview.error.message);
    const expected = await openCount(
      t.org.id,
      t.team.id,
      `namespace = 'kube-system' AND severity IN ('critical', 'high', 'medium')`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(preview.data).toMatchObject({ matched: expected, matchesEverything: false });
    expect(preview.data.result.changedFindings).toBe(expected);

    const everything = { name: "Tag all", conditions: [], actions: { addTags: ["all"] } };
    const refused = await saveRuleAction({ org: t.org.slug, team: t.team.slug, rule: everything });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { confirmEverything: [expect.any(String)] } } });
    expect(await save(t, t.team.slug, everything, { confirmEverything: true })).toMatch(/^redirect:/);

    const invalid = await saveRuleAction({
      org: t.org.slug,
      team: t.team.slug,
      rule: { ...KUBE_SYSTEM_LOW, conditions: [{ field: "namespace", values: [] }] },
    });
    expect(invalid).toMatchObject({
      ok: false,
      error: { fieldErrors: { "conditions.0.values": [expect.any(String)] } },
    });
    const teamOnly = await saveRuleAction({
      org: t.org.slug,
      team: t.team.slug,
      rule: { ...KUBE_SYSTEM_LOW, actions: { team: { teamId: t.otherTeam.id } } },
    });
    expect(teamOnly).toMatchObject({ ok: false, error: { fieldErrors: { "actions.team": [expect.any(String)] } } });
  });

  it("applies a saved rule to existing findings: the job changes what the preview said, and shows its progress", async () => {
    const t = await createTriageTenant();
    const rule = await createRule(t.org.id, actorFor(t.users.admin), t.team.id, KUBE_SYSTEM_LOW);
    signInAs(t.users.teamAdmin);
    const ref = { org: t.org.slug, team: t.team.slug };
    const preview = await previewRuleAction({ ...ref, ruleId: rule.id, rule: KUBE_SYSTEM_LOW });
    if (!preview.ok) throw new Error(preview.error.message);
    const started = await applyRuleAction({ ...ref, ruleId: rule.id });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data).toMatchObject({ ruleId: rule.id, status: "queued" });
    await runApplyJob(started.data.id);
    const status = await applyJobStatusAction({ ...ref, jobId: started.data.id });
    expect(status).toMatchObject({ ok: true, data: { status: "done", changed: preview.data.result.changedFindings } });
    expect(
      await openCount(t.org.id, t.team.id, `namespace = 'kube-system' AND severity IN ('critical', 'high', 'medium')`),
    ).toBe(0);
    expect(await answer(cancelApplyJobAction({ ...ref, jobId: started.data.id }))).toBe("ok");

    // Another list's admin cannot see or stop the job.
    signInAs(t.users.admin);
    const elsewhere = await applyJobStatusAction({ org: t.org.slug, team: t.otherTeam.slug, jobId: started.data.id });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await answer(applyRuleAction({ org: t.org.slug, team: "", ruleId: rule.id }))).toBe(
      "not_found: Rule not found.",
    );
  });

  it("imports YAML for org admins only, answering the diff or every problem", async () => {
    const t = await createTriageTenant();
    const yaml = [
      "apiVersion: bumpers/v1",
      "kind: AutomationRules",
      "rules:",
      "  - name: Tag kube-system",
      "    conditions: [{ field: namespace, values: [kube-system] }]",
      "    actions: { addTags: [platform] }",
    ].join("\n");
    signInAs(t.users.teamAdmin);
    expect(await answer(importRulesAction({ org: t.org.slug, yaml }))).toBe(
      "forbidden: Your role does not allow this.",
    );
    signInAs(t.users.admin);
    const dry = await importRulesAction({ org: t.org.slug, yaml });
    expect(dry).toMatchObject({ ok: true, data: { applied: false, issues: [], diff: { counts: { added: 1 } } } });
    expect(await listRules(t.org.id, null)).toEqual([]);
    const applied = await importRulesAction({ org: t.org.slug, yaml, apply: true });
    expect(applied).toMatchObject({ ok: true, data: { applied: true } });
    expect((await listRules(t.org.id, null)).map((r) => r.name)).toEqual(["Tag kube-system"]);
    const broken = await importRulesAction({ org: t.org.slug, yaml: yaml.replace("kube-system]", "kube system]") });
    expect(broken).toMatchObject({
      ok: true,
      data: { applied: false, diff: null, issues: [{ line: 5, path: "rules.0.conditions.0.values.0" }] },
    });
  });
});
