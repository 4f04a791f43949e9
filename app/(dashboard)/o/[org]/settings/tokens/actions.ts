"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf, authorizeOrg } from "@/lib/auth/access";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { ZNewOrgToken, ZRowId } from "@/lib/tokens/schemas";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

const ZOrg = z.object({ org: z.string().min(1) });

export async function createOrgTokenAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<{ name: string; token: string }>> {
  const parsed = ZNewOrgToken.extend(ZOrg.shape).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:tokens:manage");
    const { token, secret } = await createOrgToken(access.org.id, actorOf(access), parsed.data);
    revalidatePath(`/o/${access.org.slug}/settings/tokens`);
    return ok({ name: token.name, token: secret });
  } catch (err) {
    return fromError(err);
  }
}

export async function revokeTokenAction(_prev: unknown, form: FormData): Promise<TActionResult<{ name: string }>> {
  const parsed = ZOrg.extend({ tokenId: ZRowId }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:tokens:manage");
    const revoked = await revokeToken(access.org.id, actorOf(access), parsed.data.tokenId);
    revalidatePath(`/o/${access.org.slug}`, "layout");
    return ok({ name: revoked.name });
  } catch (err) {
    return fromError(err);
  }
}
