-- CI tokens: read the org's policy settings and upload `bumpers check` results, nothing else, so a
-- token kept in a CI system's secrets cannot read findings or change the org.
ALTER TYPE "token_kind" ADD VALUE IF NOT EXISTS 'ci';
