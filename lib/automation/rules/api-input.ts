import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { readCapped } from "@/lib/server/read-capped";
import type { TAutomationRuleInput } from "../schemas";

// Bodies of the /api/v1/automation routes. A rule is validated by the verbs (ZAutomationRuleInput,
// the same as the editor and YAML import); here only the envelope is checked.

const RULE_KEYS = ["name", "enabled", "conditions", "actions", "stopProcessing", "expiresAt", "note"] as const;

/** PATCH: any of the rule's settings, nothing else (a typo is a 400, not a silent no-op). */
export const ZRulePatch = z.strictObject(
  Object.fromEntries(RULE_KEYS.map((k) => [k, z.unknown().optional()])) as Record<
    (typeof RULE_KEYS)[number],
    z.ZodOptional<z.ZodUnknown>
  >,
);

/** POST: a whole rule, and optionally where in the list (0-based; default: the end). */
export const ZRuleCreate = ZRulePatch.extend({ index: z.number().int().min(0).optional() });

export const asRuleInput = (body: Record<string, unknown>) => body as Partial<TAutomationRuleInput>;

export const ZMove = z.union([
  z.strictObject({ direction: z.enum(["up", "down"]) }),
  z.strictObject({ index: z.number().int().min(0) }),
]);

const MAX_YAML_BYTES = 1_000_000;

/** The raw body as text (a YAML file), at most 1 MB. */
export async function readText(req: Request): Promise<string> {
  const bytes = await readCapped(req, MAX_YAML_BYTES, {
    tooLarge: () => new AppError("payload_too_large", "The rules file is larger than the 1 MB limit."),
    cutOff: (err) => new AppError("bad_request", `The request body was cut off: ${err.message}`),
  });
  return bytes.toString("utf8");
}

/** `?dryRun=true|false` (default true: an import only writes when told to). */
export function dryRunOf(url: URL): boolean {
  const raw = url.searchParams.get("dryRun");
  if (raw === null || raw === "true") return true;
  if (raw === "false") return false;
  throw new AppError("bad_request", "dryRun is true or false.", { field: "dryRun" });
}
