import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkById } from "../policies/checks";
import { FIXTURES, runBumpers } from "./test-helpers";

// The parts of the SARIF 2.1.0 schema (and of GitHub code scanning's requirements) that this
// output uses, written out: no copy of the full schema is available offline to validate against.
const ZLevel = z.enum(["none", "note", "warning", "error"]);
const ZText = z.object({ text: z.string().min(1) });
const ZRule = z.object({
  id: z.string().min(1),
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  shortDescription: ZText,
  fullDescription: ZText,
  help: z.object({ text: z.string().min(1), markdown: z.string().min(1) }),
  defaultConfiguration: z.object({ level: ZLevel }),
  properties: z.object({
    tags: z.array(z.string()).min(1),
    category: z.string(),
    "security-severity": z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional(),
  }),
});
const ZResult = z.object({
  ruleId: z.string().min(1),
  ruleIndex: z.number().int().min(0),
  level: ZLevel,
  message: ZText,
  locations: z
    .array(
      z.object({
        physicalLocation: z.object({
          // Relative to the checkout, forward slashes: what code scanning matches to repository files.
          artifactLocation: z.object({ uri: z.string().regex(/^[^/\\][^\\]*$/) }),
          region: z.object({ startLine: z.number().int().min(1) }),
        }),
      }),
    )
    .min(1)
    .max(10),
  partialFingerprints: z.record(z.string(), z.string()),
  suppressions: z
    .array(
      z.object({
        kind: z.enum(["inSource", "external"]),
        status: z.enum(["accepted", "underReview", "rejected"]),
        justification: z.string(),
      }),
    )
    .optional(),
});
const ZSarif = z.object({
  $schema: z.url(),
  version: z.literal("2.1.0"),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({ name: z.literal("Bumpers"), version: z.string(), rules: z.array(ZRule) }),
        }),
        results: z.array(ZResult),
      }),
    )
    .length(1),
});

describe("bumpers check --format sarif", () => {
  it("writes SARIF 2.1.0 that code scanning accepts: rules for the checks, located results, levels by blocking and severity", async () => {
    const run = await runBumpers([
      "check",
      "--format",
      "sarif",
      "--block",
      "runAsPrivileged",
      `${FIXTURES}/bad-deployment.yaml`,
      `${FIXTURES}/exempted.yaml`,
      `${FIXTURES}/list.json`,
    ]);
    expect(run.code).toBe(1);
    const sarif = ZSarif.parse(JSON.parse(run.stdout));
    const [{ tool, results }] = sarif.runs;
    const rules = tool.driver.rules;
    const ruleIds = rules.map((rule) => rule.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const result of results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    }

    const privileged = rules.find((rule) => rule.id === "runAsPrivileged");
    expect(privileged).toMatchObject({
      shortDescription: { text: "Privileged container" },
      help: { text: checkById("runAsPrivileged")?.remediation },
      defaultConfiguration: { level: "error" },
      properties: { category: "security", "security-severity": "9.5" },
    });
    expect(privileged?.properties.tags).toContain("security");
    expect(rules.find((rule) => rule.id === "tagNotSpecified")?.defaultConfiguration.level).toBe("warning");
    expect(rules.find((rule) => rule.id === "cpuLimitsMissing")?.defaultConfiguration.level).toBe("note");

    const resultOf = (ruleId: string, uri: string) =>
      results.filter((r) => r.ruleId === ruleId && r.locations[0].physicalLocation.artifactLocation.uri === uri);
    const [blocking] = resultOf("runAsPrivileged", `${FIXTURES}/bad-deployment.yaml`);
    expect(blocking.level).toBe("error");
    expect(blocking.message.text).toBe(
      'Deployment (no namespace)/payments-api: Container "web" runs in privileged mode.',
    );
    expect(blocking.locations[0].physicalLocation.region.startLine).toBe(52);
    expect(blocking.suppressions).toBeUndefined();
    expect(resultOf("tagNotSpecified", `${FIXTURES}/bad-deployment.yaml`)[0].level).toBe("warning");
    expect(resultOf("cpuLimitsMissing", `${FIXTURES}/list.json`)[0].level).toBe("note");

    // The exempted Deployment's failures stay visible, as suppressed results with the reason.
    const [exempted] = resultOf("runAsPrivileged", `${FIXTURES}/exempted.yaml`);
    expect(exempted.suppressions).toEqual([
      {
        kind: "inSource",
        status: "accepted",
        justification: expect.stringContaining("Loads a kernel module on each node"),
      },
    ]);
    // Every check that produced a result has its rule.
    expect(ruleIds).toEqual(expect.arrayContaining([...new Set(results.map((r) => r.ruleId))]));
  });
});
