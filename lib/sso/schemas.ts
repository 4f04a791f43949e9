import { z } from "zod";

// Settings of an organization's SSO connection, shared by the settings form, the server actions,
// the protocol modules (lib/sso/oidc, lib/sso/saml) and the tests. Secrets (the OIDC client
// secret, the SAML SP key) never travel in these objects: they are sealed in their own columns.

export const SSO_PROTOCOLS = ["oidc", "saml"] as const;
export type TSsoProtocol = (typeof SSO_PROTOCOLS)[number];

const ZHttpUrl = z
  .string()
  .trim()
  .url({ error: "Enter a full URL (https://…)." })
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), { error: "Use an https:// address." });

const ZClaimName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\w.:/-]+$/, { error: "Letters, digits and . : / - _ only." });

export const ZOidcSettings = z.object({
  /** Issuer; discovery is read from `${issuer}/.well-known/openid-configuration`. */
  issuer: ZHttpUrl,
  clientId: z.string().trim().min(1, { error: "Enter the client ID." }).max(500),
  scopes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, { error: "A scope has no spaces or quotes." }),
    )
    .max(20)
    .default(["openid", "email", "profile"])
    .transform((s) => (s.includes("openid") ? s : ["openid", ...s])),
  /** ID-token / userinfo claim holding the person's groups (Okta, Keycloak: `groups`). */
  groupsClaim: ZClaimName.default("groups"),
});
export type TOidcSettings = z.infer<typeof ZOidcSettings>;

/** A PEM certificate, or its bare base64 body as IdP metadata carries it. */
const ZCertificate = z.string().trim().min(100, { error: "Paste the IdP's signing certificate (PEM)." }).max(20_000);

export const ZSamlSettings = z.object({
  /** Where the IdP publishes its metadata (read at save and by "validate"); or paste the XML. */
  idpMetadataUrl: ZHttpUrl.optional(),
  idpEntityId: z.string().trim().min(1, { error: "Enter the IdP's entity ID (issuer)." }).max(1000),
  idpSsoUrl: ZHttpUrl,
  /** Certificates the IdP signs with (several during a rollover). */
  idpCertificates: z.array(ZCertificate).min(1, { error: "Add at least one IdP signing certificate." }).max(5),
  /** Also require the Response element itself to be signed (the Assertion always must be). */
  wantResponseSigned: z.boolean().default(false),
  /** Publish an encryption key in the SP metadata and accept encrypted assertions. */
  encryptedAssertions: z.boolean().default(false),
  /** Attribute holding the person's groups (Okta: `groups`; Entra: the groups claim URI). */
  groupsAttribute: ZClaimName.default("groups"),
  /** Attribute holding the email; the NameID is used when it is absent. */
  emailAttribute: ZClaimName.default("email"),
  /** Attribute holding the display name. */
  nameAttribute: ZClaimName.default("name"),
});
export type TSamlSettings = z.infer<typeof ZSamlSettings>;

/** Options common to both protocols. */
export const ZSsoPolicy = z.object({
  enabled: z.boolean(),
  enforced: z.boolean(),
  jit: z.boolean(),
  allowIdpInitiated: z.boolean(),
  sessionHours: z.number().int().min(1).max(720).nullable(),
  defaultRole: z.enum(["admin", "member"]),
});
export type TSsoPolicy = z.infer<typeof ZSsoPolicy>;

const ZDomainLabel = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;
export const ZSsoDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(ZDomainLabel, { error: "Enter a domain like example.com." });

export const ZGroupMapping = z
  .object({
    groupName: z.string().trim().min(1, { error: "Enter the IdP group." }).max(256),
    orgRole: z.enum(["owner", "admin", "member"]).nullable(),
    teamId: z.uuid().nullable(),
    teamRole: z.enum(["viewer", "editor", "admin"]).nullable(),
  })
  .refine((m) => (m.teamId === null) === (m.teamRole === null), {
    error: "Choose both a team and its role, or neither.",
  })
  .refine((m) => m.orgRole !== null || m.teamId !== null, { error: "Map the group to an org role or a team." });
export type TGroupMapping = z.infer<typeof ZGroupMapping>;
