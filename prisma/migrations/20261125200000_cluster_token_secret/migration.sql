-- Fleet installs read a cluster's agent token back (GET /v0/organizations/{org}/clusters/{cluster}?showToken=true),
-- so cluster tokens are also kept encrypted (AES-256-GCM under BUMPERS_ENCRYPTION_KEY). The hash stays the
-- lookup key; org tokens never get a ciphertext.
ALTER TABLE "api_tokens" ADD COLUMN "token_ciphertext" TEXT;
