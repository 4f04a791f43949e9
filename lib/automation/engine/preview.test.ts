import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { ZAutomationRuleInput, type TAutomationRule, type TAutomationRuleInput } from "../schemas";
import { countFindingsMatchingRule, findingsMatchingRule } from "./candidates";
import { createEngineWorld, insertRule, openFindings, runInTransaction } from "./engine-testing";
import { previewRule } from "./preview";
import { inTransaction } from "@/lib/server/sql";

// The preview is the engine's dry run over what the draft matches: its counts are what applying
// the saved rule then changes, and nothing is written meanwhile.

const draftOf = (orgId: string, input: TAutomationRuleInput, teamId: string | null = null): TAutomationRule => ({
  ...ZAutomationRuleInput.parse(input),
  id: randomUUID(),
  orgId,
  teamId,
  position: 1000,
});

describe("previewing a rule", () => {
  it("counts what the draft matches and changes, and applying the saved rule changes exactly that", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const input: TAutomationRuleInput = {
      name: "kube-system findings on staging are low",
      conditions: [
        { field: "namespace", values: ["kube-system"] },
        { field: "cluster", values: ["staging-*"] },
      ],
      actions: { severity: { to: "low", reason: "Not customer facing" } },
    };
    const draft = draftOf(org, input);
    const before = await openFindings(org);
    const preview = await previewRule(org, draft, { sampleSize: 3 });
    expect(await openFindings(org)).toEqual(before);
    const expected = before.filter((f) => f.namespace === "kube-system" || f.image?.includes("coredns"));
    expect(preview).toMatchObject({
      inScope: before.length,
      matched: expected.length,
      matchesEverything: false,
      capped: false,
    });
    expect(preview.result.changedFindings).toBe(expected.filter((f) => f.severity !== "low").length);
    expect(preview.result.sample).toHaveLength(3);
    expect(preview.result.sample[0]!.changes[0]).toMatchObject({ field: "severity", to: "low", ruleName: input.name });

    // Saved and applied to existing findings (the job's batches, one here): the same changes.
    const saved = await insertRule(org, input);
    const ids = await inTransaction(pool, (client) =>
      findingsMatchingRule(client, org, saved, { afterId: null, limit: 1000, now: new Date() }),
    );
    const applied = await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids });
    expect(applied.changedFindings).toBe(preview.result.changedFindings);
    expect([...applied.changedIds].sort()).toEqual([...preview.result.changedIds].sort());

    // Previewing the stored rule disabled: it would undo exactly what it did.
    const undo = await previewRule(org, { ...saved, enabled: false });
    expect(undo.result.changedIds.sort()).toEqual([...applied.changedIds].sort());
    expect(undo.matched).toBe(0);
  });

  it("flags a draft that matches everything in its scope", async () => {
    const { t, shop } = await createEngineWorld();
    const org = t.org.id;
    const team = draftOf(org, { name: "All ours", actions: { addTags: ["ours"] } }, shop.id);
    const preview = await previewRule(org, team);
    const shopCount = (await openFindings(org)).filter((f) => f.owner_team_id === shop.id).length;
    expect(preview).toMatchObject({ inScope: shopCount, matched: shopCount, matchesEverything: true });
    expect(preview.result.changedFindings).toBe(shopCount);
  });

  it("pages the candidates of a rule in id order, marked ones included", async () => {
    const { t } = await createEngineWorld();
    const org = t.org.id;
    const rule = await insertRule(org, {
      name: "Trivy",
      conditions: [{ field: "source", values: ["trivy"] }],
      actions: { addTags: ["image"] },
    });
    const trivy = (await openFindings(org)).filter((f) => f.source === "trivy").map((f) => f.id);
    const now = new Date();
    const pages: string[] = [];
    await inTransaction(pool, async (client) => {
      let afterId: string | null = null;
      for (;;) {
        const page: string[] = await findingsMatchingRule(client, org, rule, { afterId, limit: 10, now });
        pages.push(...page);
        if (page.length < 10) break;
        afterId = page[page.length - 1]!;
      }
      expect(await countFindingsMatchingRule(client, org, rule, now)).toBe(trivy.length);
    });
    expect(pages).toEqual(trivy);
    // Applied, then edited to match nothing: the findings it tagged are still its candidates.
    await runInTransaction({ orgId: org, trigger: "apply" }, { kind: "ids", ids: trivy });
    const edited = { ...rule, conditions: [{ field: "source" as const, values: ["nova"], negate: false }] };
    const count = await inTransaction(pool, (client) => countFindingsMatchingRule(client, org, edited, now));
    expect(count).toBe(trivy.length);
  });
});
