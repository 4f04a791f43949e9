import { z } from "zod";
import { AppError } from "@/lib/server/errors";

/** Parses a verb's input; a problem is a 400 naming the field, with every issue for the form. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, field = "input"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.path.map(String).join(".");
  throw new AppError("bad_request", issue?.message ?? "This value is not valid.", {
    field: key || field,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
}

/** An id that is not even a uuid is simply not there (no 500 from the database). */
export function isUuid(value: unknown): value is string {
  return z.uuid().safeParse(value).success;
}
