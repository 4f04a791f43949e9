import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { originFrom } from "@/lib/server/app-url";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { readCapped } from "@/lib/server/read-capped";
import { loadSsoConnection, type TSamlConnection } from "../connections";
import { SsoError } from "../errors";
import { finishSsoSignIn } from "../sign-in/finish";
import type { TSsoFailure } from "../types";
import { verifySamlResponse } from "./acs";
import { spMetadataXml } from "./metadata";
import { startSamlSignIn } from "./start";

// What the three SAML routes of app/api/sso/[org]/saml do. They are public on purpose: the person
// is not signed in yet. The start route only redirects to the org's IdP; the ACS trusts nothing
// but a response signed by the org's IdP that answers a sign-in this org started (or, when the
// org allows it, an IdP-initiated one); the metadata is meant to be read by anyone's IdP.

/** An ACS body is a form with one base64 response; real ones are a few dozen KiB. */
export const MAX_ACS_BODY_BYTES = 256 * 1024;

const ZAcsForm = z.object({
  SAMLResponse: z.string().min(1).max(MAX_ACS_BODY_BYTES),
  RelayState: z.string().max(200).nullable(),
});

const originOf = (req: Request) => originFrom(env().NEXTAUTH_URL, req.headers);

/** To the sign-in page, which explains `reason`. 303 after the ACS's POST, so the browser GETs. */
function toLogin(origin: string, reason: TSsoFailure, status: 302 | 303): Response {
  const url = new URL("/login", origin);
  url.searchParams.set("error", reason);
  return NextResponse.redirect(url, status);
}

async function samlConnectionOf(slug: string, requireEnabled = true): Promise<TSamlConnection | null> {
  const conn = await loadSsoConnection(slug, { requireEnabled });
  return conn?.protocol === "saml" ? conn : null;
}

/** GET /api/sso/<org>/saml/start?callbackUrl=/o/acme: to the IdP with a signed AuthnRequest. */
export async function samlStartResponse(req: Request, slug: string): Promise<Response> {
  const origin = originOf(req);
  const callbackUrl = safeCallbackUrl(new URL(req.url).searchParams.get("callbackUrl"), origin);
  const conn = await samlConnectionOf(slug);
  if (!conn) return toLogin(origin, "SsoNotConfigured", 302);
  try {
    const { redirectUrl } = await startSamlSignIn(conn, { callbackUrl, origin });
    return NextResponse.redirect(redirectUrl, 302);
  } catch (err) {
    if (!(err instanceof SsoError)) throw err;
    console.warn(`[sso] SAML start for ${slug} refused: ${err.detail}`);
    return toLogin(origin, err.reason, 302);
  }
}

async function readAcsForm(req: Request): Promise<z.infer<typeof ZAcsForm> | null> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new AppError("bad_request", "The ACS takes an HTML form POST (application/x-www-form-urlencoded).");
  }
  const body = await readCapped(req, MAX_ACS_BODY_BYTES, {
    tooLarge: () => new AppError("payload_too_large", "A SAML response is at most 256 KiB."),
    cutOff: (err) => new AppError("bad_request", `The request body was cut off: ${err.message}`),
  });
  const form = new URLSearchParams(body.toString("utf8"));
  const parsed = ZAcsForm.safeParse({ SAMLResponse: form.get("SAMLResponse"), RelayState: form.get("RelayState") });
  return parsed.success ? parsed.data : null;
}

/** POST /api/sso/<org>/saml/acs: the IdP's response, through the browser (HTTP-POST binding). */
export async function samlAcsResponse(req: Request, slug: string): Promise<Response> {
  const origin = originOf(req);
  const form = await readAcsForm(req);
  const conn = await samlConnectionOf(slug);
  if (!conn) return toLogin(origin, "SsoNotConfigured", 303);
  try {
    if (!form) throw new SsoError("SsoInvalidResponse", "the form has no SAMLResponse");
    const identity = await verifySamlResponse(conn, {
      samlResponse: form.SAMLResponse,
      relayState: form.RelayState,
      origin,
    });
    return await finishSsoSignIn(identity, origin);
  } catch (err) {
    if (!(err instanceof SsoError)) throw err;
    console.warn(`[sso] SAML response for ${slug} refused (${err.reason}): ${err.detail}`);
    return toLogin(origin, err.reason, 303);
  }
}

/** GET /api/sso/<org>/saml/metadata: the SP metadata to import at the IdP (before enabling, too). */
export async function samlMetadataResponse(req: Request, slug: string): Promise<Response> {
  const conn = await samlConnectionOf(slug, false);
  if (!conn || !conn.spPrivateKey || !conn.spCertificate) {
    throw new AppError("not_found", "This organization has no SAML connection.");
  }
  return new Response(spMetadataXml(conn, originOf(req)), {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
