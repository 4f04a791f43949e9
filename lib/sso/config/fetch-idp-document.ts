import "server-only";
import { sendGuarded } from "@/lib/server/outbound/request";
import { IdpMetadataError, MAX_METADATA_BYTES, parseIdpMetadata, type TIdpMetadata } from "./idp-metadata";

// Documents an owner's IdP publishes (OIDC discovery and JWKS, SAML metadata), read through the
// SSRF guard: the URL is typed by a person, so it must not reach the cloud metadata service or
// the cluster's private network unless the operator allows private destinations.

const TIMEOUT_MS = 10_000;

export type TFetched = { ok: true; body: string } | { ok: false; reason: string };

/** GET a document; anything but a 200 with a body is a reason, worded for the settings page. */
export async function fetchIdpDocument(url: string, accept: string): Promise<TFetched> {
  const result = await sendGuarded(url, "GET", undefined, {
    headers: { accept },
    timeoutMs: TIMEOUT_MS,
    maxResponseBytes: MAX_METADATA_BYTES,
  });
  if (!result.ok) return { ok: false, reason: result.error.message };
  const { status, bodyText } = result.response;
  const host = new URL(url).host;
  if (status !== 200) return { ok: false, reason: `${host} answered HTTP ${status}.` };
  if (!bodyText.trim()) return { ok: false, reason: `${host} answered with an empty document.` };
  return { ok: true, body: bodyText };
}

/** A JSON document, or why it could not be read. */
export async function fetchIdpJson(url: string): Promise<{ ok: true; json: unknown } | { ok: false; reason: string }> {
  const fetched = await fetchIdpDocument(url, "application/json");
  if (!fetched.ok) return fetched;
  try {
    return { ok: true, json: JSON.parse(fetched.body) };
  } catch {
    return { ok: false, reason: `${new URL(url).host} did not answer with JSON.` };
  }
}

/** SAML metadata read from its URL and parsed; IdpMetadataError says what went wrong. */
export async function fetchIdpMetadata(url: string): Promise<TIdpMetadata> {
  const fetched = await fetchIdpDocument(url, "application/samlmetadata+xml, application/xml, text/xml");
  if (!fetched.ok) throw new IdpMetadataError(`The metadata URL could not be read: ${fetched.reason}`);
  return parseIdpMetadata(fetched.body);
}
