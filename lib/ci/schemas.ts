import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { CHECK_SEVERITIES } from "@/lib/domain/severity";
import { isCheckId } from "@/lib/policies/settings-schemas";
import { findUnsafeString } from "@/lib/server/text-safety";

/** At most this many results per upload: a scan of a whole monorepo fits; a runaway loop does not. */
export const MAX_SCAN_RESULTS = 5000;

// Repository names as CI systems print them: `acme/payments`, `gitlab.example.com/group/sub/app`.
export const ZRepository = z
  .string({ error: "Name the repository." })
  .trim()
  .min(1, "Name the repository.")
  .max(200, "At most 200 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:]*$/, "Use the repository's path, e.g. acme/payments.");

const ZObjectName = z.string().trim().max(253);

export const ZScanResult = z.object({
  checkId: z.string().refine(isCheckId, { error: "Unknown check." }),
  severity: z.enum(CHECK_SEVERITIES),
  category: z.string().max(40),
  title: z.string().trim().min(1).max(200),
  namespace: ZObjectName.default(""),
  kind: ZObjectName.min(1),
  // A manifest can lack a name (a template's generateName); it is still one object of the scan.
  name: ZObjectName.default(""),
  file: z.string().max(1000).default(""),
  line: z.number().int().min(1).max(10_000_000).nullable().default(null),
  messages: z.array(z.string().max(1000)).max(50).default([]),
  blocking: z.boolean().default(false),
});

export const ZScanUpload = z.object({
  repository: ZRepository,
  branch: z.string().trim().min(1, "Name the branch.").max(255),
  commit: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{7,64}$/, "Use the commit's hash.")
    .or(z.literal("unknown")),
  results: z.array(ZScanResult).max(MAX_SCAN_RESULTS, `At most ${MAX_SCAN_RESULTS} results per upload.`),
});
export type TScanUpload = z.infer<typeof ZScanUpload>;
export type TScanResult = z.infer<typeof ZScanResult>;

/** 5000 results with their messages fit in a few MB; the API's usual 1 MB bound would cut a monorepo's scan. */
export const MAX_SCAN_BYTES = 8 * 1024 * 1024;

/** Parses an upload body; bad JSON is a 400 naming the problem, a wrong shape a 400 listing the fields. */
export function parseScanUpload(text: string): TScanUpload {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(err as Error).message}`);
  }
  // A NUL or a lone surrogate cannot be stored; named like a schema error, before anything is written.
  const unsafe = findUnsafeString(body);
  if (unsafe) {
    throw new AppError("bad_request", `${unsafe.path || "The body"} ${unsafe.reason}.`, { field: unsafe.path });
  }
  return ZScanUpload.parse(body);
}
