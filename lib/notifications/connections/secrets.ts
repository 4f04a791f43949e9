import "server-only";
import { createHash } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/server/secret-box";

// A connection's secret (bot token, webhook URL, signing secret, SMTP password) is one JSON
// object sealed with the connection's id as context: a ciphertext copied onto another row does
// not open. Lists show only `secret_hint`.

export type TConnectionSecret = {
  botToken?: string;
  url?: string;
  signingSecret?: string;
  password?: string;
};

const contextOf = (connectionId: string) => `notification-connection:${connectionId}`;

export function sealConnectionSecret(connectionId: string, secret: TConnectionSecret): string {
  return encryptSecret(JSON.stringify(secret), contextOf(connectionId));
}

export function openConnectionSecret(connectionId: string, sealed: string): TConnectionSecret {
  return JSON.parse(decryptSecret(sealed, contextOf(connectionId))) as TConnectionSecret;
}

/** "xoxb-…9f2c": enough to tell tokens apart, too little to use. */
export function hintOfToken(token: string): string {
  return `${token.slice(0, 5)}…${token.slice(-4)}`;
}

/** "hooks.slack.com/…x7Qa": the host and the last characters of a secret-bearing URL. */
export function hintOfUrl(url: string): string {
  const parsed = new URL(url);
  const tail = url.replace(/\/+$/, "").slice(-4);
  return `${parsed.host}/…${tail}`;
}

/** Tells secrets apart for pacing without keeping them readable. */
export function fingerprintOf(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}
