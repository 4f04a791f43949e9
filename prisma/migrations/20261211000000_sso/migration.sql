-- Single sign-on and provisioning per organization (docs/sso.md): one OIDC or SAML connection per
-- org, the email domains it answers for, IdP groups mapped to org and team roles, the identities
-- it has signed in, the short-lived state of sign-ins in flight, and SCIM 2.0 users and groups.

CREATE TYPE "sso_protocol" AS ENUM ('oidc', 'saml');
ALTER TYPE "token_kind" ADD VALUE 'scim';

CREATE TABLE "sso_connections" (
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "protocol" "sso_protocol" NOT NULL,
  -- Off until an owner switches it on (after "validate configuration" passed).
  "enabled" BOOLEAN NOT NULL DEFAULT false,
  -- Members may then only sign in through the IdP; owners keep a break-glass password.
  "enforced" BOOLEAN NOT NULL DEFAULT false,
  -- Create the user and membership at the first sign-in.
  "jit" BOOLEAN NOT NULL DEFAULT true,
  -- SAML responses without a request of ours (IdP-initiated) are refused unless this is on.
  "allow_idp_initiated" BOOLEAN NOT NULL DEFAULT false,
  -- Lifetime of a session signed in through this connection; null = the install's default.
  "session_hours" INTEGER CHECK ("session_hours" BETWEEN 1 AND 720),
  -- Org role of a JIT-created member whose groups map to no org role.
  "default_role" "org_role" NOT NULL DEFAULT 'member',
  -- Protocol settings, validated by lib/sso/schemas.ts (ZOidcSettings / ZSamlSettings).
  "settings" JSONB NOT NULL DEFAULT '{}',
  -- OIDC client secret, sealed by lib/server/secret-box.ts.
  "client_secret_sealed" TEXT,
  -- SAML: the SP's private key (sealed) and self-signed certificate, generated per org; the key
  -- signs AuthnRequests and decrypts encrypted assertions.
  "sp_private_key_sealed" TEXT,
  "sp_certificate" TEXT,
  "validated_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_connections_pkey" PRIMARY KEY ("org_id")
);

-- A domain is claimed by one org at most: its IdP is the authority for addresses in it.
CREATE TABLE "sso_domains" (
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "domain" TEXT NOT NULL CHECK ("domain" = lower("domain")),
  "claimed_by_id" UUID REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_domains_pkey" PRIMARY KEY ("org_id", "domain")
);
CREATE UNIQUE INDEX "sso_domains_domain_key" ON "sso_domains"("domain");

-- IdP group → org role and/or team role. `group_name` may hold `*` wildcards.
CREATE TABLE "sso_group_mappings" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "group_name" TEXT NOT NULL,
  "org_role" "org_role",
  "team_id" UUID REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "team_role" "team_role",
  "position" INTEGER NOT NULL DEFAULT 0,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_group_mappings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sso_group_mappings_target" CHECK (
    "org_role" IS NOT NULL OR ("team_id" IS NOT NULL AND "team_role" IS NOT NULL)
  ),
  CONSTRAINT "sso_group_mappings_team_pair" CHECK (("team_id" IS NULL) = ("team_role" IS NULL))
);
CREATE INDEX "sso_group_mappings_org_id_position_idx" ON "sso_group_mappings"("org_id", "position");

-- Who an IdP has signed in: the IdP's stable subject (OIDC `sub`, SAML NameID) → user.
CREATE TABLE "sso_identities" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "user_id" UUID NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "protocol" "sso_protocol" NOT NULL,
  "subject" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  -- Groups the IdP sent at the last sign-in (re-mapped at every sign-in).
  "groups" TEXT[] NOT NULL DEFAULT '{}',
  "last_sign_in_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_identities_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sso_identities_org_id_protocol_subject_key" ON "sso_identities"("org_id", "protocol", "subject");
CREATE UNIQUE INDEX "sso_identities_org_id_user_id_key" ON "sso_identities"("org_id", "user_id");

