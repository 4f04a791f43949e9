import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";

/**
 * Runs a cost page's reads: a team or service the scope may not read is `AppError("not_found")`
 * in lib/cost, and Next's 404 page here, the same as a team that does not exist.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
