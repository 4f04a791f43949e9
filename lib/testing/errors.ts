import { AppError } from "@/lib/server/errors";

/** "ok" when `promise` resolves, else the error's code (its text when it has none). */
export const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => "ok",
    (err: { code?: string }) => err.code ?? String(err),
  );

/** The AppError `promise` rejects with, as plain data; `{ code: "ok" }` when it resolves. Other errors throw. */
export async function appErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
    throw err;
  }
  return { code: "ok" };
}
