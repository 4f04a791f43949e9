"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf, authorizeOrg } from "@/lib/auth/access";
import { createCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { rotateClusterToken } from "@/lib/clusters/rotate-cluster-token";
import { ZClusterId, ZDeleteCluster, ZNewCluster } from "@/lib/clusters/schemas";
import { reprocessReport } from "@/lib/ingest/reprocess";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";

const ZOrg = z.object({ org: z.string().min(1) });

/** Errors that name a form field (duplicate slug, wrong confirmation) are shown under it. */
function failOnField(err: unknown): TActionResult<never> {
  const field = err instanceof AppError ? (err.details as { field?: string } | undefined)?.field : undefined;
  if (err instanceof AppError && field) return fail(err.code, err.message, { [field]: [err.message] });
  return fromError(err);
}

export async function createClusterAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ slug: string; name: string; token: string }>> {
  const parsed = ZNewCluster.extend(ZOrg.shape).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:clusters:manage");
    const { cluster, token } = await createCluster(access.org.id, actorOf(access), parsed.data);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ slug: cluster.slug, name: cluster.name, token });
  } catch (err) {
    return failOnField(err);
  }
}

export async function rotateClusterTokenAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ slug: string; token: string }>> {
  const parsed = ZOrg.extend({ clusterId: ZClusterId }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:clusters:manage");
    const { cluster, secret } = await rotateClusterToken(access.org.id, actorOf(access), parsed.data.clusterId);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ slug: cluster.slug, token: secret });
  } catch (err) {
    return fromError(err);
  }
}

export async function deleteClusterAction(_prev: unknown, form: FormData): Promise<TActionResult<{ slug: string }>> {
  const parsed = ZDeleteCluster.extend(ZOrg.shape).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:clusters:manage");
    const deleted = await deleteCluster(access.org.id, actorOf(access), {
      clusterId: parsed.data.clusterId,
      confirmSlug: parsed.data.confirm,
    });
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ slug: deleted.slug });
  } catch (err) {
    return failOnField(err);
  }
}

export async function reprocessReportAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ type: string; clusterSlug: string }>> {
  const parsed = ZOrg.extend({ reportId: z.string().min(1) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:clusters:manage");
    const report = await reprocessReport(access.org.id, actorOf(access), parsed.data.reportId);
    revalidatePath(`/o/${access.org.slug}/clusters`);
    return ok({ type: report.type, clusterSlug: report.clusterSlug });
  } catch (err) {
    return fromError(err);
  }
}
