import { type z } from "zod";
import { AppError, type TErrorCode } from "./errors";

/** What every server action returns to its form. */
export type TActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: { code: TErrorCode; message: string; fieldErrors?: Record<string, string[]> } };

export function ok<T>(data: T): TActionResult<T> {
  return { ok: true, data };
}

export function fail(code: TErrorCode, message: string, fieldErrors?: Record<string, string[]>): TActionResult<never> {
  return { ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

export function fromZodError(error: z.ZodError): TActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fail("bad_request", "Please correct the highlighted fields.", fieldErrors);
}

/**
 * Turns expected errors into results; anything else is a bug and is rethrown for the error page.
 * An AppError naming a form field (`details.field`) shows its message under that field too.
 */
export function fromError(err: unknown): TActionResult<never> {
  if (!(err instanceof AppError)) throw err;
  const details = err.details as { field?: unknown; fieldErrors?: unknown } | undefined;
  const field = details?.field;
  if (typeof field === "string") return fail(err.code, err.message, { [field]: [err.message] });
  return fail(err.code, err.message, fieldErrorsOf(details?.fieldErrors));
}

/**
 * An AppError's `details.fieldErrors` (a provider's refusal: Jira's "customfield_10010" → its
 * message) as the form's field errors; undefined when it names none.
 */
function fieldErrorsOf(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== "object") return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value as Record<string, unknown>)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === "string");
    if (list.length) out[key] = list;
  }
  return Object.keys(out).length ? out : undefined;
}
