import { z } from "zod";
import { ZGroupMapping, ZOidcSettings, ZSsoDomain, ZSsoPolicy } from "../schemas";

// What the settings page's forms post, as the config verbs take it. Forms send text (checkboxes
// "on", selects "" for none, lists as one textarea); JSON callers may send the typed values.

/** A checkbox: "on"/"true" or true; absent is false. */
export const ZFlag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Scopes typed as one line ("openid email groups") or sent as a list. */
const ZScopeList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
  ZOidcSettings.shape.scopes,
);

export const ZOidcConnectionInput = ZOidcSettings.extend({
  scopes: ZScopeList,
  groupsClaim: z.preprocess(blankToUndefined, ZOidcSettings.shape.groupsClaim),
  /** Write-only: blank keeps the stored secret. */
  clientSecret: z.string().trim().max(2000, { error: "At most 2000 characters." }).optional(),
});
export type TOidcConnectionInput = z.input<typeof ZOidcConnectionInput>;

export const SAML_SOURCES = ["metadata_url", "metadata_xml", "manual"] as const;
export type TSamlSource = (typeof SAML_SOURCES)[number];

/** Certificates pasted as one text: each PEM block, or the whole text as one bare base64 body. */
export function splitCertificates(text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks) return blocks.map((b) => b.trim());
  return text.trim() ? [text.trim()] : [];
}

const ZOptionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/**
 * Where the IdP's settings come from: its metadata (a URL read now and by "validate", or the XML
 * pasted), or the entity id, SSO URL and certificates typed in. The rest are Bumpers' own options.
 */
export const ZSamlConnectionInput = z
  .object({
    source: z.enum(SAML_SOURCES, { error: "Choose metadata URL, metadata XML or manual entry." }),
    idpMetadataUrl: ZOptionalText(2000),
    idpMetadataXml: ZOptionalText(600_000),
    idpEntityId: ZOptionalText(1000),
    idpSsoUrl: ZOptionalText(2000),
    idpCertificates: z.preprocess(
      (v) => (typeof v === "string" ? splitCertificates(v) : v),
      z.array(z.string()).max(5, { error: "At most 5 certificates." }).default([]),
    ),
    wantResponseSigned: ZFlag,
    encryptedAssertions: ZFlag,
    groupsAttribute: ZOptionalText(200),
    emailAttribute: ZOptionalText(200),
    nameAttribute: ZOptionalText(200),
  })
  .superRefine((input, ctx) => {
    const need = (field: keyof typeof input, message: string) => {
      const value = input[field];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        ctx.addIssue({ code: "custom", message, path: [field] });
      }
    };
    if (input.source === "metadata_url") need("idpMetadataUrl", "Enter the IdP's metadata URL.");
    if (input.source === "metadata_xml") need("idpMetadataXml", "Paste the IdP's metadata XML.");
    if (input.source === "manual") {
      need("idpEntityId", "Enter the IdP's entity ID (issuer).");
      need("idpSsoUrl", "Enter the IdP's single sign-on URL.");
      need("idpCertificates", "Paste the IdP's signing certificate (PEM).");
    }
  });
export type TSamlConnectionInput = z.input<typeof ZSamlConnectionInput>;

export const ZPolicyInput = ZSsoPolicy.extend({
  enabled: ZFlag,
  enforced: ZFlag,
  jit: ZFlag,
  allowIdpInitiated: ZFlag,
  sessionHours: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Enter a whole number of hours." })
      .int({ error: "Enter a whole number of hours." })
      .min(1, { error: "At least 1 hour." })
      .max(720, { error: "At most 720 hours (30 days)." })
      .nullable(),
  ),
  defaultRole: z.enum(["admin", "member"], { error: "Choose member or admin." }),
});

export const ZDomainInput = z.object({ domain: ZSsoDomain });

export const ZRowId = z.guid({ error: "Unknown id." });

/** A mapping as the form posts it: empty selects are "none". */
export const ZGroupMappingInput = z.preprocess(
  (v) =>
    v && typeof v === "object"
      ? {
          ...v,
          orgRole: blankToNull((v as Record<string, unknown>).orgRole),
          teamId: blankToNull((v as Record<string, unknown>).teamId),
          teamRole: blankToNull((v as Record<string, unknown>).teamRole),
        }
      : v,
  ZGroupMapping,
);

export const MAX_GROUP_MAPPINGS = 200;
export const MAX_SSO_DOMAINS = 50;
export const MAX_ACTIVE_SCIM_TOKENS = 5;