-- A sign-in we started and have not seen come back: OIDC `state` or SAML AuthnRequest ID. Used
-- once; bound to the browser that started it by the hash of a cookie's random value.
CREATE TABLE "sso_requests" (
  "id" TEXT NOT NULL,
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "protocol" "sso_protocol" NOT NULL,
  "browser_hash" TEXT NOT NULL,
  "nonce" TEXT,
  "code_verifier" TEXT,
  "callback_url" TEXT NOT NULL DEFAULT '/',
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "consumed_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_requests_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sso_requests_expires_at_idx" ON "sso_requests"("expires_at");

-- Assertion IDs and ID-token identifiers already accepted, kept until they would expire anyway:
-- a replayed response finds its key here.
CREATE TABLE "sso_replay_guard" (
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "key" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "sso_replay_guard_pkey" PRIMARY KEY ("org_id", "key")
);
CREATE INDEX "sso_replay_guard_expires_at_idx" ON "sso_replay_guard"("expires_at");

-- The hand-over from a verified IdP response to next-auth's session: single use, a minute long,
-- bound to the browser by the hash of a cookie set with it.
CREATE TABLE "sso_sign_in_tickets" (
  "token_hash" TEXT NOT NULL,
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "user_id" UUID NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "browser_hash" TEXT NOT NULL,
  "callback_url" TEXT NOT NULL DEFAULT '/',
  -- End of the session this sign-in opens (the connection's session lifetime), if it sets one.
  "session_until" TIMESTAMPTZ(3),
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "consumed_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_sign_in_tickets_pkey" PRIMARY KEY ("token_hash")
);
CREATE INDEX "sso_sign_in_tickets_expires_at_idx" ON "sso_sign_in_tickets"("expires_at");

-- Memberships the directory manages ('sso' from sign-in groups, 'scim' from provisioning) are
-- added and removed by it; manual ones (null) are never removed by the IdP.
ALTER TABLE "memberships" ADD COLUMN "managed_by" TEXT CHECK ("managed_by" IN ('sso', 'scim'));
ALTER TABLE "team_memberships" ADD COLUMN "managed_by" TEXT CHECK ("managed_by" IN ('sso', 'scim'));

-- SCIM 2.0 Users of an org (RFC 7643 §4.1). A user exists once in Bumpers; this row is the org's
-- provisioning record of them. Deactivated (`active` false) removes the org membership at once.
CREATE TABLE "scim_users" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "user_id" UUID NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "user_name" TEXT NOT NULL,
  "external_id" TEXT,
  "display_name" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  -- The rest of the resource as last written (name, emails, title…), returned as is.
  "attributes" JSONB NOT NULL DEFAULT '{}',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "scim_users_pkey" PRIMARY KEY ("id")
);
-- userName is case-insensitive (RFC 7643 §4.1.1).
CREATE UNIQUE INDEX "scim_users_org_id_user_name_key" ON "scim_users"("org_id", lower("user_name"));
CREATE UNIQUE INDEX "scim_users_org_id_user_id_key" ON "scim_users"("org_id", "user_id");
CREATE INDEX "scim_users_org_id_external_id_idx" ON "scim_users"("org_id", "external_id");

-- SCIM Groups; each is linked to a team whose members it then manages.
CREATE TABLE "scim_groups" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "display_name" TEXT NOT NULL,
  "external_id" TEXT,
  "team_id" UUID REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  -- Role the group's members get on its team (unless a group mapping says otherwise).
  "team_role" "team_role" NOT NULL DEFAULT 'editor',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "scim_groups_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scim_groups_org_id_display_name_key" ON "scim_groups"("org_id", lower("display_name"));
CREATE INDEX "scim_groups_org_id_external_id_idx" ON "scim_groups"("org_id", "external_id");

CREATE TABLE "scim_group_members" (
  "org_id" UUID NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "group_id" UUID NOT NULL REFERENCES "scim_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "scim_user_id" UUID NOT NULL REFERENCES "scim_users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "scim_group_members_pkey" PRIMARY KEY ("group_id", "scim_user_id")
);
CREATE INDEX "scim_group_members_scim_user_id_idx" ON "scim_group_members"("scim_user_id");
