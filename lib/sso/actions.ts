"use server";

import { z } from "zod";
import { orgAction } from "@/lib/api/action";
import { appBaseUrl } from "@/lib/server/app-url";
import { addGroupMapping } from "./config/add-group-mapping";
import { changeGroupMapping } from "./config/change-group-mapping";
import { claimDomain } from "./config/claim-domain";
import { createScimToken } from "./config/create-scim-token";
import { moveGroupMapping } from "./config/move-group-mapping";
import { removeDomain } from "./config/remove-domain";
import { removeGroupMapping } from "./config/remove-group-mapping";
import { revokeScimToken } from "./config/revoke-scim-token";
import { saveOidcConnection } from "./config/save-oidc-connection";
import { saveSamlConnection } from "./config/save-saml-connection";
import {
  ZDomainInput,
  ZGroupMappingInput,
  ZOidcConnectionInput,
  ZPolicyInput,
  ZRowId,
  ZSamlConnectionInput,
} from "./config/schemas";
import { setSsoPolicy } from "./config/set-sso-policy";
import { validateSsoConnection } from "./config/validate-sso-connection";

// Settings → Single sign-on: owners only ("org:sso:manage"), since the connection decides who can
// sign in to the org at all. Each action calls one verb of lib/sso/config, which audits.

const SSO = { permission: "org:sso:manage", revalidate: { path: "/settings/sso" } } as const;

/** "idpCertificates.1" → "idpCertificates": the form has one field for the list. */
const firstSegment = (fieldErrors: Record<string, string[]>) => {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) (out[key.split(".")[0]!] ??= []).push(...messages);
  return out;
};

export const saveOidcConnectionAction = orgAction(
  { ...SSO, input: ZOidcConnectionInput, formFields: firstSegment },
  async ({ input, access, actor }) => saveOidcConnection(access.org.id, actor, input),
);

export const saveSamlConnectionAction = orgAction(
  { ...SSO, input: ZSamlConnectionInput, formFields: firstSegment },
  async ({ input, access, actor }) => saveSamlConnection(access.org.id, actor, input),
);

export const validateSsoConnectionAction = orgAction({ ...SSO }, async ({ access, actor }) =>
  validateSsoConnection(access.org.id, actor, await appBaseUrl()),
);

export const setSsoPolicyAction = orgAction({ ...SSO, input: ZPolicyInput }, async ({ input, access, actor }) =>
  setSsoPolicy(access.org.id, actor, input),
);

export const claimSsoDomainAction = orgAction({ ...SSO, input: ZDomainInput }, async ({ input, access, actor }) =>
  claimDomain(access.org.id, actor, input.domain),
);

export const removeSsoDomainAction = orgAction(
  { ...SSO, input: z.object({ domain: z.string().trim().min(1).max(253) }) },
  async ({ input, access, actor }) => {
    await removeDomain(access.org.id, actor, input.domain);
    return { domain: input.domain };
  },
);

export const addGroupMappingAction = orgAction(
  { ...SSO, input: ZGroupMappingInput },
  async ({ input, access, actor }) => addGroupMapping(access.org.id, actor, input),
);

export const changeGroupMappingAction = orgAction(
  { ...SSO, input: z.object({ mappingId: ZRowId }).and(ZGroupMappingInput) },
  async ({ input, access, actor }) => {
    const { mappingId, ...mapping } = input;
    return changeGroupMapping(access.org.id, actor, mappingId, mapping);
  },
);

export const removeGroupMappingAction = orgAction(
  { ...SSO, input: z.object({ mappingId: ZRowId }) },
  async ({ input, access, actor }) => {
    await removeGroupMapping(access.org.id, actor, input.mappingId);
    return null;
  },
);

export const moveGroupMappingAction = orgAction(
  { ...SSO, input: z.object({ mappingId: ZRowId, direction: z.enum(["up", "down"], { error: "Move up or down." }) }) },
  async ({ input, access, actor }) => moveGroupMapping(access.org.id, actor, input.mappingId, input.direction),
);

export const createScimTokenAction = orgAction(
  { ...SSO, input: z.object({ name: z.string().default("") }) },
  async ({ input, access, actor }) => {
    const created = await createScimToken(access.org.id, actor, input.name);
    return { name: created.name, token: created.token };
  },
);

export const revokeScimTokenAction = orgAction(
  { ...SSO, input: z.object({ tokenId: z.string().default("") }) },
  async ({ input, access, actor }) => revokeScimToken(access.org.id, actor, input.tokenId),
);
