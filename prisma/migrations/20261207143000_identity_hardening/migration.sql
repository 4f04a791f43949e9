-- Sessions can be revoked: the session cookie carries the user's session version from sign-in,
-- and every request compares it with this column. Signing out everywhere (and, later, password
-- changes and SSO deprovisioning) increments it, so every cookie issued before stops working.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- Sign-up proves the email address before any account or organization exists: the form stores
-- the request here and mails a link; only the link's holder can finish it. Existing users were
-- created through sign-up (before this check), invitations, OAuth, the headless init or the demo
-- seed and stay as they are: there is no "unverified" state to migrate.
CREATE TABLE "sign_up_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "org_name" TEXT NOT NULL,
    "org_slug" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_up_requests_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "sign_up_requests_token_hash_key" ON "sign_up_requests"("token_hash");
CREATE INDEX "sign_up_requests_expires_at_idx" ON "sign_up_requests"("expires_at");

-- Single-use links that lift an account's sign-in lock once failures from everywhere reached the
-- account-wide ceiling.
CREATE TABLE "sign_in_unlocks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_unlocks_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "sign_in_unlocks_token_hash_key" ON "sign_in_unlocks"("token_hash");
CREATE INDEX "sign_in_unlocks_user_id_idx" ON "sign_in_unlocks"("user_id");

ALTER TABLE "sign_in_unlocks" ADD CONSTRAINT "sign_in_unlocks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
