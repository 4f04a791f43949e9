import "server-only";
import type { Route } from "next";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import { authorizeOrg, authorizeTeam, type TOrgAccess, type TTeamAccess } from "./access";
import { safeCallbackUrl } from "./callback-url";
import { PAGE_PATH_HEADER } from "./page-path";
import type { TPermission } from "./permissions";
import { ssoStartPath } from "./sso-enforcement";

// Pages turn authorization errors into Next's 404/403 pages or a redirect: to sign-in, or, for an
// org that enforces SSO, straight to the org's IdP (and back to this page afterwards).
async function forPage<T>(orgSlug: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "unauthorized") redirect("/login");
    if (err.code === "sso_required") redirect((await ssoSignInOf(orgSlug)) as Route);
    if (err.code === "forbidden") forbidden();
    notFound();
  }
}

async function ssoSignInOf(orgSlug: string): Promise<string> {
  const page = (await headers()).get(PAGE_PATH_HEADER);
  return ssoStartPath(orgSlug, safeCallbackUrl(page, null, `/o/${encodeURIComponent(orgSlug)}`));
}

export const requireOrgPage = (orgSlug: string, permission?: TPermission): Promise<TOrgAccess> =>
  forPage(orgSlug, () => authorizeOrg(orgSlug, permission));

export const requireTeamPage = (orgSlug: string, teamSlug: string, permission?: TPermission): Promise<TTeamAccess> =>
  forPage(orgSlug, () => authorizeTeam(orgSlug, teamSlug, permission));
