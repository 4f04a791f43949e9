import { fail, fromError, type TActionResult } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";

/** Like fromError, but an AppError naming a field (`details.field`) is shown under that field. */
export function toActionError(err: unknown): TActionResult<never> {
  if (err instanceof AppError) {
    const field = (err.details as { field?: unknown } | undefined)?.field;
    if (typeof field === "string") return fail(err.code, err.message, { [field]: [err.message] });
  }
  return fromError(err);
}
