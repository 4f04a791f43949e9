import { z } from "zod";

// The contract between `bumpers check --server` and the Bumpers server (docs/ci.md, "Server mode").
// Unknown fields are ignored, so a newer server can add some without breaking older CLIs.

const ZSeverity = z.enum(["critical", "high", "medium", "low"]);

export const ZPolicySettings = z.object({
  /** Passive organizations report only: nothing blocks, in CI or at admission. */
  passive: z.boolean(),
  /** The team owning the repository, whose overrides apply; null when no team claims it. */
  team: z.object({ slug: z.string(), name: z.string() }).nullable().optional(),
  checks: z.array(
    z.object({
      id: z.string(),
      enabled: z.boolean(),
      severity: ZSeverity,
      blockAdmission: z.boolean(),
      blockCi: z.boolean(),
    }),
  ),
  /** Findings resolved in Bumpers (accepted risk, will not fix): they count as exempted here. */
  resolutions: z
    .array(z.object({ checkId: z.string(), namespace: z.string(), kind: z.string(), name: z.string() }))
    .default([]),
  /** The org's exemption rules that apply to manifests: check ids (or "*") and `*`-wildcard patterns. */
  exemptions: z
    .array(
      z.object({
        checkIds: z.array(z.string()),
        namespace: z.string(),
        kind: z.string(),
        name: z.string(),
        reason: z.string(),
      }),
    )
    .default([]),
});
export type TPolicySettings = z.infer<typeof ZPolicySettings>;

export const ZScanUploadAnswer = z.object({
  findings: z.number(),
  opened: z.number(),
  fixed: z.number(),
  url: z.string(),
});
export type TScanUploadAnswer = z.infer<typeof ZScanUploadAnswer>;

export type TScanUploadResult = {
  checkId: string;
  severity: z.infer<typeof ZSeverity>;
  category: string;
  title: string;
  namespace: string;
  kind: string;
  name: string;
  file: string;
  line: number;
  messages: string[];
  blocking: boolean;
};

export type TScanUpload = {
  repository: string;
  branch: string;
  commit: string;
  results: TScanUploadResult[];
};
