"use server";

import { z } from "zod";
import { orgAction } from "@/lib/api/action";
import { createOrgToken } from "./create-org-token";
import { revokeToken } from "./revoke-token";
import { ZNewOrgToken, ZRowId } from "./schemas";

export const createOrgTokenAction = orgAction(
  { permission: "org:tokens:manage", input: ZNewOrgToken, revalidate: { path: "/settings/tokens" } },
  async ({ input, access, actor }) => {
    const { token, secret } = await createOrgToken(access.org.id, actor, input);
    return { name: token.name, token: secret };
  },
);

export const revokeTokenAction = orgAction(
  { permission: "org:tokens:manage", input: z.object({ tokenId: ZRowId }), revalidate: { path: "", type: "layout" } },
  async ({ input, access, actor }) => {
    const revoked = await revokeToken(access.org.id, actor, input.tokenId);
    return { name: revoked.name };
  },
);
