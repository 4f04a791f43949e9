import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import { authorizeOrg, authorizeTeam, type TOrgAccess, type TTeamAccess } from "./access";
import type { TPermission } from "./permissions";

// Pages turn authorization errors into Next's 404/403 pages or a redirect to sign-in.
async function forPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "unauthorized") redirect("/login");
    if (err.code === "forbidden") forbidden();
    notFound();
  }
}

export const requireOrgPage = (orgSlug: string, permission?: TPermission): Promise<TOrgAccess> =>
  forPage(() => authorizeOrg(orgSlug, permission));

export const requireTeamPage = (orgSlug: string, teamSlug: string, permission?: TPermission): Promise<TTeamAccess> =>
  forPage(() => authorizeTeam(orgSlug, teamSlug, permission));
