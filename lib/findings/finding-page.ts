import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { AppError } from "@/lib/server/errors";
import { getFinding } from "./get-finding";
import { findingScopeOf } from "@/lib/auth/visibility-scope";

/**
 * The finding as the signed-in user may see it, or the 404 page. Cached per request: the detail's
 * layout reads it first (outside the loading boundary, so another tenant's id is a real 404, not
 * a 200 that streams a not-found), then the page title and the page reuse it.
 */
export const loadFindingPage = cache(async (orgSlug: string, id: string) => {
  const access = await requireOrgPage(orgSlug);
  try {
    return { access, finding: await getFinding(findingScopeOf(access, "team:read"), id) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
});
