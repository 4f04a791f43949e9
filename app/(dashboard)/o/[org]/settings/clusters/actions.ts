"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf, authorizeOrg } from "@/lib/auth/access";
import { setStaleClusterHours } from "@/lib/clusters/set-stale-cluster-hours";
import { ZStaleSetting } from "@/lib/clusters/stale-setting";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

const ZOrg = z.object({ org: z.string().min(1) });

export async function updateClusterSettingsAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ staleClusterHours: number; changed: boolean }>> {
  const parsed = ZStaleSetting.extend(ZOrg.shape).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:settings:manage");
    const result = await setStaleClusterHours(access.org.id, actorOf(access), parsed.data.staleClusterHours);
    // The Clusters page and the overview both show staleness.
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}
